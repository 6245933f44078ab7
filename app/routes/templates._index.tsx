import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { getT } from '~/i18n/lang.server.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { useHours } from '~/modules/curriculum/components/agenda.tsx'
import { forkNational, forkTemplate, listTemplates, nationalCurricula } from '~/modules/curriculum/index.ts'
import { forkTemplateSchema } from '~/modules/curriculum/schemas.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { PUBLICATION_STATUSES } from '~/modules/curriculum/kinds.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'templates.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:templates')
  requireMunicipalityId(viewer)
  const { lang } = await getT(request, viewer)
  const templates = await listTemplates(await loadAudience(viewer))
  return {
    national: nationalCurricula(lang).map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, version: c.version, sessions: c.sessions.length, totalMinutes: c.sessions.reduce((s, x) => s + x.durationMinutes, 0) })),
    own: templates.filter((t) => t.own),
    shared: templates.filter((t) => !t.own),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:templates')
  const actor = { userId: viewer.userId, municipalityId: requireMunicipalityId(viewer), ip: context.clientIp }
  const submission = parseWithZod(await request.formData(), { schema: forkTemplateSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const { lang } = await getT(request, viewer)
  const value = submission.value
  const created = 'slug' in value ? await forkNational(actor, value.slug, lang) : await forkTemplate(actor, await loadAudience(viewer), value.templateId)
  if (!created) notFound()
  throw redirect(`/templates/${created.id}?forked=1`)
}

function ForkButton({ fields, label }: { fields: Record<string, string>; label: string }) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="ds-button" data-variant="secondary">
        {label}
      </button>
    </Form>
  )
}

export default function Templates() {
  const t = useT()
  const hours = useHours()
  const { national, own, shared } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('templates.title')}
      </h1>
      <p className="ds-paragraph">{t('templates.lead')}</p>

      <section className="stack" aria-labelledby="own">
        <h2 className="ds-heading" data-size="md" id="own">
          {t('templates.own')}
        </h2>
        {own.length ? (
          <ul className="cards">
            {own.map((tpl) => (
              <li key={tpl.id} className="ds-card stack-sm">
                <h3 className="ds-heading" data-size="xs">
                  <Link to={`/templates/${tpl.id}`}>{tpl.name}</Link>
                </h3>
                <p className="ds-paragraph">
                  {t('templates.summary', { sessions: tpl.sessionCount, hours: hours(tpl.requiredMinutes ?? tpl.totalMinutes) })}
                </p>
                {tpl.publicationStatus ? <p className="ds-paragraph muted">{enumLabel(t, 'templates.status', PUBLICATION_STATUSES, tpl.publicationStatus)}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('templates.noneOwn')}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="national">
        <h2 className="ds-heading" data-size="md" id="national">
          {t('templates.national')}
        </h2>
        <ul className="cards">
          {national.map((c) => (
            <li key={c.slug} className="ds-card stack-sm">
              <h3 className="ds-heading" data-size="xs">
                <Link to="/curriculum">{c.title}</Link>
              </h3>
              <p className="ds-paragraph">{c.summary}</p>
              <p className="ds-paragraph muted">{t('templates.summary', { sessions: c.sessions, hours: hours(c.totalMinutes) })} · {t('templates.version', { version: c.version })}</p>
              <ForkButton fields={{ intent: 'fork-national', slug: c.slug }} label={t('templates.fork')} />
            </li>
          ))}
          {shared.map((tpl) => (
            <li key={tpl.id} className="ds-card stack-sm">
              <h3 className="ds-heading" data-size="xs">
                <Link to={`/templates/${tpl.id}`}>{tpl.name}</Link>
              </h3>
              <p className="ds-paragraph muted">
                {t('templates.sharedBy', { municipality: tpl.municipality.name })} · {t('templates.summary', { sessions: tpl.sessionCount, hours: hours(tpl.requiredMinutes ?? tpl.totalMinutes) })}
              </p>
              <ForkButton fields={{ intent: 'fork', templateId: tpl.id }} label={t('templates.fork')} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
