import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { requirePermission } from '~/modules/auth/index.ts'
import { parseWithZod } from '@conform-to/zod/v4'
import { listPublished, listSubmitted, reviewTemplate } from '~/modules/curriculum/index.ts'
import { reviewTemplateSchema } from '~/modules/curriculum/schemas.ts'
import { listMunicipalities } from '~/modules/tenancy/index.ts'
import { formatDate } from '~/utils/format.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'national.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'review:national')
  const [municipalities, submitted, published] = await Promise.all([listMunicipalities(), listSubmitted(), listPublished()])
  return { municipalities: municipalities.length, submitted, published }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'review:national')
  const submission = parseWithZod(await request.formData(), { schema: reviewTemplateSchema })
  if (submission.status !== 'success') throw new Response('Unknown intent', { status: 400 })
  const { intent: decision, templateId } = submission.value
  if (!(await reviewTemplate({ userId: viewer.userId, ip: context.clientIp }, templateId, decision))) notFound()
  throw redirect(`/national?${decision}=1`)
}

export default function National() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('national.title')}
      </h1>
      <p className="ds-paragraph">{t('national.lead', { count: data.municipalities })}</p>
      {params.get('publish') || params.get('reject') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{params.get('publish') ? t('national.published') : t('national.rejected')}</p>
        </div>
      ) : null}
      <section className="stack" aria-labelledby="queue">
        <h2 className="ds-heading" data-size="md" id="queue">
          {t('national.queue')}
        </h2>
        {data.submitted.length ? (
          <ul className="cards">
            {data.submitted.map((tpl) => (
              <li key={tpl.id} className="ds-card stack-sm">
                <h3 className="ds-heading" data-size="xs">
                  <Link to={`/national/templates/${tpl.id}`}>{tpl.name}</Link>
                </h3>
                <p className="ds-paragraph muted">
                  {tpl.municipality.name} · {t('templates.sessionsCount', { count: tpl._count.sessions })} · {formatDate(tpl.submittedAt!, lang)}
                </p>
                <Form method="post" className="row">
                  <input type="hidden" name="templateId" value={tpl.id} />
                  <button type="submit" name="intent" value="publish" className="ds-button" data-variant="primary">
                    {t('national.publish')}
                    <span className="visually-hidden"> {tpl.name}</span>
                  </button>
                  <button type="submit" name="intent" value="reject" className="ds-button" data-variant="secondary">
                    {t('national.reject')}
                    <span className="visually-hidden"> {tpl.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('national.empty')}</p>
        )}
      </section>
      <section className="stack" aria-labelledby="published">
        <h2 className="ds-heading" data-size="md" id="published">
          {t('national.publishedList')}
        </h2>
        {data.published.length ? (
          <ul className="ds-list">
            {data.published.map((tpl) => (
              <li key={tpl.id}>
                {tpl.name} ({tpl.municipality.name}, {formatDate(tpl.publishedAt!, lang)})
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('national.nonePublished')}</p>
        )}
      </section>
    </div>
  )
}
