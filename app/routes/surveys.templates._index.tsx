import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { copySurveySchema } from '~/modules/outcomes/survey-schemas.ts'
import { copySurveyTemplate, listSurveyCopies } from '~/modules/outcomes/surveys.server.ts'
import { surveyTemplates } from '~/modules/outcomes/surveys-content.server.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'surveys.templates')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  const municipalityId = requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  return {
    content: surveyTemplates().map((t) => ({ value: `content:${t.slug}`, title: t.text[lang].title, summary: t.text[lang].summary, count: t.questions.length })),
    copies: (await listSurveyCopies(municipalityId)).map((c) => ({ id: c.id, title: c.name })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:surveys')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, copySurveySchema)
  if (submission.status !== 'success') return data({ source: String(submission.payload.source ?? ''), errors: Object.values(submission.error ?? {}).flat() as string[] }, { status: 400 })
  const result = await copySurveyTemplate(viewer, submission.value.source, submission.value.name)
  if (!result.ok) notFound()
  throw redirect(`/surveys/templates/${result.id}`)
}

export default function SurveyTemplates() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/surveys">{t('surveys.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t('surveys.templates')}
      </h1>
      <p className="ds-paragraph">{t('surveys.templatesIntro')}</p>
      <section aria-labelledby="own" className="stack-sm">
        <h2 id="own" className="ds-heading" data-size="md">
          {t('surveys.ownTemplates')}
        </h2>
        {d.copies.length ? (
          <ul>
            {d.copies.map((c) => (
              <li key={c.id}>
                <Link to={`/surveys/templates/${c.id}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('surveys.noCopies')}</p>
        )}
      </section>
      <section aria-labelledby="shared" className="stack-sm">
        <h2 id="shared" className="ds-heading" data-size="md">
          {t('surveys.contentTemplates')}
        </h2>
        {d.content.map((c) => (
          <div key={c.value} className="stack-sm">
            <h3 className="ds-heading" data-size="xs">
              {c.title}
            </h3>
            <p className="ds-paragraph">{c.summary}</p>
            <Form method="post" className="row-end">
              <input type="hidden" name="source" value={c.value} />
              <div className="ds-field">
                <label className="ds-label" htmlFor={`name-${c.value}`}>
                  {t('surveys.copyName')}
                </label>
                <input className="ds-input" id={`name-${c.value}`} name="name" required maxLength={120} defaultValue={`${c.title} (${t('surveys.copySuffix')})`} aria-describedby={failed?.source === c.value ? `err-${c.value}` : undefined} />
                {failed?.source === c.value ? (
                  <p className="ds-validation-message" data-color="danger" id={`err-${c.value}`}>
                    {failed.errors.map((e) => translateMessage(t, e)).join(' ')}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="ds-button" data-variant="secondary" aria-label={`${t('surveys.copy')}: ${c.title}`}>
                {t('surveys.copy')}
              </button>
            </Form>
          </div>
        ))}
      </section>
    </div>
  )
}
