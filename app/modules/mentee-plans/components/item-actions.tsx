import { Form } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { NOTE_MAX } from '../limits.ts'

/** What a failed post sends back: the field errors and what was typed. */
export type PlanFormFailure = { errors: Record<string, string[] | null | undefined>; values: Record<string, string> } | null

type Item = { id: string; plannedDate: string; expectedMinutes: number | null }

export function FieldError({ id, errors }: { id: string; errors?: string[] | null }) {
  const t = useT()
  return errors?.length ? (
    <p className="ds-validation-message" data-color="danger" id={id}>
      {errors.map((e) => translateMessage(t, e)).join(' ')}
    </p>
  ) : null
}

/** Log a planned item as held, or move it to another date (with a reason). */
export function ItemActions({ item: i, label, today, failed }: { item: Item; label: string; today: string; failed: PlanFormFailure }) {
  const t = useT()
  const mine = (intent: string) => !!failed && failed.values.itemId === i.id && failed.values.intent === intent
  const errFor = (_: string, intent: string, field: string) => (mine(intent) ? failed!.errors[field] : undefined)
  const valFor = (_: string, intent: string, field: string, fallback = '') => (mine(intent) ? (failed!.values[field] ?? fallback) : fallback)
  return (
    <details className="item-actions" open={!!failed && failed.values.itemId === i.id}>
      <summary>
        {t('plans.logHeld')} / {t('plans.move')}
        <span className="visually-hidden">
          {' '}
          – {label}
        </span>
      </summary>
      <Form method="post" className="row-end" aria-label={`${t('plans.logHeld')}: ${label}`}>
        <input type="hidden" name="intent" value="hold" />
        <input type="hidden" name="itemId" value={i.id} />
        <div className="ds-field">
          <label className="ds-label" htmlFor={`held-${i.id}`}>
            {t('plans.heldDate')}
          </label>
          <input className="ds-input" type="date" id={`held-${i.id}`} name="heldDate" required defaultValue={valFor(i.id, 'hold', 'heldDate', i.plannedDate <= today ? i.plannedDate : today)} aria-describedby={errFor(i.id, 'hold', 'heldDate') ? `held-${i.id}-error` : undefined} />
          <FieldError id={`held-${i.id}-error`} errors={errFor(i.id, 'hold', 'heldDate')} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor={`min-${i.id}`}>
            {t('plans.minutesUsed')}
          </label>
          <input className="ds-input" type="number" inputMode="numeric" min={1} max={600} id={`min-${i.id}`} name="minutesUsed" defaultValue={valFor(i.id, 'hold', 'minutesUsed', i.expectedMinutes ? String(i.expectedMinutes) : '')} />
          <FieldError id={`min-${i.id}-error`} errors={errFor(i.id, 'hold', 'minutesUsed')} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor={`note-${i.id}`}>
            {t('plans.note')}
          </label>
          <div className="ds-paragraph muted" data-size="sm" id={`note-${i.id}-help`}>
            {t('plans.noteHelp')}
          </div>
          <input className="ds-input" type="text" id={`note-${i.id}`} name="note" maxLength={NOTE_MAX} aria-describedby={`note-${i.id}-help`} defaultValue={valFor(i.id, 'hold', 'note')} />
          <FieldError id={`note-${i.id}-error`} errors={errFor(i.id, 'hold', 'note')} />
        </div>
        <button type="submit" className="ds-button" data-variant="primary">
          {t('plans.logHeld')}
        </button>
      </Form>
      <Form method="post" className="row-end" aria-label={`${t('plans.move')}: ${label}`}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="itemId" value={i.id} />
        <div className="ds-field">
          <label className="ds-label" htmlFor={`move-${i.id}`}>
            {t('plans.newDate')}
          </label>
          <input className="ds-input" type="date" id={`move-${i.id}`} name="plannedDate" required defaultValue={valFor(i.id, 'move', 'plannedDate', i.plannedDate)} />
          <FieldError id={`move-${i.id}-error`} errors={errFor(i.id, 'move', 'plannedDate')} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor={`reason-${i.id}`}>
            {t('plans.reason')}
          </label>
          <input className="ds-input" type="text" id={`reason-${i.id}`} name="reason" required maxLength={200} defaultValue={valFor(i.id, 'move', 'reason')} />
          <FieldError id={`reason-${i.id}-error`} errors={errFor(i.id, 'move', 'reason')} />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('plans.move')}
        </button>
      </Form>
    </details>
  )
}
