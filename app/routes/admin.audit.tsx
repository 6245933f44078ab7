import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { listAuditEvents } from '~/modules/audit/audit.server.ts'
import { permissionScope, requirePermission } from '~/modules/auth/index.ts'
import { formatDateTime } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'read:audit')
  const scope = permissionScope(viewer, 'read:audit')
  const municipalityId = scope === 'platform' ? null : scope!.municipalityId
  const events = await listAuditEvents({ municipalityId })
  return {
    events: events.map((e) => ({ id: e.id, at: e.at, actor: e.actorName ?? '–', action: e.action, entity: e.entity, entityId: e.entityId })),
  }
}

export default function Audit() {
  const t = useT()
  const lang = useLang()
  const { events } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('audit.title')}
      </h1>
      <p className="ds-paragraph">{t('audit.lead')}</p>
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
    </div>
  )
}
