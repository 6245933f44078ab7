import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { SurveyQuestionResult } from '~/modules/outcomes/components/survey-chart.tsx'
import { roundActionSchema } from '~/modules/outcomes/survey-schemas.ts'
import { roundDetail, sendReminders } from '~/modules/outcomes/surveys.server.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageTitle(matches, 'surveys.title', d?.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const detail = await roundDetail(viewer, params.id ?? '', lang)
  if (!detail) notFound()
  return detail
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, roundActionSchema)
  if (submission.status !== 'success') return data({ error: 'surveys.notOpen' as const, sent: 0 }, { status: 400 })
  const result = await sendReminders(viewer, params.id ?? '')
  if (!result.ok && result.reason === 'not-found') notFound()
  if (!result.ok) return data({ error: 'surveys.notOpen' as const, sent: 0 }, { status: 409 })
  return { error: null, sent: result.sent }
}

export default function SurveyRound() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()
  const [params] = useSearchParams()
  const opened = params.get('opened')
  const r = d.results
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.title}
      </h1>
      {opened ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('surveys.opened', { n: opened })}</p>
        </div>
      ) : null}
      {done ? (
        <div className="ds-alert" data-color={done.error ? 'danger' : 'success'} role={done.error ? 'alert' : 'status'}>
          <p className="ds-paragraph">{done.error ? t(done.error) : t('surveys.reminded', { n: done.sent })}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('surveys.period')}</dt>
        <dd>
          {formatDate(d.opensOn, lang)} – {formatDate(d.closesOn, lang)} ({t(`surveys.state.${d.state}` as MessageKey)})
        </dd>
        <dt>{t('surveys.answeredCount')}</dt>
        <dd data-testid="answered">{t('surveys.answeredOf', { answered: d.answered, invited: d.invited })}</dd>
        {d.anonymous ? (
          <>
            <dt>{t('surveys.anonymous')}</dt>
            <dd>{t('surveys.anonymousHelp')}</dd>
          </>
        ) : null}
        <dt>{t('surveys.remindersSent', { n: d.reminders })}</dt>
        <dd>{d.remindedAt ? formatDate(d.remindedAt, lang) : '–'}</dd>
      </dl>
      {d.state === 'open' && d.answered < d.invited ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('surveys.remind')}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="results" className="stack">
        <h2 id="results" className="ds-heading" data-size="md">
          {t('surveys.results')}
        </h2>
        {!r.visible ? (
          <p className="ds-paragraph" data-testid="results-hidden">
            {t('surveys.resultsHidden', { n: r.threshold, answered: r.answered })}
          </p>
        ) : (
          <>
            <p className="ds-paragraph">
              <a href={`/surveys/${d.id}.csv`} download>
                {t('surveys.csv')}
              </a>
            </p>
            {d.previous ? <p className="ds-paragraph">{t('surveys.compare', { title: d.previous.title, n: d.previous.answered })}</p> : null}
            {r.questions.map((q, i) => {
              const meta = d.questions.find((x) => x.key === q.key)!
              const headingId = `q-${q.key}`
              return (
                <section key={q.key} aria-labelledby={headingId} className="stack-sm" data-testid="question-result">
                  <h3 id={headingId} className="ds-heading" data-size="xs">
                    {i + 1}. {meta.label}
                  </h3>
                  <p className="ds-paragraph muted">
                    {t('surveys.answeredQuestion', { n: q.answered })}
                    {q.centre !== null ? ` · ${t(q.type === 'scale' ? 'surveys.mean' : 'surveys.median', { value: q.centre.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO') })}` : ''}
                    {q.previousCentre !== null ? ` (${t('surveys.previousValue', { value: q.previousCentre.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO') })})` : ''}
                    {q.type === 'scale' ? ` · ${t('surveys.scaleHelp', { low: meta.low ?? t('surveys.scaleLow'), high: meta.high ?? t('surveys.scaleHigh') })}` : ''}
                  </p>
                  {q.type === 'text' ? (
                    q.texts.length ? (
                      <ul>
                        {q.texts.map((x, j) => (
                          <li key={j}>
                            {x.text}
                            {x.name ? <span className="muted"> – {x.name}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="ds-paragraph">{t('surveys.noTexts')}</p>
                    )
                  ) : (
                    <SurveyQuestionResult result={q} label={meta.label} unit={meta.unit} headingId={headingId} />
                  )}
                </section>
              )
            })}
            {r.subgroups.length ? (
              <section aria-labelledby="subgroups" className="stack-sm">
                <h3 id="subgroups" className="ds-heading" data-size="xs">
                  {t('surveys.subgroups')}
                </h3>
                <table className="ds-table" data-size="sm">
                  <thead>
                    <tr>
                      <th scope="col">{t('surveys.subgroup')}</th>
                      <th scope="col" className="num">
                        {t('surveys.answeredCount')}
                      </th>
                      {d.questions
                        .filter((q) => q.type === 'scale')
                        .map((q) => (
                          <th key={q.key} scope="col" className="num">
                            {q.label}
                          </th>
                        ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.subgroups.map((g) => (
                      <tr key={g.key}>
                        <th scope="row">{g.key === 'other' ? t('surveys.subgroup.other') : t(`serviceType.${g.key}` as MessageKey)}</th>
                        {g.hidden ? (
                          <td colSpan={1 + d.questions.filter((q) => q.type === 'scale').length}>{t('surveys.subgroupHidden', { n: r.threshold })}</td>
                        ) : (
                          <>
                            <td className="num">{g.n}</td>
                            {d.questions
                              .filter((q) => q.type === 'scale')
                              .map((q) => (
                                <td key={q.key} className="num">
                                  {g.means[q.key]?.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO') ?? '–'}
                                </td>
                              ))}
                          </>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </>
        )}
      </section>
    </div>
  )
}
