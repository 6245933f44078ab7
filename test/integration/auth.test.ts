import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { endSession, getViewer, loginWithPassword, startSession } from '~/modules/auth/index.ts'
import { action as loginAction } from '~/routes/login.tsx'
import { cookieFrom, formRequest, getRequest, makeMunicipality, makeUser, PASSWORD, uid } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

function loginRequest(email: string, password: string) {
  return formRequest('/login', { email, password })
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    const value = await promise
    if (value instanceof Response) return value
    const d = value as { init?: { status?: number }; data?: unknown }
    return new Response(JSON.stringify(d.data ?? value), { status: d.init?.status ?? 200 })
  } catch (e) {
    if (e instanceof Response) return e
    throw e
  }
}

describe('password sign-in', () => {
  it('signs in with the right password and lands in the first municipality', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
    const outcome = await loginWithPassword(loginRequest(user.email, PASSWORD), { email: user.email, ip: '10.0.0.1' })
    expect(outcome).toEqual({ ok: true, userId: user.id, municipalityId: m.id })
  })

  it('refuses a wrong password and an unknown account the same way', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    expect(await loginWithPassword(loginRequest(user.email, 'wrong password!'), { email: user.email, ip: '10.0.0.2' })).toEqual({ ok: false, reason: 'invalid' })
    expect(await loginWithPassword(loginRequest('nobody@example.no', PASSWORD), { email: 'nobody@example.no', ip: '10.0.0.2' })).toEqual({ ok: false, reason: 'invalid' })
  })

  it('locks an account after five failures, even for the right password', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    for (let i = 0; i < 5; i++) {
      const r = await loginWithPassword(loginRequest(user.email, `wrong ${i} password`), { email: user.email, ip: `10.1.0.${i}` })
      expect(r.ok).toBe(false)
    }
    const locked = await loginWithPassword(loginRequest(user.email, PASSWORD), { email: user.email, ip: '10.1.1.1' })
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' })
    // Another account from the same address is not affected (the per-IP limit is loose).
    const other = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    expect((await loginWithPassword(loginRequest(other.email, PASSWORD), { email: other.email, ip: '10.1.0.1' })).ok).toBe(true)
  })

  it('answers 429 from the login route when locked, and keeps the typed e-mail', async () => {
    const email = `locked-${uid()}@example.no`
    let last: Response | undefined
    for (let i = 0; i < 6; i++) last = await thrown(loginAction({ request: loginRequest(email, 'wrong password'), params: {}, context: { clientIp: '10.2.0.1' } }))
    expect(last!.status).toBe(429)
    const body = await last!.json()
    expect(body.result.initialValue.email).toBe(email)
    expect(body.result.initialValue.password).toBeUndefined()
  })

  it('gives no access to someone whose roles are all deactivated', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    await db.membership.updateMany({ where: { userId: user.id }, data: { deactivatedAt: new Date() } })
    expect(await loginWithPassword(loginRequest(user.email, PASSWORD), { email: user.email, ip: '10.3.0.1' })).toEqual({ ok: false, reason: 'no_access' })
  })

  it('lets platform roles in without a municipality', async () => {
    const user = await makeUser({ platformRoles: ['national_editor'] })
    expect(await loginWithPassword(loginRequest(user.email, PASSWORD), { email: user.email, ip: '10.4.0.1' })).toEqual({ ok: true, userId: user.id, municipalityId: null })
  })
})

describe('sessions', () => {
  it('rotates the id at login and deletes it at logout', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const first = cookieFrom(await startSession(getRequest('/login'), { userId: user.id, municipalityId: m.id }))
    const second = cookieFrom(await startSession(getRequest('/login', first), { userId: user.id, municipalityId: m.id }))
    expect(second).not.toBe(first)
    expect(await getViewer(getRequest('/dashboard', first))).toBeNull()
    expect((await getViewer(getRequest('/dashboard', second)))?.userId).toBe(user.id)
    await endSession(getRequest('/logout', second))
    expect(await getViewer(getRequest('/dashboard', second))).toBeNull()
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('ignores expired sessions, disabled users and forged cookies', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const cookie = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: m.id }))
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await getViewer(getRequest('/', cookie))).toBeNull()

    const fresh = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: m.id }))
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
    expect(await getViewer(getRequest('/', fresh))).toBeNull()

    const [name] = fresh.split('=')
    expect(await getViewer(getRequest('/', `${name}=forged-value.signature`))).toBeNull()
  })

  it('carries the current municipality and only active roles', async () => {
    const a = await makeMunicipality()
    const b = await makeMunicipality()
    const user = await makeUser({ municipalityId: a.id, roles: ['mentor', 'coordinator'] })
    await db.membership.create({ data: { userId: user.id, municipalityId: b.id, role: 'mentor' } })
    await db.membership.updateMany({ where: { userId: user.id, municipalityId: a.id, role: 'coordinator' }, data: { deactivatedAt: new Date() } })
    const cookie = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: b.id }))
    const viewer = await getViewer(getRequest('/', cookie))
    expect(viewer?.municipality?.id).toBe(b.id)
    expect(viewer?.roles).toEqual(['mentor'])
    expect(viewer?.municipalities.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
  })
})
