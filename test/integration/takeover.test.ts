// Issue 8, item 1: an existing account joins another municipality only by
// accepting an invitation. Every step of the reported chain (attach an account
// -> anonymous reset -> read the link in the outbox -> sign in) over the routes.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { loader as accountLoader, action as accountAction } from '~/routes/account._index.tsx'
import { loader as outboxLoader } from '~/routes/admin.outbox.tsx'
import { action as importAction } from '~/routes/admin.users.import.tsx'
import { action as inviteAction } from '~/routes/admin.users.invite.tsx'
import { action as forgotAction } from '~/routes/forgot-password.tsx'
import { action as participantsAction, loader as participantsLoader } from '~/routes/programmes.$id.participants.tsx'
import { formRequest, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(resetDb)

async function world() {
  const farsund = await makeMunicipality('Farsund')
  const trondheim = await makeMunicipality('Trondheim')
  const farsundAdmin = await makeUser({ municipalityId: farsund.id, roles: ['municipality_admin'], email: 'admin@farsund.test' })
  const coordinator = await makeUser({ municipalityId: farsund.id, roles: ['coordinator'], email: 'koordinator@farsund.test' })
  const trondheimAdmin = await makeUser({ municipalityId: trondheim.id, roles: ['municipality_admin'], email: 'admin@trondheim.test', name: 'Tove Trondheim' })
  const platform = await makeUser({ platformRoles: ['platform_admin'], email: 'plattform@mentornett.test', name: 'Petter Plattform' })
  const programme = await db.programme.create({
    data: { municipalityId: farsund.id, name: 'Farsund 2027', year: 2027, coordinatorId: coordinator.id, requiredMinutes: 2640, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-12-31') },
  })
  return { farsund, trondheim, farsundAdmin, coordinator, trondheimAdmin, platform, programme }
}

function enrol(programmeId: string, cookie: string, email: string, extra: Record<string, string> = {}) {
  return formRequest(`/programmes/${programmeId}/participants`, { intent: 'enrol', name: 'Typed Name', email, joinedOn: '2027-01-14', ...extra }, { cookie })
}

async function membershipsIn(userId: string, municipalityId: string) {
  return db.membership.findMany({ where: { userId, municipalityId } })
}

describe('step 1: attaching an account of another municipality or the platform', () => {
  it('enrolment makes only a pending invitation: no role, no enrolment, no real name, no link', async () => {
    const w = await world()
    const cookie = await signIn(w.coordinator.id, w.farsund.id)
    for (const target of [w.trondheimAdmin, w.platform]) {
      const res = await callRoute(participantsAction, enrol(w.programme.id, cookie, target.email), { id: w.programme.id })
      expect(res.status).toBe(302)
      expect(await membershipsIn(target.id, w.farsund.id)).toEqual([])
      expect(await db.enrolment.count({ where: { userId: target.id } })).toBe(0)
      expect(await db.pendingMembership.count({ where: { userId: target.id, municipalityId: w.farsund.id, programmeId: w.programme.id } })).toBe(1)
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: target.email } })
      expect(mail.kind).toBe('invitation')
      expect(mail.textBody).not.toMatch(/\/(invite|reset-password)\//)
      expect(mail.textBody).not.toContain(target.name)
    }
    expect(await db.platformRole.count({ where: { userId: w.platform.id } })).toBe(1)
    const page = await (await callRoute(participantsLoader, getRequest(`/programmes/${w.programme.id}/participants`, cookie), { id: w.programme.id })).text()
    expect(page).not.toContain('Tove Trondheim')
    expect(page).not.toContain('Petter Plattform')
    expect(page).toContain('Typed Name')
  })

  it('/admin/users/invite makes only a pending invitation too', async () => {
    const w = await world()
    const cookie = await signIn(w.farsundAdmin.id, w.farsund.id)
    const res = await callRoute(inviteAction, formRequest('/admin/users/invite', { name: 'X', email: w.platform.email, roles: 'municipality_admin' }, { cookie }))
    expect(res.status).toBe(302)
    expect(await membershipsIn(w.platform.id, w.farsund.id)).toEqual([])
    expect(await db.pendingMembership.count({ where: { userId: w.platform.id } })).toBe(1)
  })

  it("never clears another municipality's deactivation, nor this one's without the person's consent", async () => {
    const w = await world()
    const both = await makeUser({ municipalityId: w.trondheim.id, roles: ['mentor'], email: 'both@example.no' })
    await db.membership.create({ data: { userId: both.id, municipalityId: w.farsund.id, role: 'mentor', deactivatedAt: new Date() } })
    await db.membership.updateMany({ where: { userId: both.id, municipalityId: w.trondheim.id }, data: { deactivatedAt: new Date() } })
    const cookie = await signIn(w.farsundAdmin.id, w.farsund.id)
    await callRoute(inviteAction, formRequest('/admin/users/invite', { name: 'X', email: both.email, roles: 'mentor' }, { cookie }))
    expect(await db.membership.count({ where: { userId: both.id, deactivatedAt: null } })).toBe(0)
  })

  it('CSV previews do not tell whether an address has an account elsewhere', async () => {
    const w = await world()
    await makeUnit(w.farsund.id, 'Lista')
    const cookie = await signIn(w.farsundAdmin.id, w.farsund.id)
    const csv = `navn;e-post;rolle\nA;${w.trondheimAdmin.email};mentor\nB;nobody-${Date.now()}@example.no;mentor\nC;${w.coordinator.email};mentor`
    const res = await callRoute(importAction, formRequest('/admin/users/import', { intent: 'preview', csv }, { cookie }))
    const body = (await res.json()) as { preview: { rows: { email: string; existing: boolean; name: string }[] } }
    expect(body.preview.rows.map((r) => r.existing)).toEqual([false, false, true])
    expect(JSON.stringify(body)).not.toContain('Tove Trondheim')

    const coordCookie = await signIn(w.coordinator.id, w.farsund.id)
    const enrolCsv = `navn;e-post\nA;${w.trondheimAdmin.email}\nB;nobody2@example.no\nC;${w.coordinator.email}`
    const res2 = await callRoute(participantsAction, formRequest(`/programmes/${w.programme.id}/participants`, { intent: 'preview', csv: enrolCsv, joinedOn: '2027-01-14' }, { cookie: coordCookie }), { id: w.programme.id })
    const body2 = (await res2.json()) as { preview: { rows: { status: string }[] } }
    expect(body2.preview.rows.map((r) => r.status)).toEqual(['new', 'new', 'existing'])

    // Importing gives the outside account a pending invitation only.
    expect((await callRoute(importAction, formRequest('/admin/users/import', { intent: 'import', csv }, { cookie }))).status).toBe(302)
    expect(await membershipsIn(w.trondheimAdmin.id, w.farsund.id)).toEqual([])
    expect(await db.pendingMembership.count({ where: { userId: w.trondheimAdmin.id } })).toBe(1)
  })
})

describe('step 2: an anonymous reset request', () => {
  it('files the reset of a platform account or a multi-municipality account under no municipality', async () => {
    const w = await world()
    const regional = await makeUser({ municipalityId: w.trondheim.id, roles: ['mentor'], email: 'regional@example.no' })
    await db.membership.create({ data: { userId: regional.id, municipalityId: w.farsund.id, role: 'mentor' } })
    // Even a platform admin who accepted a municipal role stays out of that municipality's outbox.
    await db.membership.create({ data: { userId: w.platform.id, municipalityId: w.farsund.id, role: 'mentor' } })
    for (const email of [w.platform.email, regional.email, w.coordinator.email]) {
      expect((await callRoute(forgotAction, formRequest('/forgot-password', { email }))).status).toBe(200)
    }
    const filed = await db.outboxMessage.findMany({ where: { kind: 'reset' }, select: { toAddress: true, municipalityId: true } })
    expect(Object.fromEntries(filed.map((m) => [m.toAddress, m.municipalityId]))).toEqual({
      [w.platform.email]: null,
      [regional.email]: null,
      [w.coordinator.email]: w.farsund.id,
    })
  })
})

describe('step 3: reading the link in the outbox', () => {
  it("shows a municipality's admin only its own mail, never a link for a platform or outside account", async () => {
    const w = await world()
    const regional = await makeUser({ municipalityId: w.trondheim.id, roles: ['mentor'], email: 'regional@example.no' })
    await db.membership.create({ data: { userId: regional.id, municipalityId: w.farsund.id, role: 'mentor' } })
    const link = 'http://localhost:3000/reset-password/SECRET'
    for (const [to, municipalityId] of [
      [w.platform.email, w.farsund.id], // filed here by older code
      [regional.email, w.farsund.id],
      [w.coordinator.email, w.farsund.id],
      [w.trondheimAdmin.email, w.trondheim.id],
    ] as const) {
      await db.outboxMessage.create({ data: { toAddress: to, subject: 'Reset', textBody: `${to} ${link}`, kind: 'reset', municipalityId } })
    }
    const cookie = await signIn(w.farsundAdmin.id, w.farsund.id)
    const data = (await (await callRoute(outboxLoader, getRequest('/admin/outbox', cookie))).json()) as { messages: { to: string; text: string | null }[] }
    const byTo = Object.fromEntries(data.messages.map((m) => [m.to, m.text]))
    expect(Object.keys(byTo).sort()).toEqual([w.coordinator.email, w.platform.email, regional.email].sort())
    expect(byTo[w.platform.email]).toBeNull()
    expect(byTo[regional.email]).toBeNull()
    expect(byTo[w.coordinator.email]).toContain('SECRET')
  })
})

describe('step 4: signing in', () => {
  it('a pending invitation grants nothing until the invited person accepts it, and only they can', async () => {
    const w = await world()
    const unit = await makeUnit(w.farsund.id)
    const coordCookie = await signIn(w.coordinator.id, w.farsund.id)
    await callRoute(participantsAction, enrol(w.programme.id, coordCookie, w.trondheimAdmin.email, { unitId: unit.id }), { id: w.programme.id })
    const invitation = await db.pendingMembership.findFirstOrThrow({ where: { userId: w.trondheimAdmin.id } })

    // Nobody else can accept it, not even the coordinator who sent it.
    const res = await callRoute(accountAction, formRequest('/account', { intent: 'accept-invitation', invitationId: invitation.id }, { cookie: coordCookie }))
    expect(res.status).toBe(404)
    expect(await membershipsIn(w.trondheimAdmin.id, w.farsund.id)).toEqual([])

    const own = await signIn(w.trondheimAdmin.id, w.trondheim.id)
    const page = (await (await callRoute(accountLoader, getRequest('/account', own))).json()) as { invitations: { id: string; municipality: string; programme: string | null }[] }
    expect(page.invitations).toEqual([{ id: invitation.id, municipality: 'Farsund', roles: ['mentor'], programme: 'Farsund 2027' }])
    expect((await callRoute(accountAction, formRequest('/account', { intent: 'accept-invitation', invitationId: invitation.id }, { cookie: own }))).status).toBe(302)
    expect((await membershipsIn(w.trondheimAdmin.id, w.farsund.id)).map((m) => [m.role, m.unitId, m.deactivatedAt])).toEqual([['mentor', unit.id, null]])
    expect(await db.enrolment.findFirst({ where: { userId: w.trondheimAdmin.id, programmeId: w.programme.id } })).toMatchObject({ leftOn: null })
    expect(await db.pendingMembership.count()).toBe(0)
  })
})
