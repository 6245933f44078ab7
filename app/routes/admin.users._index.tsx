import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { listMembers } from '~/modules/users/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 200)
  return listMembers(requireMunicipalityId(viewer), { q, after: url.searchParams.get('after'), before: url.searchParams.get('before') })
}

export default function Users() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const pageLink = (key: 'after' | 'before', id: string) => `?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), [key]: id })}`
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('users.title')}
      </h1>
      {params.get('imported') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('import.done', { count: params.get('imported')! })}</p>
        </div>
      ) : null}
      {params.get('invited') ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t('users.invited', { email: params.get('invited')! })}</p>
        </div>
      ) : null}
      <div className="row">
        <Link to="/admin/users/invite" className="ds-button" data-variant="primary">
          {t('users.invite')}
        </Link>
        <Link to="/admin/users/import" className="ds-button" data-variant="secondary">
          {t('import.title')}
        </Link>
      </div>
      <Form method="get" className="row-end" role="search">
        <div className="ds-field">
          <label className="ds-label" htmlFor="q">
            {t('users.search')}
          </label>
          <input className="ds-input" id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('common.search')}
        </button>
      </Form>
      {data.prev || data.next ? null : (
        // Counted only when everything fits on one page: no count over the whole municipality.
        <p className="ds-paragraph" aria-live="polite">
          {t('users.count', { count: data.rows.length })}
        </p>
      )}
      <div className="table-wrap">
        <table className="ds-table" data-border="true">
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('field.unit')}</th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                <td>{u.unit ?? '–'}</td>
                <td>{!u.active ? t('users.deactivated') : u.invited ? t('users.invitedStatus') : t('users.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.prev || data.next ? (
        <nav aria-label={t('common.pagination')} className="row">
          {data.prev ? <Link to={pageLink('before', data.prev)}>{t('common.previous')}</Link> : null}
          {data.next ? <Link to={pageLink('after', data.next)}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
