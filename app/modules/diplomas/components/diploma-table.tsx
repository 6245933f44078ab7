import { Form } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { HoursMark } from '~/modules/attendance/components/grid.tsx'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { formatDate } from '~/utils/format.ts'
import { formatCode } from '../code.ts'

type Row = { userId: string; name: string; totalMinutes: number; requiredMinutes: number; eligible: boolean; canStillReach: boolean }
type DiplomaRow = { id: string; userId: string; kind: string; code: string; issuedAt: Date | string; revokedAt: Date | string | null; revokedReason: string | null }

/** Each mentor's hours and diplomas with the actions that fit: issue, revoke with a reason, re-issue. */
export function DiplomaTable({ rows, diplomas }: { rows: Row[]; diplomas: DiplomaRow[] }) {
  const t = useT()
  const hours = useHours()
  const lang = useLang()
  return (
    <div className="table-wrap">
      <table className="ds-table" data-border="true">
        <caption className="visually-hidden">{t('diploma.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('hours.attended')}</th>
            <th scope="col">{t('hours.status')}</th>
            <th scope="col">{t('diploma.issued')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const mine = diplomas.filter((d) => d.userId === r.userId)
            const active = mine.find((d) => !d.revokedAt)
            return (
              <tr key={r.userId} data-user={r.name}>
                <th scope="row">{r.name}</th>
                <td>{t('progress.hoursOf', { total: hours(r.totalMinutes), required: hours(r.requiredMinutes) })}</td>
                <td>
                  <HoursMark eligible={r.eligible} canStillReach={r.canStillReach} />
                </td>
                <td>
                  <ul className="ds-list">
                    {mine.map((d) => (
                      <li key={d.id}>
                        <a href={`/diplomas/${d.id}/pdf`}>
                          {t(d.kind === 'diploma' ? 'diploma.kind.diploma' : 'diploma.kind.participation')} {formatDate(d.issuedAt, lang)}
                        </a>{' '}
                        <code>{formatCode(d.code)}</code>
                        {d.revokedAt ? ` – ${t('diploma.revokedOn', { date: formatDate(d.revokedAt, lang) })}${d.revokedReason ? ` (${d.revokedReason})` : ''}` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {active ? (
                    <Form method="post" className="row-end">
                      <input type="hidden" name="diplomaId" value={active.id} />
                      <div className="ds-field">
                        <label className="ds-label" data-weight="regular" htmlFor={`reason-${active.id}`}>
                          {t('diploma.reason')}
                        </label>
                        <input className="ds-input" id={`reason-${active.id}`} name="reason" required maxLength={300} />
                      </div>
                      <button type="submit" name="intent" value="revoke" className="ds-button" data-variant="secondary" data-color="danger">
                        {t('diploma.revoke')}
                      </button>
                      <button type="submit" name="intent" value="reissue" className="ds-button" data-variant="secondary">
                        {t('diploma.reissue')}
                      </button>
                    </Form>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="userId" value={r.userId} />
                      <button type="submit" name="intent" value={r.eligible ? 'issue-diploma' : 'issue-participation'} className="ds-button" data-variant="secondary">
                        {r.eligible ? t('diploma.issueOne') : t('diploma.issueParticipation')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
