import type { ActionFunctionArgs } from '@remix-run/node'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { exportPerson } from '~/modules/privacy/index.ts'
import { notFound } from '~/utils/http.ts'

/** POST: the zip of everything the admin's municipality holds about the person (audited). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:privacy')
  const municipalityId = requireMunicipalityId(viewer)
  const userId = params.userId ?? ''
  const zip = await exportPerson({ userId: viewer.userId, municipalityId, ip: context.clientIp }, userId, { municipalityId })
  if (!zip) notFound()
  return new Response(Buffer.from(zip!), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="innsyn-${userId}.zip"`, 'Cache-Control': 'private, no-store' },
  })
}
