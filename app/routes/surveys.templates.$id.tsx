import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { translateMessage } from '~/i18n/lang.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { editSurveyFormSchema, editSurveyInput } from '~/modules/outcomes/survey-schemas.ts'
import { parseWithZod } from '~/utils/forms.server.ts'
import { getSurveyCopy, updateSurveyCopy } from '~/modules/outcomes/surveys.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageTitle(matches, 'surveys.editCopy', d?.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  const municipalityId = requireMunicipalityId(viewer)
  const copy = await getSurveyCopy(municipalityId, params.id ?? '')
  if (!copy) notFound()
  return { id: copy.id, name: copy.name, questions: copy.questions.map((q) => ({ key: q.key, type: q.type, labels: { nb: q.text.nb.label, nn: q.text.nn.label, en: q.text.en.label } })) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  const municipalityId = requireMunicipalityId(viewer)
  const copy = await getSurveyCopy(municipalityId, params.id ?? '')
  if (!copy) notFound()
  const submission = parseWithZod(await request.formData(), { schema: editSurveyFormSchema(copy.questions), disableAutoCoercion: true })
  const input = editSurveyInput(submission.payload, copy.questions)
  if (submission.status !== 'success') return data({ ok: false as const, errors: [...new Set(Object.values(submission.error ?? {}).flat() as string[])], input }, { status: 400 })
  const saved = await updateSurveyCopy(viewer, copy.id, submission.value)
  if (!saved) notFound()
  return { ok: true as const, errors: [] as string[], input: null }
}

export default function EditSurveyCopy() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const a = useActionData<typeof action>()
  const typed = a && !a.ok ? a.input : null
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/surveys/templates">{t('surveys.templates')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('surveys.editCopy')}: {d.name}
      </h1>
      {a?.ok ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('surveys.saved')}</p>
        </div>
      ) : null}
      {a && !a.ok ? (
        <div className="ds-alert" data-color="danger" role="alert">
          {a.errors.map((e) => (
            <p key={e} className="ds-paragraph">
              {translateMessage(t, e)}
            </p>
          ))}
        </div>
      ) : null}
      <Form method="post" className="stack" key={a?.ok ? 'saved' : 'editing'}>
        <div className="ds-field form-narrow">
          <label className="ds-label" data-weight="medium" htmlFor="name">
            {t('surveys.copyName')}
          </label>
          <input className="ds-input" id="name" name="name" required maxLength={120} defaultValue={typed?.name ?? d.name} />
        </div>
        {d.questions.map((q, i) => (
          <fieldset key={q.key} className="ds-fieldset stack-sm">
            <legend className="ds-label" data-weight="medium">
              {i + 1}. {q.labels.nb}
            </legend>
            <div className="row">
              <input className="ds-input" type="checkbox" id={`keep-${q.key}`} name="keep" value={q.key} defaultChecked={typed ? typed.keep.includes(q.key) : true} />
              <label htmlFor={`keep-${q.key}`}>{t('surveys.keep')}</label>
            </div>
            {(['nb', 'nn', 'en'] as const).map((l) => (
              <div key={l} className="ds-field">
                <label className="ds-label" htmlFor={`label-${q.key}-${l}`}>
                  {t('surveys.wording')} ({t(`surveys.lang${l[0].toUpperCase()}${l[1]}` as MessageKey)})
                </label>
                <input className="ds-input" id={`label-${q.key}-${l}`} name={`label.${q.key}.${l}`} required maxLength={200} defaultValue={typed?.labels[q.key]?.[l] ?? q.labels[l]} />
              </div>
            ))}
          </fieldset>
        ))}
        <div>
          <button type="submit" className="ds-button">
            {t('surveys.save')}
          </button>
        </div>
      </Form>
    </div>
  )
}
