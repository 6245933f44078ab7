import { useLang, useT } from '~/components/i18n.tsx'
import type { Lang } from '~/i18n/index.ts'
import { formatHours, formatTime } from '~/utils/format.ts'
import type { AgendaBlock } from '../content-schema.ts'
import { timedAgenda } from '../agenda-time.ts'

function relative(minutes: number) {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/** The agenda as a table: clock times when the session has a start, otherwise minutes from the start. */
export function AgendaTable({ blocks, durationMinutes, startsAt, id }: { blocks: AgendaBlock[]; durationMinutes: number; startsAt?: Date | string | null; id?: string }) {
  const t = useT()
  const lang = useLang()
  const { blocks: timed, breakMinutes } = timedAgenda(blocks, durationMinutes)
  const at = (m: number) => (startsAt ? formatTime(new Date(new Date(startsAt).getTime() + m * 60_000), lang) : relative(m))
  return (
    <div className="table-wrap">
      <table className="ds-table" data-border="true" id={id}>
        <caption className="visually-hidden">{t('curriculum.agenda')}</caption>
        <thead>
          <tr>
            <th scope="col">{startsAt ? t('curriculum.time') : t('curriculum.fromStart')}</th>
            <th scope="col">{t('curriculum.block')}</th>
            <th scope="col">{t('curriculum.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {timed.map((b, i) => (
            <tr key={i}>
              <td>
                {at(b.from)}–{at(b.to)}
              </td>
              <td>{b.title}</td>
              <td>{b.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {breakMinutes > 0 ? <p className="ds-paragraph muted">{t('curriculum.breaks', { minutes: breakMinutes })}</p> : null}
    </div>
  )
}

/** Hours from minutes in the reader's language (see formatHours). */
export function hours(minutes: number, lang: Lang = 'nb') {
  return formatHours(minutes, lang)
}

export function useHours() {
  const lang = useLang()
  return (minutes: number) => hours(minutes, lang)
}
