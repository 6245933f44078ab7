import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { searchAuditEvents } from '~/modules/audit/index.ts'
import { permissionScope, requirePermission } from '~/modules/auth/index.ts'
import { auditFilterSchema } from '~/modules/privacy/schemas.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title')

/** The filter from the query string; anything malformed is dropped. */
function auditQuery(url: URL) {
  return auditFilterSchema.parse(Object.fromEntries(url.searchParams))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:audit')
  const scope = permissionScope(viewer, 'read:audit')
  const municipalityId = scope === 'platform' ? null : scope!.municipalityId
  const query = auditQuery(new URL(request.url))
  const result = await searchAuditEvents(municipalityId, query)
  return {
    query,
    ...result,
    events: result.events.map((e) => ({ id: e.id, at: e.at, actor: e.actorName ?? '–', action: e.action, entity: e.entity, entityId: e.entityId })),
  }
}

function withParams(query: Record<string, unknown>, extra: Record<string, string | number>) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  return params.toString()
}

export default function Audit() {
  const t = useT()
  const lang = useLang()
  const { events, query, total, page, pages, actions, entities } = useLoaderData<typeof loader>()
  const filter = { actor: query.actor, action: query.action, entity: query.entity, from: query.from, to: query.to }
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('audit.title')}
      </h1>
      <Form method="get" className="row-end" aria-label={t('auditlog.filter')}>
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-actor">
            {t('auditlog.actor')}
          </label>
          <input className="ds-input" id="audit-actor" name="actor" type="search" defaultValue={query.actor ?? ''} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-action">
            {t('auditlog.action')}
          </label>
          <select className="ds-input" id="audit-action" name="action" defaultValue={query.action ?? ''}>
            <option value="">{t('auditlog.any')}</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-entity">
            {t('auditlog.entity')}
          </label>
          <select className="ds-input" id="audit-entity" name="entity" defaultValue={query.entity ?? ''}>
            <option value="">{t('auditlog.any')}</option>
            {entities.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-from">
            {t('auditlog.from')}
          </label>
          <input className="ds-input" id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-to">
            {t('auditlog.to')}
          </label>
          <input className="ds-input" id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('auditlog.apply')}
          </button>
        </div>
      </Form>
      <p className="ds-paragraph">
        <a href={`/admin/audit.csv${withParams(filter, {}) ? `?${withParams(filter, {})}` : ''}`} download>
          {t('auditlog.csv')}
        </a>
      </p>
      {events.length ? (
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.record')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity} {e.entityId ? <code>{e.entityId.slice(0, 8)}</code> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="ds-paragraph">{t('auditlog.none')}</p>
      )}
      <nav aria-label={t('auditlog.pages')} className="row">
        <span>{t('auditlog.page', { page, pages, total })}</span>
        {page > 1 ? <Link to={`?${withParams(filter, { page: page - 1 })}`}>{t('auditlog.prev')}</Link> : null}
        {page < pages ? <Link to={`?${withParams(filter, { page: page + 1 })}`}>{t('auditlog.next')}</Link> : null}
      </nav>
    </div>
  )
}
