import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { translateMessage } from '~/i18n/lang.ts'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { copyTemplate, listTemplateCopies, planTemplates } from '~/modules/mentee-plans/index.ts'
import { copyTemplateSchema } from '~/modules/mentee-plans/schemas.server.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'plans.templates')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:plan-templates')
  const municipalityId = requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  return {
    content: planTemplates().map((t) => ({ value: `content:${t.slug}`, title: t.text[lang].title, summary: t.text[lang].summary })),
    copies: (await listTemplateCopies(municipalityId)).map((c) => ({ value: `copy:${c.id}`, id: c.id, title: c.name })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:plan-templates')
  requireMunicipalityId(viewer)
  const { submission } = await parseForm(request, copyTemplateSchema)
  if (submission.status !== 'success') return data({ source: String(submission.payload.source ?? ''), errors: Object.values(submission.error ?? {}).flat() as string[] }, { status: 400 })
  const result = await copyTemplate(viewer, submission.value.source, submission.value.name)
  if (!result.ok) notFound()
  throw redirect(`/plans/templates/${result.id}`)
}

export default function PlanTemplates() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const copyForm = (value: string, title: string) => (
    <Form method="post" className="row-end">
      <input type="hidden" name="intent" value="copy" />
      <input type="hidden" name="source" value={value} />
      <div className="ds-field">
        <label className="ds-label" htmlFor={`name-${value}`}>
          {t('plans.copyName')}
        </label>
        <input className="ds-input" id={`name-${value}`} name="name" required maxLength={120} defaultValue={`${title} (${t('plans.copy').toLowerCase()})`} aria-describedby={failed?.source === value ? `err-${value}` : undefined} />
        {failed?.source === value ? (
          <p className="ds-validation-message" data-color="danger" id={`err-${value}`}>
            {failed.errors.map((e) => translateMessage(t, e)).join(' ')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="ds-button" data-variant="secondary" aria-label={`${t('plans.copy')}: ${title}`}>
        {t('plans.copy')}
      </button>
    </Form>
  )
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('plans.templates')}
      </h1>
      <p className="ds-paragraph">{t('plans.templatesIntro')}</p>
      <section aria-labelledby="own" className="stack-sm">
        <h2 id="own" className="ds-heading" data-size="md">
          {t('plans.ownTemplates')}
        </h2>
        {d.copies.length ? (
          <ul>
            {d.copies.map((c) => (
              <li key={c.id}>
                <Link to={`/plans/templates/${c.id}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('plans.none')}</p>
        )}
      </section>
      <section aria-labelledby="content" className="stack-sm">
        <h2 id="content" className="ds-heading" data-size="md">
          {t('plans.contentTemplates')}
        </h2>
        {d.content.map((c) => (
          <div key={c.value} className="stack-sm">
            <h3 className="ds-heading" data-size="xs">
              {c.title}
            </h3>
            <p className="ds-paragraph">{c.summary}</p>
            {copyForm(c.value, c.title)}
          </div>
        ))}
      </section>
    </div>
  )
}
