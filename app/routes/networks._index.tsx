import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { can, requirePermission } from '~/modules/auth/index.ts'
import { awaitingMyAnswer } from '~/modules/minutes/index.ts'
import { listNetworks, myInvitations, networkAccess, requestToJoin, respondToInvitation } from '~/modules/networks/index.ts'
import { networksListActionSchema } from '~/modules/networks/schemas.ts'
import { parseWithZod } from '@conform-to/zod/v4'
import { notFound } from '~/utils/http.ts'
import { pageTitle } from '~/utils/meta.ts'
import { StatusMessage } from '~/components/status-message.tsx'
import { NETWORK_STATUSES } from '~/modules/networks/statuses.ts'
import { enumLabel } from '~/i18n/lang.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'networks.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'view:networks')
  const [networks, invitations, awaiting] = await Promise.all([listNetworks(viewer), myInvitations(viewer.userId), awaitingMyAnswer(viewer.userId)])
  return { networks, invitations, awaiting, canCreate: can(viewer, 'manage:networks'), canReport: can(viewer, 'report:networks'), canJoin: viewer.roles.some((r) => r === 'mentor' || r === 'network_contact') }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'view:networks')
  const submission = parseWithZod(await request.formData(), { schema: networksListActionSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const value = submission.value
  if (!('answer' in value)) {
    const found = await networkAccess(viewer, value.networkId)
    if (!found) notFound()
    const result = await requestToJoin(viewer, found.network)
    if (!result.ok) throw new Response(result.error, { status: 403 })
    throw redirect('/networks?requested=1')
  }
  if (!(await respondToInvitation(viewer.userId, value.networkId, value.answer === 'accept'))) notFound()
  throw redirect(value.answer === 'accept' ? `/networks/${value.networkId}?joined=1` : '/networks?answered=1')
}

export default function Networks() {
  const t = useT()
  const { networks, invitations, awaiting, canCreate, canReport, canJoin } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const status = params.get('requested') ? t('networks.requestSent') : params.get('answered') ? t('networks.inviteAnswered') : null
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('networks.title')}
      </h1>
      <p className="ds-paragraph">{t('networks.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      {canCreate || canReport ? (
        <p className="ds-paragraph row">
          {canCreate ? <Link to="/networks/new">{t('networks.new')}</Link> : null}
          {canReport ? <Link to="/networks/report">{t('networks.report')}</Link> : null}
        </p>
      ) : null}

      {invitations.length ? (
        <section className="stack" aria-labelledby="invitations">
          <h2 className="ds-heading" data-size="sm" id="invitations">
            {t('networks.invitations')}
          </h2>
          <ul className="stack">
            {invitations.map((i) => (
              <li key={i.id}>
                <Form method="post" className="row">
                  <input type="hidden" name="networkId" value={i.id} />
                  <span>{t('networks.invitationFrom', { network: i.name, municipality: i.municipality })}</span>
                  <button type="submit" className="ds-button" data-variant="primary" name="answer" value="accept">
                    {t('networks.acceptInvite')}
                  </button>
                  <button type="submit" className="ds-button" data-variant="secondary" name="answer" value="decline">
                    {t('networks.declineInvite')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {awaiting.length ? (
        <section className="stack" aria-labelledby="awaiting">
          <h2 className="ds-heading" data-size="sm" id="awaiting">
            {t('minutes.awaiting')}
          </h2>
          <ul>
            {awaiting.map((m) => (
              <li key={m.id}>
                <Link to={`/minutes/${m.id}`}>{m.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {networks.length ? (
        <div className="table-wrap">
          <table className="ds-table" data-border="true">
            <caption className="visually-hidden">{t('networks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('networks.district')}</th>
                <th scope="col">{t('networks.contact')}</th>
                <th scope="col">{t('networks.memberCount')}</th>
                <th scope="col">{t('networks.status')}</th>
              </tr>
            </thead>
            <tbody>
              {networks.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/networks/${n.id}`}>{n.name}</Link>
                    {n.home ? null : <span className="muted"> ({n.municipality})</span>}
                  </td>
                  <td>{n.district ?? '–'}</td>
                  <td>{n.contact ?? '–'}</td>
                  <td>{n.members}</td>
                  <td>
                    {n.myStatus && n.myStatus !== 'left' && n.myStatus !== 'declined' ? (
                      enumLabel(t, 'networks.status', NETWORK_STATUSES, n.myStatus)
                    ) : canJoin && n.home ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="join" />
                        <input type="hidden" name="networkId" value={n.id} />
                        <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={`${t('networks.askToJoin')}: ${n.name}`}>
                          {t('networks.askToJoin')}
                        </button>
                      </Form>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="ds-paragraph">{t('networks.none')}</p>
      )}
    </div>
  )
}
