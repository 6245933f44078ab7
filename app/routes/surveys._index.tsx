import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { can, requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { listRounds, myOpenRounds, surveyThreshold } from '~/modules/outcomes/surveys.server.ts'
import { formatDate } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'surveys.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'answer:surveys')
  requireMunicipalityId(viewer)
  const manager = can(viewer, 'manage:surveys')
  const [mine, rounds] = await Promise.all([myOpenRounds(viewer), manager ? listRounds(viewer) : null])
  return { mine, rounds, threshold: surveyThreshold() }
}

export default function Surveys() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('surveys.title')}
      </h1>
      <p className="ds-paragraph">{t('surveys.intro', { n: d.threshold })}</p>
      <section aria-labelledby="to-answer" className="stack-sm">
        <h2 id="to-answer" className="ds-heading" data-size="md">
          {t('surveys.toAnswer')}
        </h2>
        {d.mine.length ? (
          <ul>
            {d.mine.map((r) => (
              <li key={r.id}>
                <Link to={`/surveys/${r.id}/answer`}>{r.title}</Link> <span className="muted">({t('surveys.closes', { date: formatDate(r.closesOn, lang) })})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('surveys.noneToAnswer')}</p>
        )}
      </section>
      {d.rounds ? (
        <section aria-labelledby="rounds" className="stack-sm">
          <h2 id="rounds" className="ds-heading" data-size="md">
            {t('surveys.rounds')}
          </h2>
          <p className="ds-paragraph">
            <Link to="/surveys/new">{t('surveys.newRound')}</Link> · <Link to="/surveys/templates">{t('surveys.templates')}</Link>
          </p>
          {d.rounds.length ? (
            <table className="ds-table" data-size="sm">
              <thead>
                <tr>
                  <th scope="col">{t('surveys.roundTitle')}</th>
                  <th scope="col">{t('surveys.period')}</th>
                  <th scope="col">{t('surveys.status')}</th>
                  <th scope="col" className="num">
                    {t('surveys.answeredCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.rounds.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/surveys/${r.id}`}>{r.title}</Link>
                    </td>
                    <td>
                      {formatDate(r.opensOn, lang)} – {formatDate(r.closesOn, lang)}
                    </td>
                    <td>{t(`surveys.state.${r.state}` as MessageKey)}</td>
                    <td className="num">
                      {r.answered} / {r.invited}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="ds-paragraph">{t('surveys.noRounds')}</p>
          )}
        </section>
      ) : null}
    </div>
  )
}
