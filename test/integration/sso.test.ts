import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { getViewer } from '~/modules/auth/index.ts'
import { clearSsoCache, finishSsoLogin, listLoginProviders, listSsoSettings, redirectUri, saveSsoSetting, startSsoLogin, type StartInput } from '~/modules/auth/sso.server.ts'
import { issueToken } from '~/modules/auth/tokens.server.ts'
import { getT } from '~/i18n/lang.server.ts'
import { loader as callbackLoader } from '~/routes/auth.sso.callback.tsx'
import { loader as startLoader } from '~/routes/auth.sso.$providerId.tsx'
import { linkToken } from '~/modules/auth/sso.server.ts'
import { startSession } from '~/modules/auth/index.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidc-provider.ts'

let idp: TestProvider

beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: redirectUri() })
  idp.people.set('anna', { sub: 'anna', name: 'Anna Entra', tid: 'tenant-trondheim', oid: 'oid-anna' })
  idp.people.set('bjorn', { sub: 'bjorn', name: 'Bjørn Annen', tid: 'tenant-elsewhere', oid: 'oid-bjorn' })
  idp.people.set('cato', { sub: 'cato', name: 'Cato Feide' })
  idp.people.set('dina', { sub: 'pairwise-dina', name: 'Dina Borger', pid: '01017012345', acr: 'idporten-loa-substantial' })
  idp.people.set('erik', { sub: 'erik', name: 'Erik Lav', pid: '02027012345', acr: 'idporten-loa-low' })
})
afterAll(() => idp.stop())
beforeEach(async () => {
  await resetDb()
  clearSsoCache()
  idp.tamper = 'none'
})

async function municipalityWith(kind: 'entra' | 'feide' | 'idporten', extra: { allowedTenants?: string; requiredAcr?: string } = {}) {
  const m = await makeMunicipality()
  const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
  await saveSsoSetting(m.id, admin.id, { kind, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, enabled: true, ...extra })
  const [provider] = await listSsoSettings(m.id)
  return { m, admin, providerId: provider!.id }
}

/** Start at our side, sign in at the provider as `who`, return the callback request (with our flow cookie). */
async function roundTrip(providerId: string, who: string, input: StartInput = { intent: 'login' }, sessionCookie?: string) {
  const started = await startSsoLogin(providerId, input)
  expect(started).not.toBeNull()
  const callback = await signInAtProvider(started!.url, who, redirectUri())
  const cookie = [cookieFrom(started!.cookie), sessionCookie].filter(Boolean).join('; ')
  return { callback, cookie, request: getRequest(`/auth/sso/callback${callback.search}`, cookie) }
}

async function linkedUser(providerId: string, subject: string, municipalityId: string) {
  const user = await makeUser({ municipalityId, roles: ['coordinator'] })
  await db.ssoIdentity.create({ data: { providerId, subject, userId: user.id } })
  return user
}

describe('OpenID Connect sign-in against a local provider', () => {
  it('signs a linked Entra ID user in through the callback route and starts a session', async () => {
    const { m, providerId } = await municipalityWith('entra', { allowedTenants: 'tenant-trondheim' })
    const user = await linkedUser(providerId, 'tenant-trondheim:oid-anna', m.id)
    const { request } = await roundTrip(providerId, 'anna')
    const response = await callbackLoader({ request, params: {}, context: {} }).catch((e: unknown) => e as Response)
    expect(response).toBeInstanceOf(Response)
    expect((response as Response).status).toBe(302)
    expect((response as Response).headers.get('Location')).toBe('/dashboard')
    const sessionCookie = (response as Response).headers.getSetCookie().find((c) => /mn_session=/.test(c))!
    const viewer = await getViewer(getRequest('/dashboard', cookieFrom(sessionCookie)))
    expect(viewer?.userId).toBe(user.id)
    expect(viewer?.municipality?.id).toBe(m.id)
  })

  it('refuses a tampered state', async () => {
    const { m, providerId } = await municipalityWith('feide')
    await linkedUser(providerId, 'cato', m.id)
    const { callback, cookie } = await roundTrip(providerId, 'cato')
    callback.searchParams.set('state', 'forged-state')
    expect(await finishSsoLogin(getRequest(`/auth/sso/callback${callback.search}`, cookie))).toEqual({ ok: false, reason: 'state' })
  })

  it('refuses a callback without the sign-in attempt of this browser', async () => {
    const { m, providerId } = await municipalityWith('feide')
    await linkedUser(providerId, 'cato', m.id)
    const { callback } = await roundTrip(providerId, 'cato')
    expect(await finishSsoLogin(getRequest(`/auth/sso/callback${callback.search}`))).toEqual({ ok: false, reason: 'flow' })
  })

  it('refuses a validly signed ID token with the wrong nonce, the wrong audience or an expiry in the past', async () => {
    const { m, providerId } = await municipalityWith('feide')
    await linkedUser(providerId, 'cato', m.id)
    for (const [tamper, reason] of [['wrong-nonce', 'nonce'], ['wrong-audience', 'audience'], ['expired', 'expired']] as const) {
      idp.tamper = tamper
      const { request } = await roundTrip(providerId, 'cato')
      expect(await finishSsoLogin(request), tamper).toEqual({ ok: false, reason })
    }
  })

  it('refuses a token that has expired by our clock', async () => {
    const { m, providerId } = await municipalityWith('feide')
    await linkedUser(providerId, 'cato', m.id)
    const { request } = await roundTrip(providerId, 'cato')
    // Our clock two hours ahead: the provider's one-hour token is past its expiry.
    expect(await finishSsoLogin(request, { clockSkewSeconds: 2 * 60 * 60 })).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses an Entra ID tenant that is not on the allow-list, and everyone when the list is empty', async () => {
    const { m, providerId } = await municipalityWith('entra', { allowedTenants: 'tenant-trondheim' })
    await linkedUser(providerId, 'tenant-elsewhere:oid-bjorn', m.id)
    expect(await finishSsoLogin((await roundTrip(providerId, 'bjorn')).request)).toEqual({ ok: false, reason: 'tenant' })

    const other = await municipalityWith('entra', { allowedTenants: '' })
    expect(await finishSsoLogin((await roundTrip(other.providerId, 'anna')).request)).toEqual({ ok: false, reason: 'tenant' })
  })

  it('shows each refusal as a clear translated message on the login page', async () => {
    const { m, providerId } = await municipalityWith('entra', { allowedTenants: 'tenant-trondheim' })
    await linkedUser(providerId, 'tenant-elsewhere:oid-bjorn', m.id)
    const { request } = await roundTrip(providerId, 'bjorn')
    const response = (await callbackLoader({ request, params: {}, context: {} }).catch((e: unknown) => e)) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?sso=tenant')
    const { t } = await getT(getRequest('/login'))
    expect(t('sso.refused.tenant')).toMatch(/organisasjon|tenant|leietakar|leietaker/i)
  })

  it('never links by e-mail: an unknown identity with a matching e-mail is refused', async () => {
    const { m, providerId } = await municipalityWith('feide')
    idp.people.set('frida', { sub: 'frida', name: 'Frida', email: 'frida@example.no' })
    await makeUser({ municipalityId: m.id, roles: ['mentor'], email: 'frida@example.no' })
    expect(await finishSsoLogin((await roundTrip(providerId, 'frida')).request)).toEqual({ ok: false, reason: 'not_linked' })
    expect(await db.ssoIdentity.count()).toBe(0)
  })

  it('links while signed in, only for the session that started the linking', async () => {
    const { m, providerId } = await municipalityWith('feide')
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const { request } = await roundTrip(providerId, 'cato', { intent: 'link', userId: user.id })
    // The callback arrives in another person's session: refused.
    expect(await finishSsoLogin(request, { signedInUserId: 'someone-else' })).toEqual({ ok: false, reason: 'not_linked' })
    const again = await roundTrip(providerId, 'cato', { intent: 'link', userId: user.id })
    expect(await finishSsoLogin(again.request, { signedInUserId: user.id })).toMatchObject({ ok: true, userId: user.id, municipalityId: m.id })
    // From now on a plain sign-in finds the account.
    expect(await finishSsoLogin((await roundTrip(providerId, 'cato')).request)).toMatchObject({ ok: true, userId: user.id })
  })

  it('starts linking only with the token bound to the session that showed the link', async () => {
    const { m, providerId } = await municipalityWith('feide')
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const cookie = cookieFrom(await startSession(getRequest('/login'), { userId: user.id, municipalityId: m.id }))
    const viewer = (await getViewer(getRequest('/account', cookie)))!
    const run = (csrf: string) => startLoader({ request: getRequest(`/auth/sso/${providerId}?intent=link&csrf=${encodeURIComponent(csrf)}`, cookie), params: { providerId }, context: {} }).catch((e: unknown) => e as Response)
    expect(((await run('forged')) as Response).status).toBe(403)
    expect(((await run(linkToken('another-session', providerId))) as Response).status).toBe(403)
    const ok = (await run(linkToken(viewer.sessionId, providerId))) as Response
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toMatch(new RegExp(`^${idp.issuer}/auth\\?`))
    // An unknown provider id is 404.
    const missing = (await startLoader({ request: getRequest('/auth/sso/nope?intent=login'), params: { providerId: 'nope' }, context: {} }).catch((e: unknown) => e)) as Response
    expect(missing.status).toBe(404)
  })

  it('does not link a user who is not a member of the provider’s municipality', async () => {
    const { providerId } = await municipalityWith('feide')
    const elsewhere = await makeMunicipality()
    const outsider = await makeUser({ municipalityId: elsewhere.id, roles: ['mentor'] })
    const { request } = await roundTrip(providerId, 'cato', { intent: 'link', userId: outsider.id })
    expect(await finishSsoLogin(request, { signedInUserId: outsider.id })).toEqual({ ok: false, reason: 'no_access' })
    expect(await db.ssoIdentity.count()).toBe(0)
  })

  it('links through an invitation of the same municipality only, once', async () => {
    const { m, providerId } = await municipalityWith('feide')
    const invited = await makeUser({ municipalityId: m.id, roles: ['mentor'], withPassword: false })
    const token = await db.$transaction((tx) => issueToken(tx, { userId: invited.id, purpose: 'invite', municipalityId: m.id }))
    expect(await finishSsoLogin((await roundTrip(providerId, 'cato', { intent: 'invite', invitationToken: token })).request)).toMatchObject({ ok: true, userId: invited.id })
    // The token is used up.
    idp.people.set('gro', { sub: 'gro', name: 'Gro' })
    expect(await finishSsoLogin((await roundTrip(providerId, 'gro', { intent: 'invite', invitationToken: token })).request)).toEqual({ ok: false, reason: 'not_linked' })

    // An invitation from another municipality does not open this municipality's provider.
    const other = await makeMunicipality()
    const foreign = await makeUser({ municipalityId: other.id, roles: ['mentor'], withPassword: false })
    const foreignToken = await db.$transaction((tx) => issueToken(tx, { userId: foreign.id, purpose: 'invite', municipalityId: other.id }))
    expect(await finishSsoLogin((await roundTrip(providerId, 'gro', { intent: 'invite', invitationToken: foreignToken })).request)).toEqual({ ok: false, reason: 'not_linked' })
  })

  it('ID-porten: requires the acr level and keeps only a salted hash of the national identity number', async () => {
    const { m, providerId } = await municipalityWith('idporten', { requiredAcr: 'idporten-loa-substantial' })
    const user = await makeUser({ municipalityId: m.id, roles: ['mentee'] })
    const linked = await roundTrip(providerId, 'dina', { intent: 'link', userId: user.id })
    expect(await finishSsoLogin(linked.request, { signedInUserId: user.id })).toMatchObject({ ok: true, userId: user.id })
    const identity = await db.ssoIdentity.findFirstOrThrow({ where: { userId: user.id } })
    expect(identity.subject).toMatch(/^hmac:/)
    expect(identity.subject).not.toContain('01017012345')
    const everything = JSON.stringify(await db.ssoIdentity.findMany()) + JSON.stringify(await db.auditEvent.findMany())
    expect(everything).not.toContain('01017012345')

    expect(await finishSsoLogin((await roundTrip(providerId, 'erik')).request)).toEqual({ ok: false, reason: 'acr' })
  })

  it('lists enabled providers for the login page and never returns the client secret', async () => {
    const { m, providerId } = await municipalityWith('feide')
    expect(await listLoginProviders()).toEqual([{ id: providerId, kind: 'feide', municipality: m.name }])
    const [setting] = await listSsoSettings(m.id)
    expect(setting).toMatchObject({ hasSecret: true })
    expect(JSON.stringify(setting)).not.toContain(idp.clientSecret)
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { id: providerId } })
    expect(row.clientSecretEnc).not.toContain(idp.clientSecret)
  })
})
