import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { requireUser } from '~/modules/auth/index.ts'
import { diplomaForViewer, renderDiplomasPdf } from '~/modules/diplomas/index.ts'
import { notFound } from '~/utils/http.ts'

/** One diploma as PDF: for its holder and for those who manage the programme. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request)
  const diploma = await diplomaForViewer(viewer, params.diplomaId ?? '')
  if (!diploma) notFound()
  const { lang } = await getT(request, viewer)
  const pdf = await renderDiplomasPdf([diploma], lang)
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="kursbevis-${diploma.id}.pdf"`, 'Cache-Control': 'private, no-store' },
  })
}
