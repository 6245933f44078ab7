import type { LoaderFunctionArgs } from '@remix-run/node'
import { auditCsv } from '~/modules/audit/index.ts'
import { permissionScope, requirePermission } from '~/modules/auth/index.ts'
import { auditFilterSchema } from '~/modules/privacy/schemas.ts'

/** The audit log with the page's filter, as CSV; the export is itself recorded. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:audit')
  const scope = permissionScope(viewer, 'read:audit')
  const municipalityId = scope === 'platform' ? null : scope!.municipalityId
  const query = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const csv = await auditCsv({ userId: viewer.userId, municipalityId, ip: context.clientIp }, query)
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="endringslogg.csv"', 'Cache-Control': 'private, no-store' },
  })
}
