import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { roundCsv, roundDetail } from '~/modules/outcomes/surveys.server.ts'
import { notFound } from '~/utils/http.ts'

/** A round's results as CSV: only once the round has passed the threshold. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const detail = await roundDetail(viewer, params.id ?? '', lang)
  if (!detail) notFound()
  const csv = roundCsv(detail, lang)
  if (csv === null) notFound()
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="undersokelse.csv"',
      'Cache-Control': 'private, no-store',
    },
  })
}
