import { Form, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { ABSENCE_REASONS } from '../statuses.ts'
import { enumLabel } from '~/i18n/lang.ts'

/** "I cannot come": a reason category at most, never health details. */
export function AbsenceForm({ absence }: { absence: { reason: string | null } | null }) {
  const t = useT()
  const [params] = useSearchParams()
  return (
    <section className="stack ds-card" aria-labelledby="absence-heading">
      <h2 className="ds-heading" data-size="xs" id="absence-heading">
        {t('absence.title')}
      </h2>
      {params.get('absence') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{params.get('absence') === 'sent' ? t('absence.sent') : t('absence.withdrawn')}</p>
        </div>
      ) : null}
      {absence ? (
        <Form method="post" className="stack-sm">
          <p className="ds-paragraph">
            {t('absence.given')}
            {absence.reason ? ` (${enumLabel(t, 'absence.reason', ABSENCE_REASONS, absence.reason)})` : ''}
          </p>
          <button type="submit" name="intent" value="withdraw-absence" className="ds-button" data-variant="secondary">
            {t('absence.withdraw')}
          </button>
        </Form>
      ) : (
        <Form method="post" className="form-grid form-narrow">
          <p className="ds-paragraph">{t('absence.lead')}</p>
          <div className="ds-field">
            <label className="ds-label" htmlFor="absence-reason">
              {t('absence.reason')}
            </label>
            <select className="ds-input" id="absence-reason" name="reason" defaultValue="">
              <option value="">{t('absence.noReason')}</option>
              {ABSENCE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {enumLabel(t, 'absence.reason', ABSENCE_REASONS, r)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" name="intent" value="absence" className="ds-button" data-variant="secondary">
              {t('absence.send')}
            </button>
          </div>
        </Form>
      )}
    </section>
  )
}
