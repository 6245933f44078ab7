import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { acceptInvitation, changePassword, getViewer, invite, listMyInvitations, lookupToken, requestPasswordReset, setPasswordWithToken, startSession } from '~/modules/auth/index.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUnit, makeUser, PASSWORD } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

function tokenFrom(text: string, path: string) {
  const match = text.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`))
  if (!match) throw new Error(`no ${path} link in: ${text}`)
  return match[1]
}

describe('invitations', () => {
  it('creates the account, the role and an e-mail with a single-use link', async () => {
    const m = await makeMunicipality('Trondheim')
    const unit = await makeUnit(m.id)
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    await invite({ actorId: admin.id, municipality: m }, { email: 'ny@example.no', name: 'Ny Mentor', roles: ['mentor'], unitId: unit.id })

    const user = await db.user.findUniqueOrThrow({ where: { email: 'ny@example.no' }, include: { memberships: true } })
    expect(user.passwordHash).toBeNull()
    expect(user.memberships.map((x) => [x.role, x.unitId])).toEqual([['mentor', unit.id]])
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'ny@example.no' } })
    expect(mail.subject).toContain('Trondheim')
    expect(mail.kind).toBe('invite')
    const token = tokenFrom(mail.textBody, '/invite')
    expect(await lookupToken(token, 'invite')).toMatchObject({ email: 'ny@example.no' })
    expect(await lookupToken(token, 'reset')).toBeNull()

    expect(await setPasswordWithToken(token, 'invite', 'a long new password')).toEqual({ userId: user.id, municipalityId: m.id })
    expect(await setPasswordWithToken(token, 'invite', 'another long password')).toBeNull()
    expect(await db.auditEvent.count({ where: { entityId: user.id } })).toBe(2)
  })

  it('asks an existing account of another municipality to accept, granting nothing until then', async () => {
    const a = await makeMunicipality()
    const b = await makeMunicipality('Farsund')
    const existing = await makeUser({ municipalityId: a.id, roles: ['mentor'] })
    expect(await invite({ actorId: null, municipality: b }, { email: existing.email, name: 'Typed', roles: ['coordinator'], unitId: null })).toMatchObject({ outcome: 'pending' })
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: existing.email } })
    expect(mail.kind).toBe('invitation')
    expect(mail.textBody).not.toMatch(/\/invite\//)
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(1)
    const [pending] = await listMyInvitations(existing.id)
    expect(await acceptInvitation(existing.id, pending.id)).toEqual({ municipalityId: b.id })
    expect(await db.membership.count({ where: { userId: existing.id, deactivatedAt: null } })).toBe(2)
  })

  it('tells a member about a new role here, and says nothing when nothing changed', async () => {
    const m = await makeMunicipality()
    const unit = await makeUnit(m.id)
    const member = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unit.id })
    expect(await invite({ actorId: null, municipality: m }, { email: member.email, name: 'Typed', roles: ['mentor'], unitId: null })).toMatchObject({ outcome: 'member' })
    expect(await db.outboxMessage.count()).toBe(0)
    await invite({ actorId: null, municipality: m }, { email: member.email, name: 'Typed', roles: ['mentor', 'coordinator'], unitId: null })
    expect(await db.outboxMessage.count({ where: { toAddress: member.email, kind: 'access' } })).toBe(1)
    expect((await db.membership.findMany({ where: { userId: member.id } })).map((x) => x.unitId)).toEqual([unit.id, unit.id])
  })

  it('rejects an expired link', async () => {
    const m = await makeMunicipality()
    await invite({ actorId: null, municipality: m }, { email: 'late@example.no', name: 'Late', roles: ['mentee'], unitId: null })
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'late@example.no' } })
    await db.userToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } })
    expect(await setPasswordWithToken(tokenFrom(mail.textBody, '/invite'), 'invite', 'a long new password')).toBeNull()
  })
})

describe('password reset', () => {
  it('sends nothing for an unknown address but answers the same', async () => {
    expect(await requestPasswordReset('ghost@example.no', '10.9.0.1')).toEqual({ limited: false })
    expect(await db.outboxMessage.count()).toBe(0)
  })

  it('resets once, signs out everywhere and invalidates older links', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const session = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: m.id }))
    await requestPasswordReset(user.email, '10.9.0.2')
    await requestPasswordReset(user.email, '10.9.0.2')
    const [older, newer] = (await db.outboxMessage.findMany({ where: { toAddress: user.email }, orderBy: { createdAt: 'asc' } })).map((x) =>
      tokenFrom(x.textBody, '/reset-password'),
    )
    expect(await setPasswordWithToken(older, 'reset', 'brand new password')).toBeNull()
    expect(await setPasswordWithToken(newer, 'reset', 'brand new password')).toMatchObject({ userId: user.id })
    expect(await setPasswordWithToken(newer, 'reset', 'brand new password 2')).toBeNull()
    expect(await getViewer(getRequest('/', session))).toBeNull()
  })

  it('limits reset mails per address', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email, `10.9.1.${i}`)
    expect(await db.outboxMessage.count({ where: { toAddress: user.email } })).toBe(3)
  })
})

describe('change password', () => {
  it('needs the current password and ends other sessions', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const here = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: m.id }))
    const elsewhere = cookieFrom(await startSession(getRequest('/'), { userId: user.id, municipalityId: m.id }))
    const viewer = (await getViewer(getRequest('/', here)))!
    expect(await changePassword(user.id, viewer.sessionId, 'not my password', 'whatever new one')).toBe(false)
    expect(await changePassword(user.id, viewer.sessionId, PASSWORD, 'my brand new password')).toBe(true)
    expect(await getViewer(getRequest('/', here))).not.toBeNull()
    expect(await getViewer(getRequest('/', elsewhere))).toBeNull()
  })
})
