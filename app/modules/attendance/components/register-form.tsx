import { Form } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import type { RegisterRow } from '../register.server.ts'
import { ABSENCE_REASONS, REGISTER_STATUSES } from '~/modules/attendance/statuses.ts'
import { enumLabel } from '~/i18n/lang.ts'

type Attempt = { userId: string; status: string; minutes?: number | string }

/**
 * The whole register in one form, saved in one transaction. Works without
 * JavaScript; every control is reachable by keyboard, and the radio groups
 * are large enough for a tablet.
 */
export function RegisterForm({ rows, version, durationMinutes, errors, attempted }: { rows: RegisterRow[]; version: number; durationMinutes: number; errors?: Record<string, string[]>; attempted?: Attempt[] }) {
  const t = useT()
  const attemptedBy = new Map((attempted ?? []).map((a) => [a.userId, a]))
  return (
    <Form method="post" className="stack register-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={version} />
      <div className="table-wrap">
        <table className="ds-table register" data-border="true">
          <caption className="visually-hidden">{t('attendance.register')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('attendance.status')}</th>
              <th scope="col">{t('attendance.minutesPresent', { max: durationMinutes })}</th>
              <th scope="col">{t('attendance.arrivedLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const minutesError = errors?.[`rows[${i}].minutes`]
              const timeError = errors?.[`rows[${i}].arrived`] ?? errors?.[`rows[${i}].left`]
              const mine = attemptedBy.get(r.userId)
              const differs = mine && (mine.status !== r.status || (mine.status === 'partial' && Number(mine.minutes) !== r.minutes))
              return (
                <tr key={r.userId} data-user={r.name}>
                  <th scope="row">
                    {r.name}
                    <input type="hidden" name={`rows[${i}].userId`} value={r.userId} />
                    {r.notice ? (
                      <span className="ds-tag register-note" data-color="warning">
                        {t('attendance.noticeGiven')}
                        {r.notice.reason ? `: ${enumLabel(t, 'absence.reason', ABSENCE_REASONS, r.notice.reason)}` : ''}
                      </span>
                    ) : null}
                    {r.checkIn ? (
                      <span className="ds-tag register-note" data-color={r.checkIn.confirmed ? 'success' : 'info'}>
                        {r.checkIn.confirmed ? t('checkin.confirmed') : t('checkin.pending')}
                      </span>
                    ) : null}
                    {differs ? <span className="register-note field-error">{t('attendance.youEntered', { value: mine.status === 'partial' ? `${mine.minutes} min` : enumLabel(t, 'attendance.status', REGISTER_STATUSES, mine.status) })}</span> : null}
                  </th>
                  <td>
                    <fieldset className="status-choices">
                      <legend className="visually-hidden">{t('attendance.statusFor', { name: r.name })}</legend>
                      {REGISTER_STATUSES.map((s) => (
                        <label key={s}>
                          <input type="radio" className="ds-input" name={`rows[${i}].status`} value={s} defaultChecked={r.status === s} />
                          {enumLabel(t, 'attendance.status', REGISTER_STATUSES, s)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`minutes-${i}`}>
                      {t('attendance.minutesFor', { name: r.name })}
                    </label>
                    <input
                      className="ds-input minutes-input"
                      id={`minutes-${i}`}
                      name={`rows[${i}].minutes`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={durationMinutes}
                      defaultValue={r.status === 'partial' && r.minutes !== null ? r.minutes : ''}
                      aria-invalid={minutesError ? true : undefined}
                      aria-describedby={minutesError ? `minutes-${i}-error` : undefined}
                    />
                    {minutesError ? (
                      <p className="ds-validation-message" data-color="danger" id={`minutes-${i}-error`}>
                        {minutesError.map((e) => translateMessage(t, e)).join(' ')}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <div className="row">
                      <label className="visually-hidden" htmlFor={`arrived-${i}`}>
                        {t('attendance.arrivedFor', { name: r.name })}
                      </label>
                      <input className="ds-input time-input" id={`arrived-${i}`} name={`rows[${i}].arrived`} type="time" aria-invalid={timeError ? true : undefined} aria-describedby={timeError ? `time-${i}-error` : undefined} />
                      <span aria-hidden="true">–</span>
                      <label className="visually-hidden" htmlFor={`left-${i}`}>
                        {t('attendance.leftFor', { name: r.name })}
                      </label>
                      <input className="ds-input time-input" id={`left-${i}`} name={`rows[${i}].left`} type="time" aria-invalid={timeError ? true : undefined} aria-describedby={timeError ? `time-${i}-error` : undefined} />
                    </div>
                    {timeError ? (
                      <p className="ds-validation-message" data-color="danger" id={`time-${i}-error`}>
                        {timeError.map((e) => translateMessage(t, e)).join(' ')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="ds-paragraph muted">{t('attendance.partialHelp')}</p>
      <div>
        <button type="submit" className="ds-button" data-variant="primary">
          {t('attendance.saveRegister')}
        </button>
      </div>
    </Form>
  )
}
