import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { can, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { formatCount, formatShare } from '~/modules/outcomes/cost-format.ts'
import { HORIZONS, SERVICE_BANDS, type RetentionCell, type RetentionGroup, type RetentionRow } from '~/modules/outcomes/retention.ts'
import { retentionView, turnoverView } from '~/modules/outcomes/retention.server.ts'
import { periodQuerySchema } from '~/modules/outcomes/retention-schemas.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.retention.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:retention')
  requireMunicipalityId(viewer)
  const url = new URL(request.url)
  const parsed = periodQuerySchema.safeParse(Object.fromEntries(url.searchParams))
  const q = parsed.success ? parsed.data : periodQuerySchema.parse({})
  const [retention, turnover] = await Promise.all([retentionView(viewer, q), turnoverView(viewer, q.year)])
  const unitNames = Object.fromEntries(retention.units.map((u) => [u.id, u.name]))
  return { q, invalidQuery: !parsed.success, retention: { rows: retention.rows, total: retention.total, today: retention.today }, turnover, unitNames, canRecord: can(viewer, 'record:leavers'), canCost: can(viewer, 'view:costs') }
}

function Cell({ cell }: { cell: RetentionCell }) {
  const t = useT()
  const lang = useLang()
  return (
    <td>
      {cell.share === null ? '–' : t('outcomes.retention.cell', { retained: cell.retained, eligible: cell.eligible, share: formatShare(cell.share, lang) })}
      {cell.inFollowUp ? <div className="muted">{t('outcomes.retention.inFollowUp', { count: cell.inFollowUp })}</div> : null}
    </td>
  )
}

function Rows({ row, label }: { row: RetentionRow; label: string }) {
  const t = useT()
  const both = row.groups.mentored.starters > 0 && row.groups.notMentored.starters > 0
  const groups: RetentionGroup[] = both ? ['all', 'mentored', 'notMentored'] : ['all']
  return (
    <>
      {groups.map((g) => (
        <tr key={g}>
          <th scope="row">
            {g === 'all' ? label : <span className="muted">{t(`outcomes.retention.group.${g}` as MessageKey)}</span>}
          </th>
          <td>{row.groups[g].starters}</td>
          {HORIZONS.map((h) => (
            <Cell key={h} cell={row.groups[g][h]} />
          ))}
        </tr>
      ))}
    </>
  )
}

export default function Retention() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const tv = d.turnover
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.retention.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.retention.intro')}</p>
      <p className="row">
        {d.canRecord ? <Link to="/outcomes/leavers">{t('outcomes.leavers.title')}</Link> : null}
        {d.canCost ? <Link to="/outcomes/cost">{t('outcomes.cost.title')}</Link> : null}
      </p>
      <Form method="get" className="row-end">
        <div className="ds-field">
          <label className="ds-label" htmlFor="from">
            {t('outcomes.retention.from')}
          </label>
          <input className="ds-input" type="date" id="from" name="from" defaultValue={d.q.from ?? ''} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="to">
            {t('outcomes.retention.to')}
          </label>
          <input className="ds-input" type="date" id="to" name="to" defaultValue={d.q.to ?? ''} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="year">
            {t('outcomes.turnover.year')}
          </label>
          <input className="ds-input" type="number" inputMode="numeric" id="year" name="year" defaultValue={d.q.year} />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('outcomes.show')}
        </button>
      </Form>
      {d.invalidQuery ? <p className="ds-validation-message" data-color="danger">{t('outcomes.invalidQuery')}</p> : null}

      <section className="stack-sm" aria-labelledby="retention-heading">
        <h2 className="ds-heading" data-size="md" id="retention-heading">
          {t('outcomes.retention.heading')}
        </h2>
        <p className="ds-paragraph" data-testid="retention-summary">
          {t('outcomes.retention.summary', { starters: d.retention.total.starters, followUp: d.retention.total.groups.all[12].inFollowUp })}
        </p>
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <caption className="visually-hidden">{t('outcomes.retention.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes.unit')}</th>
                <th scope="col">{t('outcomes.retention.starters')}</th>
                {HORIZONS.map((h) => (
                  <th scope="col" key={h}>
                    {t('outcomes.retention.after', { months: h })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.retention.rows.map((r) => (
                <Rows key={r.unitId} row={r} label={d.unitNames[r.unitId!] ?? ''} />
              ))}
              <Rows row={d.retention.total} label={t('outcomes.total')} />
            </tbody>
          </table>
        </div>
        <p className="ds-paragraph muted">{t('outcomes.retention.rule')}</p>
      </section>

      <section className="stack-sm" aria-labelledby="turnover-heading">
        <h2 className="ds-heading" data-size="md" id="turnover-heading">
          {t('outcomes.turnover.heading', { year: d.q.year })}
        </h2>
        {tv.rows.length ? (
          <div className="table-wrap">
            <table className="ds-table" data-border="true">
              <caption className="visually-hidden">{t('outcomes.turnover.heading', { year: d.q.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.unit')}</th>
                  {SERVICE_BANDS.map((b) => (
                    <th scope="col" key={b}>
                      {t(`outcomes.band.${b}` as MessageKey)}
                    </th>
                  ))}
                  <th scope="col">{t('outcomes.total')}</th>
                  <th scope="col">{t('outcomes.turnover.retirements')}</th>
                </tr>
              </thead>
              <tbody>
                {[...tv.rows, tv.total].map((r) => (
                  <tr key={r.unitId ?? 'total'}>
                    <th scope="row">{r.unitId ? (d.unitNames[r.unitId] ?? '') : t('outcomes.total')}</th>
                    {SERVICE_BANDS.map((b) => (
                      <td key={b}>{r.bands[b]}</td>
                    ))}
                    <td>{r.total}</td>
                    <td>{r.retirements}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="ds-paragraph">{t('outcomes.turnover.none')}</p>
        )}
        {tv.estimate !== null ? (
          <p className="ds-paragraph" data-testid="turnover-estimate">
            {t('outcomes.turnover.estimate', {
              leavers: tv.total.total,
              sample: tv.sampleUnits,
              perUnit: formatCount(tv.perUnit, lang),
              units: tv.unitsInMunicipality,
              estimate: tv.estimate,
            })}
          </p>
        ) : null}
      </section>
    </div>
  )
}
