import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { adherenceCsv, adherenceTable, managedUnits, SORT_KEYS, type SortKey } from '~/modules/mentee-plans/index.ts'

/** The adherence table as CSV for Excel: the same rows, filter and order as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:mentee-plans')
  requireMunicipalityId(viewer)
  const url = new URL(request.url)
  const units = await managedUnits(viewer)
  const unit = url.searchParams.get('unit')
  const sort = url.searchParams.get('sort')
  const { rows } = await adherenceTable(viewer, {
    unitId: unit && units.some((u) => u.id === unit) ? unit : null,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'gap',
    dir: url.searchParams.get('dir') === 'asc' ? 'asc' : 'desc',
  })
  const { lang } = await getT(request, viewer)
  return new Response(adherenceCsv(rows, lang), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="oppfolging.csv"',
      'Cache-Control': 'private, no-store',
    },
  })
}
