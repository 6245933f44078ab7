import { strFromU8, unzipSync } from 'fflate'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, Prisma } from '~/db.server.ts'
import { applyRetention, ERASED_NAME, erasePerson, exportPerson, retentionReport } from '~/modules/privacy/index.ts'
import { makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function programmeIn(municipalityId: string, coordinatorId: string, name = 'Mentorprogram 2018') {
  const programme = await db.programme.create({
    data: { municipalityId, name, year: 2018, coordinatorId, requiredMinutes: 2640, startsOn: new Date('2018-01-11'), endsOn: new Date('2018-12-06') },
  })
  const gathering = await db.gathering.create({
    data: { programmeId: programme.id, order: 1, kind: 'kickoff', title: 'Oppstart', theme: 'Bli kjent', startsAt: new Date('2018-01-11T08:00:00Z'), durationMinutes: 420 },
  })
  return { programme, gathering }
}

async function attend(p: { programme: { id: string }; gathering: { id: string } }, userId: string, minutes: number, recordedById: string) {
  await db.enrolment.create({ data: { programmeId: p.programme.id, userId, joinedOn: new Date('2018-01-01') } })
  await db.attendance.create({ data: { gatheringId: p.gathering.id, programmeId: p.programme.id, userId, status: minutes === 420 ? 'present' : 'partial', minutesPresent: minutes, recordedById } })
}

async function world() {
  const trondheim = await makeMunicipality('Trondheim')
  const farsund = await makeMunicipality('Farsund')
  const unit = await makeUnit(trondheim.id, 'Lade hjemmetjeneste')
  const admin = await makeUser({ municipalityId: trondheim.id, roles: ['municipality_admin'], name: 'Admin Adminsen' })
  const farsundAdmin = await makeUser({ municipalityId: farsund.id, roles: ['municipality_admin'], name: 'Farsund Admin' })
  const coordinator = await makeUser({ municipalityId: trondheim.id, roles: ['coordinator'], name: 'Kari Koordinator' })
  const ada = await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: 'Ada Lovelace Hansen', email: 'ada.hansen@trondheim.example' })
  const bodil = await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: 'Bodil Berg', email: 'bodil.berg@trondheim.example' })
  const p = await programmeIn(trondheim.id, coordinator.id)
  await attend(p, ada.id, 420, coordinator.id)
  await attend(p, bodil.id, 300, coordinator.id)
  await db.attendanceCredit.create({ data: { programmeId: p.programme.id, userId: ada.id, minutes: 60, kind: 'catch-up', reason: 'Ada tok igjen samlingen', grantedById: coordinator.id } })
  await db.absenceNotice.create({ data: { gatheringId: p.gathering.id, programmeId: p.programme.id, userId: bodil.id, reason: 'work' } })
  await db.preparationAnswer.create({ data: { gatheringId: p.gathering.id, ownerId: ada.id, programmeId: p.programme.id, municipalityId: trondheim.id, answers: '["Mitt mål er å lytte"]' } })
  const diploma = await db.diploma.create({
    data: {
      programmeId: p.programme.id, userId: ada.id, kind: 'diploma', code: 'ADA0CODE0000000000000000A', lang: 'nb', holderName: ada.name, programmeName: p.programme.name,
      municipalityName: 'Trondheim', coordinatorName: coordinator.name, periodStart: new Date('2018-01-11'), periodEnd: new Date('2018-12-06'),
      minutesAttended: 420, minutesCredited: 60, minutesRequired: 2640, sessions: '[]', issuedById: coordinator.id,
    },
  })
  const plan = await db.menteePlan.create({
    data: { municipalityId: trondheim.id, unitId: unit.id, menteeName: 'Mona Nyansatt', mentorId: ada.id, leaderId: coordinator.id, serviceType: 'home_care', templateSlug: 'trondheim', startDate: '2026-01-05', createdById: coordinator.id },
  })
  const minutes = await db.minutes.create({ data: { municipalityId: trondheim.id, gatheringId: p.gathering.id, programmeId: p.programme.id, authorId: coordinator.id, title: 'Referat fra oppstart', status: 'approved' } })
  await db.minutesVersion.create({ data: { minutesId: minutes.id, version: 1, body: 'Ada Lovelace Hansen la fram en case. Bodil Berg stilte spørsmål.', createdById: coordinator.id } })
  await db.minutesReview.create({ data: { minutesId: minutes.id, version: 1, userId: ada.id, status: 'approved', comment: 'Fint skrevet, hilsen Ada' } })
  await db.outboxMessage.create({ data: { municipalityId: trondheim.id, toAddress: ada.email, subject: 'Invitasjon til Mentornett', textBody: `Hei ${ada.name}`, kind: 'invite' } })
  await db.outboxMessage.create({ data: { municipalityId: trondheim.id, toAddress: bodil.email, subject: 'Invitasjon til Mentornett', textBody: `Hei ${bodil.name}`, kind: 'invite' } })
  await db.auditEvent.create({ data: { actorId: admin.id, municipalityId: trondheim.id, action: 'invite', entity: 'User', entityId: ada.id, details: JSON.stringify({ email: ada.email, name: ada.name }), ip: '10.0.0.1' } })
  await db.auditEvent.create({ data: { actorId: ada.id, municipalityId: trondheim.id, action: 'update', entity: 'PreparationAnswer', ip: '10.0.0.9' } })
  // Farsund has its own mentor and programme.
  const farsundMentor = await makeUser({ municipalityId: farsund.id, roles: ['mentor'], name: 'Frida Farsund' })
  const fp = await programmeIn(farsund.id, farsundAdmin.id, 'Farsund mentorprogram')
  await attend(fp, farsundMentor.id, 420, farsundAdmin.id)
  return { trondheim, farsund, unit, admin, farsundAdmin, coordinator, ada, bodil, p, diploma, plan, minutes, farsundMentor }
}

const actorOf = (user: { id: string }, municipality: { id: string }) => ({ userId: user.id, municipalityId: municipality.id, ip: '10.0.0.2' })

function unzipText(zip: Uint8Array): { files: string[]; text: string; json: Record<string, unknown[]> } {
  const files = unzipSync(zip)
  return {
    files: Object.keys(files).sort(),
    text: Object.values(files).map((f) => strFromU8(f)).join('\n'),
    json: JSON.parse(strFromU8(files['data.json'])),
  }
}

/** Every row of every table, as text: where a name or address would hide. */
async function everything(): Promise<string> {
  const parts: string[] = []
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model[0].toLowerCase() + model.slice(1)]
    parts.push(JSON.stringify(await delegate.findMany()))
  }
  return parts.join('\n')
}

describe('access request (export)', () => {
  it("contains the person's records and no one else's", async () => {
    const w = await world()
    const zip = await exportPerson(actorOf(w.admin, w.trondheim), w.ada.id, { municipalityId: w.trondheim.id })
    expect(zip).not.toBeNull()
    const { files, text, json } = unzipText(zip!)
    expect(files).toEqual(expect.arrayContaining(['data.json', 'csv/attendance.csv', 'csv/diplomas.csv', 'csv/profile.csv', 'csv/credits.csv']))
    expect(text).toContain('Ada Lovelace Hansen')
    expect(text).toContain('ada.hansen@trondheim.example')
    expect(text).toContain('ADA0CODE0000000000000000A')
    expect(text).toContain('Mitt mål er å lytte')
    expect(json.attendance).toEqual([expect.objectContaining({ gathering: 'Oppstart', minutesPresent: 420 })])
    expect(json.plansMentoredOrLed).toEqual([expect.objectContaining({ plan: w.plan.id, role: 'mentor' })])
    // Nobody else: not the other mentor, the mentee, the coordinator or the admin who invited her.
    for (const other of ['Bodil Berg', 'bodil.berg@trondheim.example', w.bodil.id, 'Mona Nyansatt', 'Kari Koordinator', w.coordinator.id, 'Admin Adminsen', w.admin.email, 'Frida Farsund']) {
      expect(text).not.toContain(other)
    }
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'export', entityId: w.ada.id } })
    expect(event).toMatchObject({ actorId: w.admin.id, municipalityId: w.trondheim.id })
  })

  it('gives an admin nothing about a person of another municipality', async () => {
    const w = await world()
    expect(await exportPerson(actorOf(w.farsundAdmin, w.farsund), w.ada.id, { municipalityId: w.farsund.id })).toBeNull()
    expect(await exportPerson(actorOf(w.admin, w.trondheim), w.farsundMentor.id, { municipalityId: w.trondheim.id })).toBeNull()
    expect(await db.auditEvent.count({ where: { action: 'export' } })).toBe(0)
  })

  it('lets a person export everything about themselves, only themselves', async () => {
    const w = await world()
    const own = await exportPerson({ userId: w.ada.id, municipalityId: w.trondheim.id }, w.ada.id, { everywhere: true })
    expect(unzipText(own!).text).toContain('Ada Lovelace Hansen')
    expect(await exportPerson({ userId: w.ada.id, municipalityId: w.trondheim.id }, w.bodil.id, { everywhere: true })).toBeNull()
  })

  it("an admin's export holds only their municipality's records of a person with roles in two", async () => {
    const w = await world()
    await db.membership.create({ data: { userId: w.farsundMentor.id, municipalityId: w.trondheim.id, role: 'mentor' } })
    const { json } = unzipText((await exportPerson(actorOf(w.admin, w.trondheim), w.farsundMentor.id, { municipalityId: w.trondheim.id }))!)
    expect(json.attendance).toEqual([])
    expect(json.roles).toEqual([expect.objectContaining({ municipality: 'Trondheim', role: 'mentor' })])
  })
})

describe('erasure', () => {
  it('leaves nothing identifying and keeps the totals others depend on', async () => {
    const w = await world()
    const before = await db.attendance.aggregate({ where: { programmeId: w.p.programme.id }, _sum: { minutesPresent: true }, _count: true })
    const result = await erasePerson(actorOf(w.admin, w.trondheim), w.ada.id, { removeDiplomas: true })
    expect(result).toMatchObject({ ok: true, mode: 'full' })
    const all = await everything()
    for (const identifying of ['Ada Lovelace Hansen', 'ada.hansen@trondheim.example', 'hilsen Ada', 'Ada tok igjen', 'Mitt mål er å lytte', 'ADA0CODE0000000000000000A']) {
      expect(all).not.toContain(identifying)
    }
    // Totals and others' records intact.
    const after = await db.attendance.aggregate({ where: { programmeId: w.p.programme.id }, _sum: { minutesPresent: true }, _count: true })
    expect(after).toEqual(before)
    expect(await db.enrolment.count({ where: { programmeId: w.p.programme.id } })).toBe(2)
    expect(await db.attendanceCredit.aggregate({ where: { programmeId: w.p.programme.id }, _sum: { minutes: true } })).toMatchObject({ _sum: { minutes: 60 } })
    expect(await db.menteePlan.findUniqueOrThrow({ where: { id: w.plan.id } })).toMatchObject({ mentorId: w.ada.id, menteeName: 'Mona Nyansatt' })
    expect(await db.minutesReview.count({ where: { minutesId: w.minutes.id, status: 'approved' } })).toBe(1)
    expect((await db.minutesVersion.findFirstOrThrow({ where: { minutesId: w.minutes.id } })).body).toBe('[slettet] la fram en case. Bodil Berg stilte spørsmål.')
    expect(await db.user.findUniqueOrThrow({ where: { id: w.ada.id } })).toMatchObject({ name: ERASED_NAME, passwordHash: null })
    expect(await db.outboxMessage.count({ where: { toAddress: w.bodil.email } })).toBe(1)
    expect(await db.absenceNotice.count()).toBe(1)
    // Recorded, without the name.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'erase', entityId: w.ada.id } })
    expect(event.actorId).toBe(w.admin.id)
  })

  it('keeps diplomas verifiable unless the holder asks otherwise', async () => {
    const w = await world()
    expect(await erasePerson(actorOf(w.admin, w.trondheim), w.ada.id, { removeDiplomas: false })).toMatchObject({ ok: true })
    expect(await db.diploma.findUnique({ where: { code: w.diploma.code } })).toMatchObject({ holderName: 'Ada Lovelace Hansen', revokedAt: null })
  })

  it('only removes a person with roles elsewhere from this municipality', async () => {
    const w = await world()
    await db.membership.create({ data: { userId: w.ada.id, municipalityId: w.farsund.id, role: 'mentor' } })
    await db.worksheet.create({ data: { ownerId: w.ada.id, municipalityId: w.farsund.id, kind: 'pedagogical-sun', title: 'Farsund-sol', data: '{}' } })
    const result = await erasePerson(actorOf(w.admin, w.trondheim), w.ada.id, { removeDiplomas: false })
    expect(result).toMatchObject({ ok: true, mode: 'local' })
    expect(await db.user.findUniqueOrThrow({ where: { id: w.ada.id } })).toMatchObject({ name: 'Ada Lovelace Hansen' })
    expect(await db.membership.findMany({ where: { userId: w.ada.id }, select: { municipalityId: true } })).toEqual([{ municipalityId: w.farsund.id }])
    expect(await db.preparationAnswer.count({ where: { ownerId: w.ada.id } })).toBe(0)
    expect(await db.worksheet.count({ where: { ownerId: w.ada.id } })).toBe(1)
  })

  it('refuses a person of another municipality, oneself and the last administrator', async () => {
    const w = await world()
    expect(await erasePerson(actorOf(w.farsundAdmin, w.farsund), w.ada.id, { removeDiplomas: true })).toEqual({ ok: false, error: 'notFound' })
    expect(await erasePerson(actorOf(w.admin, w.trondheim), w.admin.id, { removeDiplomas: false })).toEqual({ ok: false, error: 'privacy.eraseSelf' })
    expect(await erasePerson(actorOf(w.coordinator, w.trondheim), w.admin.id, { removeDiplomas: false })).toEqual({ ok: false, error: 'users.lastAdmin' })
    expect((await db.user.findUniqueOrThrow({ where: { id: w.ada.id } })).name).toBe('Ada Lovelace Hansen')
    expect(await db.auditEvent.count({ where: { action: 'erase' } })).toBe(0)
  })
})

describe('retention job', () => {
  const now = new Date('2026-12-01T12:00:00Z')

  async function expiring() {
    const w = await world()
    const old = await db.menteePlan.create({
      data: { municipalityId: w.trondheim.id, unitId: w.unit.id, menteeName: 'Gammel Plan', mentorId: w.bodil.id, leaderId: w.coordinator.id, serviceType: 'home_care', templateSlug: 'trondheim', startDate: '2022-09-01', createdById: w.coordinator.id },
    })
    await db.planItem.create({ data: { planId: old.id, kind: 'conversation', seq: 1, plannedDate: '2022-10-01', originalDate: '2022-10-01' } })
    const endedEarly = await db.menteePlan.create({
      data: { municipalityId: w.trondheim.id, unitId: w.unit.id, menteeName: 'Avsluttet Tidlig', mentorId: w.bodil.id, leaderId: w.coordinator.id, serviceType: 'home_care', templateSlug: 'trondheim', startDate: '2024-06-01', endedOn: '2024-11-01', createdById: w.coordinator.id },
    })
    // Every role ended three years ago; her diploma must stay verifiable.
    const gone = await makeUser({ municipalityId: w.trondheim.id, roles: ['mentor'], name: 'Gunn Gått', email: 'gunn@trondheim.example' })
    await db.membership.updateMany({ where: { userId: gone.id }, data: { deactivatedAt: new Date('2023-09-01') } })
    await db.diploma.create({
      data: {
        programmeId: w.p.programme.id, userId: gone.id, kind: 'diploma', code: 'GUNN0CODE000000000000000A', lang: 'nb', holderName: 'Gunn Gått', programmeName: 'Mentorprogram 2018',
        municipalityName: 'Trondheim', coordinatorName: 'Kari Koordinator', periodStart: new Date('2018-01-11'), periodEnd: new Date('2018-12-06'),
        minutesAttended: 2640, minutesCredited: 0, minutesRequired: 2640, sessions: '[]', issuedById: w.coordinator.id,
      },
    })
    // Recently ended: kept.
    const recent = await makeUser({ municipalityId: w.trondheim.id, roles: ['mentor'], name: 'Rita Nylig' })
    await db.membership.updateMany({ where: { userId: recent.id }, data: { deactivatedAt: new Date('2026-06-01') } })
    await db.outboxMessage.create({ data: { municipalityId: w.trondheim.id, toAddress: 'x@example.no', subject: 'Gammel', textBody: '-', kind: 'invite', createdAt: new Date('2026-05-01') } })
    await db.outboxMessage.create({ data: { municipalityId: w.farsund.id, toAddress: 'y@example.no', subject: 'Gammel i Farsund', textBody: '-', kind: 'invite', createdAt: new Date('2026-05-01') } })
    await db.userToken.create({ data: { userId: w.bodil.id, purpose: 'reset', tokenHash: 'h-old', municipalityId: w.trondheim.id, expiresAt: new Date('2026-09-01') } })
    await db.userToken.create({ data: { userId: w.bodil.id, purpose: 'reset', tokenHash: 'h-new', municipalityId: w.trondheim.id, expiresAt: new Date('2026-11-20') } })
    await db.checkInCode.create({ data: { gatheringId: w.p.gathering.id, code: 'OLD123', expiresAt: new Date('2018-01-11T12:00:00Z'), createdById: w.coordinator.id } })
    await db.auditEvent.create({ data: { actorId: w.admin.id, municipalityId: w.trondheim.id, action: 'update', entity: 'Unit', at: new Date('2022-01-01') } })
    return { ...w, old, endedEarly, gone, recent }
  }

  it('reports what has expired without changing anything (dry run)', async () => {
    const w = await expiring()
    const counts = async () => [await db.menteePlan.count(), await db.outboxMessage.count(), await db.userToken.count(), await db.checkInCode.count(), await db.auditEvent.count(), await db.user.count({ where: { name: ERASED_NAME } })]
    const before = await counts()
    const report = await retentionReport({ municipalityId: w.trondheim.id, now })
    const line = (key: string) => report.lines.find((l) => l.key === key)!
    expect(line('menteePlans')).toMatchObject({ count: 2, action: 'delete', cutoff: '2024-12-01' })
    expect(line('menteePlans').samples.map((s) => [s.label, s.date])).toEqual([
      ['Gammel Plan (Lade hjemmetjeneste)', '2023-09-01'],
      ['Avsluttet Tidlig (Lade hjemmetjeneste)', '2024-11-01'],
    ])
    expect(line('inactiveAccounts')).toMatchObject({ count: 1, action: 'anonymise', samples: [{ id: w.gone.id, label: 'Gunn Gått', date: '2023-09-01' }] })
    expect(line('outbox').count).toBe(1)
    expect(line('tokens').count).toBe(1)
    expect(line('checkInCodes').count).toBe(1)
    expect(line('auditEvents').count).toBe(1)
    expect(await counts()).toEqual(before)
    // The platform's report sees Farsund's old message too.
    expect((await retentionReport({ municipalityId: null, now })).lines.find((l) => l.key === 'outbox')!.count).toBe(2)
  })

  it('deletes and anonymises what expired, keeps the rest and diplomas verifiable (real run)', async () => {
    const w = await expiring()
    const done = await applyRetention({ municipalityId: w.trondheim.id, now, actorId: w.admin.id })
    expect(done).toEqual({ menteePlans: 2, inactiveAccounts: 1, outbox: 1, tokens: 1, checkInCodes: 1, auditEvents: 1 })
    expect(await db.menteePlan.findMany({ select: { id: true } })).toEqual([{ id: w.plan.id }])
    expect(await db.planItem.count()).toBe(0)
    expect(await db.user.findUniqueOrThrow({ where: { id: w.gone.id } })).toMatchObject({ name: ERASED_NAME })
    expect(await db.user.findUniqueOrThrow({ where: { id: w.recent.id } })).toMatchObject({ name: 'Rita Nylig' })
    expect(await db.diploma.findUniqueOrThrow({ where: { code: 'GUNN0CODE000000000000000A' } })).toMatchObject({ holderName: 'Gunn Gått', revokedAt: null })
    expect(await db.outboxMessage.findMany({ where: { subject: { startsWith: 'Gammel' } }, select: { subject: true } })).toEqual([{ subject: 'Gammel i Farsund' }])
    expect(await db.userToken.findMany({ select: { tokenHash: true } })).toEqual([{ tokenHash: 'h-new' }])
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: 'retention' } })).toMatchObject({ actorId: w.admin.id, municipalityId: w.trondheim.id })
    // A second run finds nothing more.
    expect(Object.values(await applyRetention({ municipalityId: null, now: new Date('2026-12-01T12:00:00Z') })).reduce((a, b) => a + b, 0)).toBe(1)
  })
})
