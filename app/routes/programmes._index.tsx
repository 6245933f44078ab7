import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLang, useT } from '~/components/i18n.tsx'
import { can, requirePermission } from '~/modules/auth/index.ts'
import { listProgrammes } from '~/modules/programmes/index.ts'
import { formatDate } from '~/utils/format.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'programmes.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:programmes')
  return { programmes: await listProgrammes(viewer), canCreate: !!viewer.municipality && can(viewer, 'manage:programmes') }
}

export default function Programmes() {
  const t = useT()
  const lang = useLang()
  const { programmes, canCreate } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('programmes.title')}
      </h1>
      {canCreate ? (
        <p className="ds-paragraph">
          <Link to="/programmes/new" className="ds-button" data-variant="primary">
            {t('programmes.new')}
          </Link>
        </p>
      ) : null}
      {programmes.length ? (
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <caption className="visually-hidden">{t('programmes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('programmes.period')}</th>
                <th scope="col">{t('programmes.coordinator')}</th>
                <th scope="col">{t('programmes.gatherings')}</th>
                <th scope="col">{t('programmes.participants')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/programmes/${p.id}`}>{p.name}</Link>
                    <span className="muted"> · {p.municipality.name}</span>
                  </td>
                  <td>
                    {formatDate(p.startsOn, lang)} – {formatDate(p.endsOn, lang)}
                  </td>
                  <td>{p.coordinator.name}</td>
                  <td>{p._count.gatherings}</td>
                  <td>{p._count.enrolments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="ds-paragraph">{t('programmes.none')}</p>
      )}
    </div>
  )
}
