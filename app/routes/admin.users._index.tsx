import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import type { MessageKey } from '~/i18n/index.ts'
import { requireMunicipalityId, requirePermission } from '~/modules/auth/index.ts'
import { listMembers } from '~/modules/users/index.ts'
import { pageTitle } from '~/utils/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'manage:users')
  const url = new URL(request.url)
  const q = url.searchParams.get('q') ?? ''
  const page = Number(url.searchParams.get('page') ?? '1') || 1
  return { q, ...(await listMembers(requireMunicipalityId(viewer), { q, page })) }
}

export default function Users() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), page: String(page) })}`
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
      <p className="ds-paragraph" aria-live="polite">
        {t('users.count', { count: data.total })}
      </p>
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
                <td>{u.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</td>
                <td>{u.unit ?? '–'}</td>
                <td>{!u.active ? t('users.deactivated') : u.invited ? t('users.invitedStatus') : t('users.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pages > 1 ? (
        <nav aria-label={t('common.pagination')} className="row">
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t('common.previous')}</Link> : null}
          <span>{t('common.pageOf', { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
