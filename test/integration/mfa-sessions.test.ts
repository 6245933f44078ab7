import { generate } from 'otplib'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { getViewer, requireUser, startSession } from '~/modules/auth/index.ts'
import { beginEnrolment, confirmEnrolment, disableMfa, mfaStatus } from '~/modules/auth/mfa.server.ts'
import { open } from '~/modules/auth/secret-box.server.ts'
import { endMyOtherSessions, endMySession, listMySessions } from '~/modules/auth/sessions.server.ts'
import { action as accountAction } from '~/routes/account._index.tsx'
import { action as loginAction } from '~/routes/login.tsx'
import { action as inviteAction } from '~/routes/invite.$token.tsx'
import { action as resetAction } from '~/routes/reset-password.$token.tsx'
import { issueToken } from '~/modules/auth/tokens.server.ts'
import { action as twoFactorAction } from '~/routes/login_.two-factor.tsx'
import { cookieFrom, formRequest, getRequest, makeMunicipality, makeUser, PASSWORD } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function settle(promise: Promise<unknown>): Promise<Response> {
  try {
    const value = await promise
    if (value instanceof Response) return value
    const d = value as { init?: { status?: number } | null; data?: unknown }
    return new Response(JSON.stringify(d.data ?? value), { status: d.init?.status ?? 200 })
  } catch (e) {
    if (e instanceof Response) return e
    throw e
  }
}

function cookieNamed(response: Response, name: string): string {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  if (!line) throw new Error(`no ${name} cookie`)
  return cookieFrom(line)
}

async function passwordLogin(email: string, ip = '10.9.0.1') {
  return settle(loginAction({ request: formRequest('/login', { email, password: PASSWORD }, { headers: { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' } }), params: {}, context: { clientIp: ip } }))
}

/** Sets up TOTP for the user and returns the secret and the recovery codes. */
async function enrol(userId: string, email: string) {
  const setup = await beginEnrolment(userId, email)
  const codes = await confirmEnrolment(userId, await generate({ secret: setup!.secret }))
  expect(codes).toHaveLength(10)
  return { secret: setup!.secret, codes: codes! }
}

describe('two-step sign-in (TOTP)', () => {
  it('sends an admin without a second factor to enrolment and keeps them there until it is done', async () => {
    const m = await makeMunicipality()
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    const response = await passwordLogin(admin.email)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/account/two-factor')
    const cookie = cookieNamed(response, 'mn_session')
    await expect(settle(requireUser(getRequest('/dashboard', cookie)))).resolves.toMatchObject({ status: 302, headers: expect.any(Headers) })
    expect((await settle(requireUser(getRequest('/admin/users', cookie)))).headers.get('Location')).toBe('/account/two-factor')
    // The enrolment page itself is open.
    expect((await requireUser(getRequest('/account/two-factor', cookie))).userId).toBe(admin.id)

    // A wrong code does not turn it on.
    const setup = await beginEnrolment(admin.id, admin.email)
    expect(await confirmEnrolment(admin.id, '000000')).toBeNull()
    const codes = await confirmEnrolment(admin.id, await generate({ secret: setup!.secret }))
    expect(codes).toHaveLength(10)
    // Recovery codes are stored only as hashes; the secret only sealed.
    const stored = await db.mfaRecoveryCode.findMany({ where: { userId: admin.id } })
    expect(stored.map((s) => s.codeHash)).not.toContain(codes![0]!.replace('-', ''))
    const row = await db.userMfa.findUniqueOrThrow({ where: { userId: admin.id } })
    expect(row.secretEnc).not.toContain(setup!.secret)
    expect(open(row.secretEnc!)).toBe(setup!.secret)
    // Now every page opens.
    expect((await requireUser(getRequest('/admin/users', cookie))).userId).toBe(admin.id)
  })

  it('lets the demo admins with a grace date and ordinary users in with the password alone', async () => {
    const m = await makeMunicipality()
    const graced = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    await db.userMfa.create({ data: { userId: graced.id, graceUntil: new Date(Date.now() + 86_400_000) } })
    expect((await passwordLogin(graced.email)).headers.get('Location')).toBe('/dashboard')
    const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    expect((await passwordLogin(mentor.email)).headers.get('Location')).toBe('/dashboard')
    const editor = await makeUser({ platformRoles: ['national_editor'] })
    expect((await passwordLogin(editor.email)).headers.get('Location')).toBe('/account/two-factor')
  })

  it('asks for the code after the password, accepts each code once, and a recovery code once', async () => {
    const m = await makeMunicipality()
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    const { secret, codes } = await enrol(admin.id, admin.email)

    const first = await passwordLogin(admin.email)
    expect(first.headers.get('Location')).toBe('/login/two-factor')
    expect(first.headers.getSetCookie().some((c) => c.startsWith('mn_session='))).toBe(false)
    const pending = cookieNamed(first, 'mn_mfa')
    expect(await getViewer(getRequest('/dashboard', pending))).toBeNull()

    const wrong = await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code: '123456' }, { cookie: pending }), params: {}, context: {} }))
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toMatch(/Koden stemmer ikke/)

    // The code used at enrolment is spent: wait for the next one only if the step has not moved on.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    const ok = await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code }, { cookie: pending }), params: {}, context: {} }))
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe('/dashboard')
    const viewer = await getViewer(getRequest('/dashboard', cookieNamed(ok, 'mn_session')))
    expect(viewer?.userId).toBe(admin.id)

    // The same code again (a replay) is refused.
    const again = cookieNamed(await passwordLogin(admin.email, '10.9.0.2'), 'mn_mfa')
    expect((await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code }, { cookie: again }), params: {}, context: {} }))).status).toBe(400)

    // A recovery code works once.
    const byRecovery = await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code: codes[0]! }, { cookie: again }), params: {}, context: {} }))
    expect(byRecovery.status).toBe(302)
    const third = cookieNamed(await passwordLogin(admin.email, '10.9.0.3'), 'mn_mfa')
    expect((await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code: codes[0]! }, { cookie: third }), params: {}, context: {} }))).status).toBe(400)
    expect((await mfaStatus(admin.id)).recoveryLeft).toBe(9)
  })

  it('a password reset link does not skip the second factor, and an invited admin is sent to set one up', async () => {
    const m = await makeMunicipality()
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    await enrol(admin.id, admin.email)
    const reset = await db.$transaction((tx) => issueToken(tx, { userId: admin.id, purpose: 'reset' }))
    const fields = { password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }
    const afterReset = await settle(resetAction({ request: formRequest(`/reset-password/${reset}`, fields), params: { token: reset }, context: {} }))
    expect(afterReset.headers.get('Location')).toBe('/login/two-factor')
    expect(afterReset.headers.getSetCookie().some((c) => c.startsWith('mn_session='))).toBe(false)

    const invited = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'], withPassword: false })
    const invite = await db.$transaction((tx) => issueToken(tx, { userId: invited.id, purpose: 'invite', municipalityId: m.id }))
    const accepted = await settle(inviteAction({ request: formRequest(`/invite/${invite}`, fields), params: { token: invite }, context: {} }))
    expect(accepted.headers.get('Location')).toBe('/account/two-factor')
    const viewer = await getViewer(getRequest('/dashboard', cookieNamed(accepted, 'mn_session')))
    expect(viewer?.mustEnrolMfa).toBe(true)
  })

  it('refuses the code page without a password step first', async () => {
    const response = await settle(twoFactorAction({ request: formRequest('/login/two-factor', { code: '123456' }), params: {}, context: {} }))
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/tok for lang tid/)
  })

  it('may be turned off by a mentor but not by an admin', async () => {
    const m = await makeMunicipality()
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    await enrol(admin.id, admin.email)
    await enrol(mentor.id, mentor.email)
    expect(await disableMfa(admin.id)).toBe(false)
    expect(await disableMfa(mentor.id)).toBe(true)
    expect((await mfaStatus(mentor.id)).enabled).toBe(false)
    expect((await mfaStatus(admin.id)).enabled).toBe(true)
  })
})

describe('My sessions', () => {
  it('lists the own sessions with device and ends one, or all others, never someone else’s', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const other = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const ua = (s: string) => new Request('http://mentornett.test/login', { headers: { 'User-Agent': s } })
    const current = cookieFrom(await startSession(ua('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'), { userId: user.id, municipalityId: m.id }))
    await startSession(ua('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'), { userId: user.id, municipalityId: m.id })
    await startSession(ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0'), { userId: user.id, municipalityId: m.id })
    const otherCookie = cookieFrom(await startSession(ua('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15'), { userId: other.id, municipalityId: m.id }))

    const viewer = (await getViewer(getRequest('/account', current)))!
    const sessions = await listMySessions(user.id, viewer.sessionId)
    expect(sessions).toHaveLength(3)
    expect(sessions[0]).toMatchObject({ current: true, device: { browser: 'Firefox', os: 'Linux' } })
    expect(sessions.map((s) => s.device)).toEqual(expect.arrayContaining([{ browser: 'Safari', os: 'iOS' }, { browser: 'Edge', os: 'Windows' }]))
    // Handles, not session ids, reach the page.
    expect(sessions.map((s) => s.id)).not.toContain(viewer.sessionId)

    // Someone else's session handle: 404 from the route, nothing ended.
    const otherViewer = (await getViewer(getRequest('/account', otherCookie)))!
    const [otherHandle] = (await listMySessions(other.id, otherViewer.sessionId)).map((s) => s.id)
    const denied = await settle(accountAction({ request: formRequest('/account', { intent: 'end-session', sessionId: otherHandle! }, { cookie: current }), params: {}, context: {} }))
    expect(denied.status).toBe(404)
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1)
    // The current session cannot be "ended" this way.
    expect(await endMySession(user.id, viewer.sessionId, sessions[0]!.id)).toBe(false)

    const ended = await settle(accountAction({ request: formRequest('/account', { intent: 'end-session', sessionId: sessions[1]!.id }, { cookie: current }), params: {}, context: {} }))
    expect(ended.status).toBe(302)
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2)
    expect(await endMyOtherSessions(user.id, viewer.sessionId)).toBe(1)
    expect(await listMySessions(user.id, viewer.sessionId)).toHaveLength(1)
    expect(await getViewer(getRequest('/account', current))).not.toBeNull()
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1)
  })
})
