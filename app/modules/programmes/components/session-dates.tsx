import type { FieldMetadata } from '@conform-to/react'
import { FormErrors, TextField } from '~/components/form.tsx'
import { useT } from '~/components/i18n.tsx'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { SESSION_KINDS } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

type Planned = { title: string; kind: string; durationMinutes: number }

/** One date with start and end time per session; field errors sit on the field they concern. */
export function SessionDates({ field, sessions }: { field: FieldMetadata<{ date: string; start: string; end: string }[]>; sessions: Planned[] }) {
  const t = useT()
  const hours = useHours()
  const items = field.getFieldList()
  return (
    <fieldset className="ds-fieldset stack">
      <legend className="ds-heading" data-size="sm">
        {t('programmes.dates')}
      </legend>
      <p className="ds-paragraph muted">{t('programmes.datesHelp')}</p>
      <FormErrors id={field.errorId} errors={field.errors} />
      {sessions.map((s, i) => {
        const item = items[i]?.getFieldset()
        if (!item) return null
        return (
          <fieldset key={i} className="ds-fieldset session-dates">
            <legend className="ds-label">
              {i + 1}. {s.title} ({enumLabel(t, 'kind', SESSION_KINDS, s.kind)}, {t('curriculum.hoursLong', { hours: hours(s.durationMinutes) })})
            </legend>
            <div className="row-end">
              <TextField field={item.date} label={t('programmes.date')} type="date" />
              <TextField field={item.start} label={t('programmes.start')} type="time" />
              <TextField field={item.end} label={t('programmes.end')} type="time" />
            </div>
          </fieldset>
        )
      })}
    </fieldset>
  )
}
