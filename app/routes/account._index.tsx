import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useT } from '~/components/i18n.tsx'
import { LANGUAGES } from '~/i18n/lang.ts'
import { acceptInvitation, declineInvitation, listMyInvitations, requirePermission, setCurrentMunicipality, setLanguagePreference } from '~/modules/auth/index.ts'
import { feedUrl, hasFeed, rotateFeed } from '~/modules/programmes/index.ts'
import { CalendarFeedSection } from '~/modules/programmes/components/calendar-feed.tsx'
import { pageTitle } from '~/utils/meta.ts'
import { MySessions } from '~/modules/auth/components/my-sessions.tsx'
import { SsoLinkSection } from '~/modules/auth/components/sso-buttons.tsx'
import { mfaStatus } from '~/modules/auth/mfa.server.ts'
import { endMyOtherSessions, endMySession, listMySessions } from '~/modules/auth/sessions.server.ts'
import { listMyIdentities } from '~/modules/auth/sso.server.ts'
import { redirect } from '@remix-run/node'
import { accountSchema } from '~/modules/auth/schemas.server.ts'
import { parseForm } from '~/utils/forms.server.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const [sessions, mfa, identities] = await Promise.all([
    listMySessions(viewer.userId, viewer.sessionId),
    mfaStatus(viewer.userId),
    listMyIdentities(viewer.userId, viewer.municipality?.id ?? null, viewer.sessionId),
  ])
  return { name: viewer.name, email: viewer.email, language: viewer.language, roles: viewer.roles, platformRoles: viewer.platformRoles, municipality: viewer.municipality?.name ?? null, hasFeed: await hasFeed('personal', viewer.userId, null), invitations: await listMyInvitations(viewer.userId), sessions, mfaOn: mfa.enabled, identities }
}

/** Language preference (a language, or the municipality's default), invitations, and the personal calendar address. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'update:own-account')
  const { submission } = await parseForm(request, accountSchema)
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const input = submission.value
  if (input.intent === 'calendar') return { feedUrl: feedUrl(await rotateFeed('personal', viewer.userId, null)) }
  if (input.intent === 'end-session') {
    // Only the viewer's own sessions can be found by the handle: anyone else's is 404.
    if (!(await endMySession(viewer.userId, viewer.sessionId, input.sessionId))) throw new Response('Not Found', { status: 404 })
    throw redirect('/account?sessions=ended#sessions-heading')
  }
  if (input.intent === 'end-other-sessions') {
    await endMyOtherSessions(viewer.userId, viewer.sessionId)
    throw redirect('/account?sessions=endedOthers#sessions-heading')
  }
  if (input.intent === 'accept-invitation') {
    const accepted = await acceptInvitation(viewer.userId, input.invitationId)
    if (!accepted) throw new Response('Not Found', { status: 404 })
    await setCurrentMunicipality(viewer.sessionId, accepted.municipalityId)
    throw redirect('/account?invitation=accepted')
  }
  if (input.intent !== 'language') {
    if (!(await declineInvitation(viewer.userId, input.invitationId))) throw new Response('Not Found', { status: 404 })
    throw redirect('/account?invitation=declined')
  }
  await setLanguagePreference(viewer.userId, input.language ?? null)
  throw redirect('/account')
}

export default function Account() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const roles = [...data.roles, ...data.platformRoles]
  const [params] = useSearchParams()
  const invitationStatus = params.get('invitation')
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t('account.title')}
      </h1>
      {invitationStatus === 'accepted' || invitationStatus === 'declined' ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{t(invitationStatus === 'accepted' ? 'invitations.accepted' : 'invitations.declined')}</p>
        </div>
      ) : null}
      {data.invitations.length ? (
        <section className="stack" aria-labelledby="invitations-heading">
          <h2 className="ds-heading" data-size="sm" id="invitations-heading">
            {t('invitations.title')}
          </h2>
          <p className="ds-paragraph">{t('invitations.lead')}</p>
          <ul className="cards">
            {data.invitations.map((inv) => (
              <li key={inv.id} className="ds-card stack-sm" data-testid="invitation">
                <p className="ds-paragraph">
                  <strong>{inv.municipality}</strong>: {inv.roles.map((r) => t(`role.${r}`)).join(', ')}
                  {inv.programme ? ` – ${t('invitations.programme', { programme: inv.programme })}` : null}
                </p>
                <Form method="post" className="row">
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <button type="submit" className="ds-button" name="intent" value="accept-invitation">
                    {t('invitations.accept')}
                  </button>
                  <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="decline-invitation">
                    {t('invitations.decline')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <dl className="stack-sm">
        <dt className="ds-label">{t('field.name')}</dt>
        <dd>{data.name}</dd>
        <dt className="ds-label">{t('field.email')}</dt>
        <dd>{data.email}</dd>
        {data.municipality ? (
          <>
            <dt className="ds-label">{t('layout.municipality')}</dt>
            <dd>{data.municipality}</dd>
          </>
        ) : null}
        <dt className="ds-label">{t('account.roles')}</dt>
        <dd>{roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
      </dl>
      <section className="stack-sm" aria-labelledby="own-data-heading">
        <h2 className="ds-heading" data-size="sm" id="own-data-heading">
          {t('privacy.own.heading')}
        </h2>
        <p className="ds-paragraph">{t('privacy.own.lead')}</p>
        <Form method="post" action="/account/export" reloadDocument>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('privacy.own.button')}
          </button>
        </Form>
      </section>
      <Form method="post" className="form-narrow form-grid">
        <div className="ds-field">
          <label className="ds-label" htmlFor="language">
            {t('account.language')}
          </label>
          <select id="language" name="language" className="ds-input" defaultValue={data.language ?? ''}>
            <option value="">{t('account.languageDefault')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="language">
            {t('common.save')}
          </button>
        </div>
      </Form>
      <p className="ds-paragraph">
        <Link to="/account/password">{t('password.title')}</Link>
      </p>
      <p className="ds-paragraph">
        <Link to="/account/two-factor">{t('mfa.title')}</Link>: {t(data.mfaOn ? 'mfa.on' : 'mfa.offState')}
      </p>
      <SsoLinkSection providers={data.identities} status={params.get('sso')} />
      <MySessions sessions={data.sessions} notice={params.get('sessions') === 'ended' ? 'ended' : params.get('sessions') === 'endedOthers' ? 'endedOthers' : null} />
      <CalendarFeedSection title={t('calendar.personal')} lead={t('calendar.personalLead')} exists={data.hasFeed} url={actionData?.feedUrl} />
    </div>
  )
}
