import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { municipalityNetworkReport, readReportQuery, reportCsv } from '~/modules/networks/index.ts'

/** The network report as CSV for Norwegian Excel (semicolons, UTF-8 with BOM, formula-safe cells). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'report:networks')
  const municipalityId = requireMunicipalityId(viewer)
  const { t } = await getT(request, viewer)
  const q = readReportQuery(request)
  const rows = await municipalityNetworkReport(municipalityId, q.period, q.lastN)
  const csv = reportCsv(rows, [t('networks.report.network'), t('networks.report.meetings'), t('networks.report.rate'), t('networks.report.absent', { n: q.lastN }), t('networks.report.topics')])
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="nettverk-${q.from}-${q.to}.csv"`, 'Cache-Control': 'private, no-store' },
  })
}
