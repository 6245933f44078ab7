import type { ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/index.ts'
import { exportPerson } from '~/modules/privacy/index.ts'

/** POST: everything Mentornett holds about the signed-in person, as a zip (audited). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request)
  const zip = await exportPerson({ userId: viewer.userId, municipalityId: viewer.municipality?.id ?? null, ip: context.clientIp }, viewer.userId, { everywhere: true })
  return new Response(Buffer.from(zip!), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="mine-opplysninger.zip"', 'Cache-Control': 'private, no-store' },
  })
}
