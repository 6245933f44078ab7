import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { adherenceTable, managedUnits, overdueItems, SORT_KEYS, type SortKey } from '~/modules/mentee-plans/index.ts'
import { formatDate } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'
import { ITEM_KINDS } from '~/modules/mentee-plans/schedule.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.adherence')

function readQuery(url: URL, unitIds: string[]) {
  const unit = url.searchParams.get('unit')
  const sort = url.searchParams.get('sort')
  return {
    unitId: unit && unitIds.includes(unit) ? unit : null,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'gap',
    dir: url.searchParams.get('dir') === 'asc' ? ('asc' as const) : ('desc' as const),
    page: Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1)),
  }
}

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:mentee-plans')
  requireMunicipalityId(viewer)
  const units = await managedUnits(viewer)
  const q = readQuery(new URL(request.url), units.map((u) => u.id))
  const [table, overdue] = await Promise.all([adherenceTable(viewer, q), overdueItems(viewer, { unitId: q.unitId, take: 50 })])
  const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE))
  const page = Math.min(q.page, pages)
  // The summary covers every row; the table shows one page of them.
  return { units, q: { ...q, page }, pages, summary: table.summary, rows: table.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), overdue }
}



export default function Adherence() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const qs = (extra: Record<string, string>) => {
    const p = new URLSearchParams()
    if (d.q.unitId) p.set('unit', d.q.unitId)
    for (const [k, v] of Object.entries(extra)) p.set(k, v)
    return `?${p}`
  }
  const columns: { key: SortKey; label: MessageKey }[] = [
    { key: 'name', label: 'plans.mentee' },
    { key: 'unit', label: 'plans.unit' },
    { key: 'planned', label: 'plans.plannedSoFar' },
    { key: 'held', label: 'plans.held' },
    { key: 'gap', label: 'plans.belowPlan' },
    { key: 'overdue', label: 'plans.overdue' },
  ]
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('plans.adherence')}
      </h1>
      <p className="ds-paragraph">{t('plans.adherenceIntro')}</p>
      <Form method="get" className="row-end">
        <div className="ds-field">
          <label className="ds-label" htmlFor="unit">
            {t('plans.unit')}
          </label>
          <select className="ds-input" id="unit" name="unit" defaultValue={d.q.unitId ?? ''}>
            <option value="">{t('plans.allUnits')}</option>
            {d.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={d.q.sort} />
        <input type="hidden" name="dir" value={d.q.dir} />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('plans.filter')}
        </button>
        <a className="ds-button" data-variant="tertiary" href={`/plans/adherence.csv${qs({ sort: d.q.sort, dir: d.q.dir })}`} download>
          {t('plans.exportCsv')}
        </a>
      </Form>
      <p className="ds-paragraph" data-testid="adherence-summary">
        <strong>{t('plans.summary', { below: d.summary.below, total: d.summary.total, share: Math.round(d.summary.share * 100) })}</strong>
      </p>
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('plans.adherence')}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = d.q.sort === c.key
                const nextDir = active && d.q.dir === 'desc' ? 'asc' : 'desc'
                return (
                  <th scope="col" key={c.key} aria-sort={active ? (d.q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link className="sort-link" to={qs({ sort: c.key, dir: c.key === 'name' || c.key === 'unit' ? (active && d.q.dir === 'asc' ? 'desc' : 'asc') : nextDir })} aria-label={t('plans.sortBy', { column: t(c.label) })}>
                      {t(c.label)}
                      {active ? (d.q.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </Link>
                  </th>
                )
              })}
              <th scope="col">{t('plans.nextDue')}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.planId}>
                <td>
                  <Link to={`/plans/${r.planId}`}>{r.name}</Link>
                  {r.endedOn ? <span className="muted"> · {t('plans.endedOn')}</span> : null}
                </td>
                <td>{r.unit}</td>
                <td>{r.planned}</td>
                <td>{r.held}</td>
                <td>{r.held < r.planned ? `${t('plans.yes')} (−${r.planned - r.held})` : t('plans.no')}</td>
                <td>{r.overdue}</td>
                <td>{r.nextDue ? formatDate(r.nextDue, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.pages > 1 ? (
        <nav aria-label={t('plans.pagination')} className="row-end">
          {d.q.page > 1 ? <Link to={qs({ sort: d.q.sort, dir: d.q.dir, page: String(d.q.page - 1) })}>{t('plans.prev')}</Link> : null}
          <span>{t('plans.page', { page: d.q.page, pages: d.pages })}</span>
          {d.q.page < d.pages ? <Link to={qs({ sort: d.q.sort, dir: d.q.dir, page: String(d.q.page + 1) })}>{t('plans.next')}</Link> : null}
        </nav>
      ) : null}
      <section aria-labelledby="overdue" className="stack-sm">
        <h2 id="overdue" className="ds-heading" data-size="md">
          {t('plans.overdueList')}
        </h2>
        {d.overdue.length ? (
          <ul>
            {d.overdue.map((i) => (
              <li key={i.id}>
                {formatDate(i.plannedDate, lang)}: {enumLabel(t, 'plans.kind', ITEM_KINDS, i.kind)} {i.seq} – <Link to={`/plans/${i.planId}#item-${i.id}`}>{i.menteeName}</Link>{' '}
                <span className="muted">
                  ({i.unit}, {i.mentor})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('plans.noOverdue')}</p>
        )}
      </section>
    </div>
  )
}
