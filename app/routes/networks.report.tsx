import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { municipalityNetworkReport, readReportQuery } from '~/modules/networks/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'networks.report')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'report:networks')
  const municipalityId = requireMunicipalityId(viewer)
  const q = readReportQuery(request)
  const rows = await municipalityNetworkReport(municipalityId, q.period, q.lastN)
  return { from: q.from, to: q.to, lastN: q.lastN, rows }
}

export default function NetworkReport() {
  const t = useT()
  const { from, to, lastN, rows } = useLoaderData<typeof loader>()
  const query = new URLSearchParams({ from, to, lastN: String(lastN) })
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('networks.report')}
      </h1>
      <p className="ds-paragraph">{t('networks.reportIntro')}</p>
      <Form method="get" className="row-end">
        <div className="ds-field">
          <label className="ds-label" htmlFor="report-from">
            {t('networks.report.from')}
          </label>
          <input className="ds-input" id="report-from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="report-to">
            {t('networks.report.to')}
          </label>
          <input className="ds-input" id="report-to" name="to" type="date" defaultValue={to} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="report-n">
            {t('networks.report.lastN')}
          </label>
          <input className="ds-input" id="report-n" name="lastN" type="number" inputMode="numeric" min={1} max={12} defaultValue={lastN} />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('networks.report.show')}
        </button>
      </Form>
      <p className="ds-paragraph">
        <a href={`/networks/report.csv?${query}`} download>
          {t('networks.report.csv')}
        </a>
      </p>
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('networks.report')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('networks.report.network')}</th>
              <th scope="col">{t('networks.report.meetings')}</th>
              <th scope="col">{t('networks.report.rate')}</th>
              <th scope="col">{t('networks.report.absent', { n: lastN })}</th>
              <th scope="col">{t('networks.report.topics')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.networkId}>
                <th scope="row">{r.name}</th>
                <td>{r.meetingsHeld}</td>
                <td>{r.attendanceRate === null ? '–' : `${Math.round(r.attendanceRate * 100)} %`}</td>
                <td>{r.absentLastN.map((p) => p.name).join(', ') || '–'}</td>
                <td>{r.topics.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
