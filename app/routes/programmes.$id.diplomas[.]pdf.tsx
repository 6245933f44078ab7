import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { activeDiplomas, renderDiplomasPdf } from '~/modules/diplomas/index.ts'
import { requireProgramme } from '~/modules/programmes/index.ts'
import { notFound } from '~/utils/http.ts'

/** Every valid diploma of the programme in one PDF, a page each, for printing at the last gathering. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programmeId, viewer } = await requireProgramme(request, params.id, 'manage', 'issue:diplomas')
  const diplomas = await activeDiplomas(programmeId)
  if (!diplomas.length) notFound()
  const { lang } = await getT(request, viewer)
  const pdf = await renderDiplomasPdf(diplomas, lang)
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="kursbevis-${programmeId}.pdf"`, 'Cache-Control': 'private, no-store' },
  })
}
