import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { TemplateSessions } from '~/modules/curriculum/components/template-view.tsx'
import { getTemplate } from '~/modules/curriculum/index.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'national.title', data?.template.name)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'review:national')
  const template = await getTemplate(await loadAudience(viewer), params.id ?? '', { asReviewer: true })
  if (!template) notFound()
  return { template }
}

export default function ReviewTemplate() {
  const t = useT()
  const hours = useHours()
  const { template } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <Link to="/national">{t('national.title')}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {template.name}
      </h1>
      <p className="ds-paragraph">
        {template.municipality.name} · {t('templates.summary', { sessions: template.sessions.length, hours: hours(template.totalMinutes) })} ·{' '}
        {t('templates.required', { hours: hours(template.effectiveRequiredMinutes) })}
      </p>
      {template.description ? <p className="ds-paragraph">{template.description}</p> : null}
      <TemplateSessions templateId={template.id} sessions={template.sessions} editable={false} />
    </div>
  )
}
