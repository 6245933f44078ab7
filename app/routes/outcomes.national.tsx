import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { formatModelHours, formatShare } from '~/modules/outcomes/cost-format.ts'
import { nationalFigures } from '~/modules/outcomes/national.server.ts'
import type { NationalRow } from '~/modules/outcomes/national.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.national.title')

const PAGE_SIZE = 50

/** A row as the page needs it: values (null = hidden) and the people behind the shown ones. */
type Compact = [name: string, programmes: number, certified: number | null, medianMinutes: number | null, medianN: number, belowShare: number | null, belowN: number, retention: number | null, retentionN: number]
const compact = (r: NationalRow, name: string): Compact => [
  name,
  r.programmes,
  r.certified.value,
  r.medianHours.value,
  r.medianHours.hidden ? 0 : r.medianHours.n,
  r.belowPlanShare.value,
  r.belowPlanShare.hidden ? 0 : r.belowPlanShare.n,
  r.retention12.value,
  r.retention12.hidden ? 0 : r.retention12.n,
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read:national-figures')
  const { at, table } = await nationalFigures()
  const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE))
  const page = Math.min(pages, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page')) || 1)))
  const rows = table.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => compact(r, r.name))
  return { at: at.toISOString(), count: table.rows.length, page, pages, rows, total: compact(table.total, '') }
}

export default function NationalFigures() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const hidden = t('outcomes.national.hiddenMark')
  const show = (v: number | null, n: number, f: (v: number) => string) => (v === null ? (n ? '–' : hidden) : `${f(v)} (n = ${n})`)
  const hours = (v: number) => formatModelHours(v, lang)
  const share = (v: number) => formatShare(v, lang)
  const row = (r: Compact, key: string, label: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{r[1]}</td>
      <td>{r[2] === null ? hidden : r[2]}</td>
      <td>{show(r[3], r[4], hours)}</td>
      <td>{show(r[5], r[6], share)}</td>
      <td>{show(r[7], r[8], share)}</td>
    </tr>
  )
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.national.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.national.intro', { count: d.count })}</p>
      <p className="ds-paragraph">{t('outcomes.national.rule')}</p>
      {d.count ? (
        <div className="table-wrap">
          <table className="ds-table" data-border="true" data-testid="national-figures">
            <caption className="visually-hidden">{t('outcomes.national.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes.national.municipality')}</th>
                <th scope="col">{t('outcomes.national.programmes')}</th>
                <th scope="col">{t('outcomes.national.certified')}</th>
                <th scope="col">{t('outcomes.national.medianHours')}</th>
                <th scope="col">{t('outcomes.national.belowPlan')}</th>
                <th scope="col">{t('outcomes.national.retention12')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r, i) => row(r, String(i), r[0]))}
              {row(d.total, 'total', t('outcomes.total'))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="ds-paragraph">{t('outcomes.national.none')}</p>
      )}
      {d.pages > 1 ? (
        <nav aria-label={t('common.pagination')} className="row">
          {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>{t('common.previous')}</Link> : null}
          <span>{t('common.pageOf', { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={`?page=${d.page + 1}`}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
      <p className="ds-paragraph muted">{t('outcomes.national.surveysLater')}</p>
      <p className="ds-paragraph muted" data-size="sm">
        {t('outcomes.national.computedAt', { at: formatDateTime(d.at, lang) })}
      </p>
    </div>
  )
}
