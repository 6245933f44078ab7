import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { formatModelHours, formatShare } from '~/modules/outcomes/cost-format.ts'
import { nationalFigures } from '~/modules/outcomes/national.server.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outcomes.national.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read:national-figures')
  const { at, table } = await nationalFigures()
  return { at: at.toISOString(), rows: table.rows, total: table.total }
}

type CellValue = { value: number | null; hidden: boolean; n: number }

export default function NationalFigures() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const hidden = <span title={t('outcomes.national.suppressed')}>{t('outcomes.national.hiddenMark')}</span>
  const show = (c: CellValue, f: (v: number) => string) => (c.hidden ? hidden : c.value === null ? '–' : `${f(c.value)} (n = ${c.n})`)
  const rows = [...d.rows, d.total]
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('outcomes.national.title')}
      </h1>
      <p className="ds-paragraph">{t('outcomes.national.intro', { count: d.rows.length })}</p>
      {d.rows.length ? (
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
              {rows.map((r) => (
                <tr key={r.municipalityId ?? 'total'}>
                  <th scope="row">{r.municipalityId ? r.name : t('outcomes.total')}</th>
                  <td>{r.programmes}</td>
                  <td>{r.certified.hidden ? hidden : r.certified.value}</td>
                  <td>{show(r.medianHours, (v) => formatModelHours(v, lang))}</td>
                  <td>{show(r.belowPlanShare, (v) => formatShare(v, lang))}</td>
                  <td>{show(r.retention12, (v) => formatShare(v, lang))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="ds-paragraph">{t('outcomes.national.none')}</p>
      )}
      <p className="ds-paragraph muted">{t('outcomes.national.rule')}</p>
      <p className="ds-paragraph muted">{t('outcomes.national.surveysLater')}</p>
      <p className="ds-paragraph muted" data-size="sm">
        {t('outcomes.national.computedAt', { at: formatDateTime(d.at, lang) })}
      </p>
    </div>
  )
}
