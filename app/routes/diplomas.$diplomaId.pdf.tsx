import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '~/db.server.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requireUser } from '~/modules/auth/index.ts'
import { renderDiplomasPdf } from '~/modules/diplomas/index.ts'
import { programmeAccess } from '~/modules/programmes/index.ts'
import { notFound } from '~/utils/http.ts'

/** One diploma as PDF: for its holder and for those who manage the programme. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const diploma = await db.diploma.findUnique({ where: { id: params.diplomaId ?? '' } })
  if (!diploma) notFound()
  if (diploma.userId !== viewer.userId && (await programmeAccess(viewer, diploma.programmeId))?.access !== 'manage') notFound()
  const { lang } = await getT(request, viewer)
  const pdf = await renderDiplomasPdf([diploma], lang)
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="kursbevis-${diploma.id}.pdf"`, 'Cache-Control': 'private, no-store' },
  })
}
