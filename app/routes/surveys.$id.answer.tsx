import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import type { Answers } from '~/modules/outcomes/survey-results.ts'
import { answerSchema } from '~/modules/outcomes/survey-schemas.ts'
import { roundForRespondent, submitAnswer } from '~/modules/outcomes/surveys.server.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageTitle(matches, 'surveys.answer', d?.title)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'answer:surveys')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const round = await roundForRespondent(viewer, params.id ?? '')
  if (!round) notFound()
  return {
    id: round.id,
    title: round.title,
    closesOn: round.closesOn,
    anonymous: round.anonymous,
    state: round.state,
    answered: round.answered,
    questions: round.questions.map((q) => ({ key: q.key, type: q.type, required: q.required, min: q.min ?? null, max: q.max ?? null, ...q.text[lang], options: (q.options ?? []).map((o) => ({ value: o, label: q.text[lang].options?.[o] ?? o })) })),
  }
}

type Failure = { status: 'invalid' | 'answered' | 'not-open'; errors: Record<string, string[]>; values: Record<string, string | string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'answer:surveys')
  requireMunicipalityId(viewer)
  const round = await roundForRespondent(viewer, params.id ?? '')
  if (!round) notFound()
  const submission = parseWithZod(await request.formData(), { schema: answerSchema(round.questions) })
  // What was typed, shown again after a failed or refused answer.
  const typed = (key: string) => submission.payload[key]
  const values = Object.fromEntries(round.questions.map((q) => [q.key, q.type === 'multiple' ? [typed(q.key) ?? []].flat().map(String) : String(typed(q.key) ?? '')]))
  if (submission.status !== 'success') return data<Failure>({ status: 'invalid', errors: (submission.error ?? {}) as Record<string, string[]>, values }, { status: 400 })
  const result = await submitAnswer(viewer, round.id, submission.value as Answers)
  if (!result.ok && result.reason === 'not-found') notFound()
  if (!result.ok) return data<Failure>({ status: result.reason === 'answered' ? 'answered' : 'not-open', errors: {}, values }, { status: 409 })
  return { status: 'ok' as const }
}

export default function AnswerSurvey() {
  const t = useT()
  const lang = useLang()
  const d = useLoaderData<typeof loader>()
  const a = useActionData<typeof action>()
  const failure = a && a.status !== 'ok' ? (a as Failure) : null
  const heading = (
    <>
      <p className="ds-paragraph">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {d.title}
      </h1>
    </>
  )
  if (a?.status === 'ok' || d.answered || failure?.status === 'answered')
    return (
      <div className="stack">
        {heading}
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{a?.status === 'ok' ? t('surveys.thanks') : t('surveys.alreadyAnswered')}</p>
        </div>
      </div>
    )
  if (d.state !== 'open' || failure?.status === 'not-open')
    return (
      <div className="stack">
        {heading}
        <p className="ds-paragraph">{t('surveys.closedForAnswers')}</p>
      </div>
    )
  const errorsOf = (key: string) => failure?.errors[key] ?? []
  const valueOf = (key: string) => failure?.values[key]
  return (
    <div className="stack">
      {heading}
      <p className="ds-paragraph">
        {t('surveys.closes', { date: formatDate(d.closesOn, lang) })}. {d.anonymous ? t('surveys.anonymousNote') : t('surveys.namedNote')}
      </p>
      {failure ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{Object.values(failure.errors).flat().map((e) => translateMessage(t, e)).filter((e, i, all) => all.indexOf(e) === i).join(' ')}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        {d.questions.map((q, i) => {
          const errors = errorsOf(q.key)
          const errId = `${q.key}-error`
          const label = `${i + 1}. ${q.label}${q.required ? '' : ` ${t('surveys.optional')}`}`
          const errorText = errors.length ? (
            <p className="ds-validation-message" data-color="danger" id={errId}>
              {errors.map((e) => translateMessage(t, e)).join(' ')}
            </p>
          ) : null
          if (q.type === 'text' || q.type === 'number')
            return (
              <div key={q.key} className="ds-field">
                <label className="ds-label" data-weight="medium" htmlFor={`q-${q.key}`}>
                  {label}
                </label>
                {q.type === 'text' ? (
                  <textarea className="ds-input" id={`q-${q.key}`} name={q.key} rows={3} maxLength={500} defaultValue={(valueOf(q.key) as string) ?? ''} aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? errId : undefined} />
                ) : (
                  <div className="row">
                    <input className="ds-input" type="number" inputMode="numeric" id={`q-${q.key}`} name={q.key} min={q.min ?? undefined} max={q.max ?? undefined} defaultValue={(valueOf(q.key) as string) ?? ''} aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? errId : undefined} />
                    {q.unit ? <span>{q.unit}</span> : null}
                  </div>
                )}
                {errorText}
              </div>
            )
          const options = q.type === 'scale' ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 1 && q.low ? `1 – ${q.low}` : n === 5 && q.high ? `5 – ${q.high}` : String(n) })) : q.options
          const previous = valueOf(q.key)
          const chosen = new Set(Array.isArray(previous) ? previous : previous ? [previous] : [])
          return (
            <fieldset key={q.key} className="ds-fieldset" aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? errId : undefined}>
              <legend className="ds-label" data-weight="medium">
                {label}
              </legend>
              <ul className={q.type === 'scale' ? 'scale-options' : 'checkbox-list'}>
                {options.map((o) => (
                  <li key={o.value}>
                    <input className="ds-input" type={q.type === 'multiple' ? 'checkbox' : 'radio'} id={`q-${q.key}-${o.value}`} name={q.key} value={o.value} defaultChecked={chosen.has(o.value)} />
                    <label htmlFor={`q-${q.key}-${o.value}`}>{o.label}</label>
                  </li>
                ))}
              </ul>
              {errorText}
            </fieldset>
          )
        })}
        <div>
          <button type="submit" className="ds-button">
            {t('surveys.send')}
          </button>
        </div>
      </Form>
    </div>
  )
}
