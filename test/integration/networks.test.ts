// Networks and minutes with approval, on SQLite and PostgreSQL: the state
// machine end to end, closing after a deadline, a participant who left,
// cross-municipality attempts on every action naming a person or record, and
// bad input (nothing saved).
import { beforeEach, describe, expect, it } from 'vitest'
import { countQueries, db } from '~/db.server.ts'
import { getViewer, startSession } from '~/modules/auth/index.ts'
import { answerMinutes, closeApproval, createMinutes, lineDiff, loadMinutes, minutesSubject, publishMinutes, saveDraft, submitForApproval } from '~/modules/minutes/index.ts'
import {
  addMember, calendarMeetings, createNetwork, decideRequest, invitePerson, leaveNetwork, municipalityNetworkReport, networkAccess, networkMembers, reportCsv, requestToJoin,
  respondToInvitation, saveMeetingRegister, sendMeetingReminders,
} from '~/modules/networks/index.ts'
import { action as minutesAction } from '~/routes/minutes.$id.tsx'
import { loader as newMinutesLoader } from '~/routes/minutes.new.tsx'
import { action as networkAction, loader as networkLoader } from '~/routes/networks.$id._index.tsx'
import { action as planAction } from '~/routes/networks.$id.meetings.new.tsx'
import { action as newNetworkAction } from '~/routes/networks.new.tsx'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, formRequest, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function cookieOf(userId: string, municipalityId: string) {
  return cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
}
async function viewerOf(userId: string, municipalityId: string) {
  const cookie = await cookieOf(userId, municipalityId)
  return runWithRequestStore(async () => (await getViewer(getRequest('/', cookie)))!)
}
/** Runs a route function; thrown responses (404, redirects) are returned. */
async function call(fn: () => Promise<unknown>): Promise<{ status: number; body: any; location: string | null }> {
  try {
    const value = await fn()
    const d = value as { init?: { status?: number }; data?: unknown }
    return { status: d.init?.status ?? 200, body: d.data ?? value, location: null }
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: null, location: e.headers.get('Location') }
    throw e
  }
}

async function world() {
  const m = await makeMunicipality('Trondheim')
  const far = await makeMunicipality('Farsund')
  const east = await db.district.create({ data: { municipalityId: m.id, name: 'Østbyen' } })
  const homeCare = await makeUnit(m.id, 'Valentinlyst hjemmetjeneste', 'home_care')
  const hvs = await makeUnit(m.id, 'Dragvoll helse- og velferdssenter', 'hvs')
  const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'], name: 'Tove Admin' })
  const lead = await makeUser({ municipalityId: m.id, roles: ['programme_lead'], name: 'Gunn Lead' })
  const contact = await makeUser({ municipalityId: m.id, roles: ['network_contact', 'mentor'], unitId: hvs.id, name: 'Per Kontakt' })
  const a = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: homeCare.id, name: 'Anne A' })
  const b = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: hvs.id, name: 'Bjørn B' })
  const c = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: homeCare.id, name: 'Cecilie C' })
  const d = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: homeCare.id, name: 'Dag D' })
  const otherContact = await makeUser({ municipalityId: m.id, roles: ['mentor'], name: 'Ola Annen' })
  const farMentor = await makeUser({ municipalityId: far.id, roles: ['mentor'], name: 'Kristin Farsund', email: 'kristin@farsund.test' })
  const farAdmin = await makeUser({ municipalityId: far.id, roles: ['municipality_admin', 'programme_lead'], name: 'Helge Farsund' })
  const actor = { userId: admin.id, municipalityId: m.id }
  const created = await createNetwork(actor, { name: 'Nettverk Østbyen', districtId: east.id, contactId: contact.id, rhythmMonths: 2 })
  const other = await createNetwork(actor, { name: 'Nettverk Midtbyen', contactId: otherContact.id, rhythmMonths: 2 })
  if (!created.ok || !other.ok) throw new Error('setup')
  const network = await db.network.findUniqueOrThrow({ where: { id: created.id } })
  const contactActor = { userId: contact.id, municipalityId: m.id }
  for (const u of [a, b, c, d]) expect(await addMember(contactActor, network, u.id)).toEqual({ ok: true })
  // Everyone has been a member for two months (the register counts only members on the day).
  await db.networkMember.updateMany({ where: { networkId: network.id }, data: { joinedAt: new Date(Date.now() - 60 * 86_400_000) } })
  return { m, far, east, admin, lead, contact, a, b, c, d, otherContact, farMentor, farAdmin, network, otherNetworkId: other.id, contactActor }
}

/** A meeting held last week with everyone but Dag present. */
async function heldMeeting(w: Awaited<ReturnType<typeof world>>) {
  const meeting = await db.networkMeeting.create({
    data: { networkId: w.network.id, municipalityId: w.m.id, startsAt: new Date(Date.now() - 7 * 86_400_000), durationMinutes: 120, topic: 'Refleksjon', createdById: w.contact.id },
  })
  const result = await saveMeetingRegister(w.contactActor, meeting, 0, [
    ...[w.contact, w.a, w.b, w.c].map((u) => ({ userId: u.id, status: 'present' as const })),
    { userId: w.d.id, status: 'absent' as const },
  ])
  expect(result).toEqual({ ok: true })
  return meeting
}

async function startMinutes(w: Awaited<ReturnType<typeof world>>, meetingId: string) {
  const viewer = await viewerOf(w.contact.id, w.m.id)
  const subject = (await minutesSubject(viewer, { kind: 'meeting', id: meetingId }))!
  const created = await createMinutes(w.contactActor, subject, { title: 'Referat', body: 'Vi snakket om refleksjon.\nNeste tema: grenser.' })
  if (!created.ok) throw new Error('minutes')
  return created.id
}
async function loaded(userId: string, municipalityId: string, minutesId: string) {
  return loadMinutes(await viewerOf(userId, municipalityId), minutesId)
}

describe('networks', () => {
  it('shows members with unit and service type; a person from another municipality only by accepted invitation, with name and municipality only', async () => {
    const w = await world()
    // Never attached directly.
    expect(await addMember(w.contactActor, w.network, w.farMentor.id)).toEqual({ ok: false, error: 'networks.notInMunicipality' })
    expect(await invitePerson(w.contactActor, w.network, 'kristin@farsund.test', 'nb')).toEqual({ ok: true })
    expect(await db.outboxMessage.count({ where: { toAddress: 'kristin@farsund.test', kind: 'network-invite' } })).toBe(1)
    expect((await networkMembers(w.network)).map((p) => p.name)).not.toContain('Kristin Farsund')
    // Only the invited person can accept.
    expect(await respondToInvitation(w.a.id, w.network.id, true)).toBe(false)
    expect(await respondToInvitation(w.farMentor.id, w.network.id, true)).toBe(true)
    const members = await networkMembers(w.network)
    expect(members.find((p) => p.name === 'Kristin Farsund')).toMatchObject({ external: true, municipality: 'Farsund', unit: null, serviceType: null })
    expect(members.find((p) => p.name === 'Anne A')).toMatchObject({ external: false, unit: 'Valentinlyst hjemmetjeneste', serviceType: 'home_care' })
    expect(members.find((p) => p.name === 'Bjørn B')).toMatchObject({ serviceType: 'hvs' })
    // Inviting someone of the same municipality is refused: they are added from the list.
    expect(await invitePerson(w.contactActor, w.network, (await db.user.findUniqueOrThrow({ where: { id: w.otherContact.id } })).email, 'nb')).toEqual({ ok: false, error: 'networks.sameMunicipality' })
  })

  it('lets a colleague ask to join and the contact person accept; nobody from elsewhere can ask', async () => {
    const w = await world()
    expect(await requestToJoin(await viewerOf(w.otherContact.id, w.m.id), w.network)).toEqual({ ok: true })
    expect(await requestToJoin(await viewerOf(w.farMentor.id, w.far.id), w.network)).toEqual({ ok: false, error: 'networks.cannotJoin' })
    expect(await decideRequest(w.contactActor, w.network.id, w.farMentor.id, true)).toEqual({ ok: false, error: 'networks.noRequest' })
    expect(await decideRequest(w.contactActor, w.network.id, w.otherContact.id, true)).toEqual({ ok: true })
    expect((await networkMembers(w.network)).map((p) => p.name)).toContain('Ola Annen')
  })

  it('refuses a contact person from another municipality with a field error and saves nothing', async () => {
    const w = await world()
    const cookie = await cookieOf(w.admin.id, w.m.id)
    const before = await db.network.count()
    const r = await call(() => newNetworkAction({ request: formRequest('/networks/new', { name: 'Nettverk Lerkendal', contactId: w.farMentor.id, rhythmMonths: '2' }, { cookie }), params: {}, context: {} }))
    expect(r.status).toBe(400)
    expect(r.body.result.error.contactId).toEqual(['networks.contactElsewhere'])
    expect(r.body.result.initialValue.name).toBe('Nettverk Lerkendal')
    expect(await db.network.count()).toBe(before)
    // And a district of another municipality.
    const farDistrict = await db.district.create({ data: { municipalityId: w.far.id, name: 'Vanse' } })
    expect(await createNetwork({ userId: w.admin.id, municipalityId: w.m.id }, { name: 'X', districtId: farDistrict.id, contactId: w.a.id, rhythmMonths: 2 })).toEqual({ ok: false, fieldErrors: { districtId: ['networks.unknownDistrict'] } })
  })

  it('refuses a meeting in the past with a field error and saves nothing', async () => {
    const w = await world()
    const cookie = await cookieOf(w.contact.id, w.m.id)
    const r = await call(() => planAction({ request: formRequest(`/networks/${w.network.id}/meetings/new`, { date: '2020-03-01', start: '13:00', end: '15:00', topic: 'For sent' }, { cookie }), params: { id: w.network.id }, context: {} }))
    expect(r.status).toBe(400)
    expect(r.body.result.error.date).toEqual(['networks.meetingInPast'])
    expect(r.body.result.initialValue.topic).toBe('For sent')
    expect(await db.networkMeeting.count()).toBe(0)
    const ok = await call(() => planAction({ request: formRequest(`/networks/${w.network.id}/meetings/new`, { date: `${new Date().getUTCFullYear() + 1}-03-01`, start: '13:00', end: '15:00', topic: 'Grenser', reuse: 'method:cognitive-diamond' }, { cookie }), params: { id: w.network.id }, context: {} }))
    expect(ok.status).toBe(302)
    expect(await db.networkMeeting.findFirstOrThrow()).toMatchObject({ topic: 'Grenser', methodSlug: 'cognitive-diamond', durationMinutes: 120 })
  })

  it('answers 404 to people of other municipalities and to other networks’ contact persons, on every action naming a record or person', async () => {
    const w = await world()
    const farCookie = await cookieOf(w.farAdmin.id, w.far.id)
    expect((await call(() => networkLoader({ request: getRequest(`/networks/${w.network.id}`, farCookie), params: { id: w.network.id }, context: {} }))).status).toBe(404)
    for (const fields of [{ intent: 'add', userId: w.farMentor.id }, { intent: 'remove', userId: w.a.id }, { intent: 'accept', userId: w.a.id }, { intent: 'invite', email: 'kristin@farsund.test' }, { intent: 'material', kind: 'link', title: 'x', url: 'https://example.org' }] as Record<string, string>[]) {
      const r = await call(() => networkAction({ request: formRequest(`/networks/${w.network.id}`, fields, { cookie: farCookie }), params: { id: w.network.id }, context: {} }))
      expect(r.status).toBe(404)
    }
    // The other network's contact person is a colleague here: may look, may not run it.
    const otherCookie = await cookieOf(w.otherContact.id, w.m.id)
    expect((await call(() => networkAction({ request: formRequest(`/networks/${w.network.id}`, { intent: 'remove', userId: w.a.id }, { cookie: otherCookie }), params: { id: w.network.id }, context: {} }))).status).toBe(404)
    expect(await db.networkMember.count({ where: { networkId: w.network.id, userId: w.a.id, status: 'active' } })).toBe(1)
    // Naming a person of another municipality in the contact person's own network: a field error, nothing attached.
    const contactCookie = await cookieOf(w.contact.id, w.m.id)
    const r = await call(() => networkAction({ request: formRequest(`/networks/${w.network.id}`, { intent: 'add', userId: w.farMentor.id }, { cookie: contactCookie }), params: { id: w.network.id }, context: {} }))
    expect(r.status).toBe(400)
    expect(r.body.result.error.userId).toEqual(['networks.notInMunicipality'])
    expect(await db.networkMember.count({ where: { userId: w.farMentor.id } })).toBe(0)
    // Minutes of a meeting: only the contact person writes; others (and other municipalities) get 404.
    const meeting = await heldMeeting(w)
    expect((await call(() => newMinutesLoader({ request: getRequest(`/minutes/new?meeting=${meeting.id}`, otherCookie), params: {}, context: {} }))).status).toBe(404)
    const minutesId = await startMinutes(w, meeting.id)
    await submitForApproval(w.contactActor, (await loaded(w.contact.id, w.m.id, minutesId))!.minutes, { intent: 'submit', title: 'Referat', body: 'Vi snakket om refleksjon.' }, 'nb')
    for (const [cookie, who] of [[farCookie, 'far'], [otherCookie, 'other']] as const) {
      const r2 = await call(() => minutesAction({ request: formRequest(`/minutes/${minutesId}`, { intent: 'approve' }, { cookie }), params: { id: minutesId }, context: {} }))
      expect(r2.status, who).toBe(404)
    }
    expect(await db.minutesReview.count({ where: { minutesId, status: 'approved' } })).toBe(0)
    expect(await networkAccess(await viewerOf(w.farAdmin.id, w.far.id), w.network.id)).toBeNull()
  })
})

describe('minutes with approval', () => {
  it('runs draft → in review → changes requested → in review → approved → published, keeping versions and a diff', async () => {
    const w = await world()
    const meeting = await heldMeeting(w)
    const minutesId = await startMinutes(w, meeting.id)
    const get = async () => (await loaded(w.contact.id, w.m.id, minutesId))!.minutes

    // The draft is the writer's alone.
    expect(await loaded(w.a.id, w.m.id, minutesId)).toBeNull()

    // An empty draft sent for approval: a field error, nothing saved.
    const cookie = await cookieOf(w.contact.id, w.m.id)
    const empty = await call(() => minutesAction({ request: formRequest(`/minutes/${minutesId}`, { intent: 'submit', title: 'Referat', body: '   ' }, { cookie }), params: { id: minutesId }, context: {} }))
    expect(empty.status).toBe(400)
    expect(empty.body.result.error.body).toEqual(['minutes.bodyRequired'])
    expect(await get()).toMatchObject({ status: 'draft', version: 1 })
    expect(await db.minutesReview.count()).toBe(0)
    expect((await db.minutesVersion.findFirstOrThrow()).body).toContain('refleksjon')

    const submitted = await call(() => minutesAction({ request: formRequest(`/minutes/${minutesId}`, { intent: 'submit', title: 'Referat', body: 'Vi snakket om refleksjon.\nNeste tema: grenser.' }, { cookie }), params: { id: minutesId }, context: {} }))
    expect(submitted.status).toBe(302)
    expect(await get()).toMatchObject({ status: 'in_review', version: 1 })
    // The participants present were asked (Dag was absent, the writer does not approve her own).
    const asked = await db.minutesReview.findMany({ where: { minutesId }, select: { userId: true } })
    expect(asked.map((r) => r.userId).sort()).toEqual([w.a.id, w.b.id, w.c.id].sort())
    expect(await db.outboxMessage.count({ where: { kind: 'minutes-review' } })).toBe(3)
    // In review: participants read, the rest of the network does not yet.
    expect(await loaded(w.a.id, w.m.id, minutesId)).not.toBeNull()
    expect(await loaded(w.d.id, w.m.id, minutesId)).toBeNull()

    expect(await answerMinutes({ userId: w.a.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')).toMatchObject({ ok: true })
    expect(await answerMinutes({ userId: w.b.id, municipalityId: w.m.id }, await get(), 'request_changes', 'Skriv at vi avtalte faste tider.', 'nb')).toMatchObject({ ok: true })
    expect(await get()).toMatchObject({ status: 'changes_requested' })
    expect(await answerMinutes({ userId: w.c.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')).toEqual({ ok: false, formErrors: ['minutes.wrongState'] })
    // A request without a comment is a field error.
    const bCookie = await cookieOf(w.b.id, w.m.id)
    expect((await call(() => minutesAction({ request: formRequest(`/minutes/${minutesId}`, { intent: 'request_changes' }, { cookie: bCookie }), params: { id: minutesId }, context: {} }))).body.result.error.comment).toEqual(['minutes.commentRequired'])

    // The revision is a new version; the old one stays.
    await saveDraft(w.contactActor, await get(), { intent: 'save', title: 'Referat', body: 'Vi snakket om refleksjon.\nVi avtalte faste tider.\nNeste tema: grenser.' })
    expect(await get()).toMatchObject({ status: 'changes_requested', version: 2 })
    const versions = await db.minutesVersion.findMany({ where: { minutesId }, orderBy: { version: 'asc' } })
    expect(versions.map((v) => v.version)).toEqual([1, 2])
    expect(lineDiff(versions[0].body, versions[1].body).filter((l) => l.kind !== 'same')).toEqual([{ kind: 'added', text: 'Vi avtalte faste tider.' }])

    expect(await submitForApproval(w.contactActor, await get(), { intent: 'submit', title: 'Referat', body: versions[1].body }, 'nb')).toMatchObject({ ok: true })
    expect(await get()).toMatchObject({ status: 'in_review', version: 2 })
    for (const u of [w.a, w.b, w.c]) await answerMinutes({ userId: u.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')
    expect(await get()).toMatchObject({ status: 'approved' })
    expect(await db.outboxMessage.count({ where: { kind: 'minutes-answer' } })).toBe(2)

    // Published to the network: members read, the other network and the programme lead do not.
    expect(await publishMinutes(w.contactActor, await get(), 'network')).toMatchObject({ ok: true })
    expect(await get()).toMatchObject({ status: 'published', audience: 'network' })
    expect(await loaded(w.d.id, w.m.id, minutesId)).not.toBeNull()
    expect(await loaded(w.otherContact.id, w.m.id, minutesId)).toBeNull()
    expect(await loaded(w.lead.id, w.m.id, minutesId)).toBeNull()
    expect(await loaded(w.farAdmin.id, w.far.id, minutesId)).toBeNull()
    // Published to the municipality's mentor-scheme group: now the programme lead reads too, a mentor outside does not.
    await db.minutes.update({ where: { id: minutesId }, data: { audience: 'municipality' } })
    expect(await loaded(w.lead.id, w.m.id, minutesId)).not.toBeNull()
    expect(await loaded(w.otherContact.id, w.m.id, minutesId)).toBeNull()
  })

  it('closes approval only after the deadline, noting who had not answered', async () => {
    const w = await world()
    const meeting = await heldMeeting(w)
    const minutesId = await startMinutes(w, meeting.id)
    const get = async () => (await loaded(w.contact.id, w.m.id, minutesId))!.minutes
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    // A deadline in the past is refused.
    expect(await submitForApproval(w.contactActor, await get(), { intent: 'submit', title: 'R', body: 'Tekst', deadline: '2020-01-01' }, 'nb')).toEqual({ ok: false, fieldErrors: { deadline: ['minutes.deadlinePast'] } })
    expect(await get()).toMatchObject({ status: 'draft' })
    await submitForApproval(w.contactActor, await get(), { intent: 'submit', title: 'R', body: 'Tekst', deadline: tomorrow }, 'nb')
    await answerMinutes({ userId: w.a.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')
    expect(await closeApproval(w.contactActor, await get())).toEqual({ ok: false, formErrors: ['minutes.close.deadlineNotPassed'] })
    expect(await closeApproval(w.contactActor, await get(), new Date(Date.now() + 3 * 86_400_000))).toMatchObject({ ok: true })
    const closed = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } })
    expect(closed.status).toBe('approved')
    expect(JSON.parse(closed.closedNotAnswered!)).toEqual(['Bjørn B', 'Cecilie C'])
    expect(await publishMinutes(w.contactActor, await get(), 'participants')).toMatchObject({ ok: true })
    // Participants read; a member who was absent does not.
    expect(await loaded(w.b.id, w.m.id, minutesId)).not.toBeNull()
    expect(await loaded(w.d.id, w.m.id, minutesId)).toBeNull()
  })

  it('a participant who leaves the network no longer holds the minutes back, nor reads them', async () => {
    const w = await world()
    const meeting = await heldMeeting(w)
    const minutesId = await startMinutes(w, meeting.id)
    const get = async () => (await loaded(w.contact.id, w.m.id, minutesId))!.minutes
    await submitForApproval(w.contactActor, await get(), { intent: 'submit', title: 'R', body: 'Tekst' }, 'nb')
    await answerMinutes({ userId: w.a.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')
    await answerMinutes({ userId: w.b.id, municipalityId: w.m.id }, await get(), 'approve', undefined, 'nb')
    expect(await get()).toMatchObject({ status: 'in_review' })
    expect(await loaded(w.c.id, w.m.id, minutesId)).not.toBeNull()
    expect(await leaveNetwork({ userId: w.c.id, municipalityId: w.m.id }, w.network, w.c.id)).toEqual({ ok: true })
    expect(await get()).toMatchObject({ status: 'approved' })
    expect((await db.minutesReview.findFirstOrThrow({ where: { minutesId, userId: w.c.id } })).status).toBe('withdrawn')
    expect(await loaded(w.c.id, w.m.id, minutesId)).toBeNull()
    // Her attendance stays in the history.
    expect(await db.networkAttendance.count({ where: { meetingId: meeting.id, userId: w.c.id } })).toBe(1)
    // And a new round does not ask her.
    expect(await leaveNetwork(w.contactActor, w.network, w.contact.id)).toEqual({ ok: false, error: 'networks.contactCannotLeave' })
  })

  it('minutes of a gathering: the coordinator writes, enrolled participants present approve', async () => {
    const w = await world()
    const coordinator = await makeUser({ municipalityId: w.m.id, roles: ['coordinator'] })
    const programme = await db.programme.create({ data: { municipalityId: w.m.id, name: 'Program', year: 2026, coordinatorId: coordinator.id, requiredMinutes: 60, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') } })
    const gathering = await db.gathering.create({ data: { programmeId: programme.id, order: 1, kind: 'gathering', title: 'Samling 1', theme: 'Tema', startsAt: new Date('2026-02-01T11:00:00Z'), durationMinutes: 180 } })
    for (const u of [w.a, w.b]) {
      await db.enrolment.create({ data: { programmeId: programme.id, userId: u.id, joinedOn: new Date('2026-01-01') } })
      await db.attendance.create({ data: { gatheringId: gathering.id, programmeId: programme.id, userId: u.id, status: 'present', minutesPresent: 180, recordedById: coordinator.id } })
    }
    expect(await minutesSubject(await viewerOf(w.contact.id, w.m.id), { kind: 'gathering', id: gathering.id })).toMatchObject({ writes: false })
    const viewer = await viewerOf(coordinator.id, w.m.id)
    const subject = (await minutesSubject(viewer, { kind: 'gathering', id: gathering.id }))!
    const created = await createMinutes({ userId: coordinator.id, municipalityId: w.m.id }, subject, { title: 'Samling 1', body: 'Tekst' })
    const m = (await loadMinutes(viewer, (created as { id: string }).id))!.minutes
    expect(await submitForApproval({ userId: coordinator.id, municipalityId: w.m.id }, m, { intent: 'submit', title: 'Samling 1', body: 'Tekst' }, 'nb')).toMatchObject({ ok: true })
    expect((await db.minutesReview.findMany({ where: { minutesId: m.id } })).map((r) => r.userId).sort()).toEqual([w.a.id, w.b.id].sort())
  })
})

describe('meetings, reminders, calendar and the report', () => {
  it('reminds active members once, a week before, through the outbox; meetings appear in their calendar', async () => {
    const w = await world()
    const soon = await db.networkMeeting.create({ data: { networkId: w.network.id, municipalityId: w.m.id, startsAt: new Date(Date.now() + 5 * 86_400_000), durationMinutes: 120, topic: 'Snart', createdById: w.contact.id } })
    await db.networkMeeting.create({ data: { networkId: w.network.id, municipalityId: w.m.id, startsAt: new Date(Date.now() + 30 * 86_400_000), durationMinutes: 120, topic: 'Senere', createdById: w.contact.id } })
    await leaveNetwork(w.contactActor, w.network, w.d.id)
    expect(await sendMeetingReminders()).toBe(4)
    expect(await sendMeetingReminders()).toBe(0)
    const mails = await db.outboxMessage.findMany({ where: { kind: 'network-reminder' } })
    expect(mails).toHaveLength(4)
    expect(mails[0].subject).toContain('Nettverk Østbyen')
    expect((await db.networkMeeting.findUniqueOrThrow({ where: { id: soon.id } })).reminderSentAt).not.toBeNull()
    expect((await calendarMeetings(w.a.id)).map((m) => m.title)).toEqual(['Snart', 'Senere'])
    expect(await calendarMeetings(w.d.id)).toEqual([])
  })

  it('reports meetings, attendance rates, members absent from the last N meetings and topics, for the own municipality only', async () => {
    const w = await world()
    await heldMeeting(w)
    const second = await db.networkMeeting.create({ data: { networkId: w.network.id, municipalityId: w.m.id, startsAt: new Date(Date.now() - 2 * 86_400_000), durationMinutes: 120, topic: 'Grenser', createdById: w.contact.id } })
    await saveMeetingRegister(w.contactActor, second, 0, [w.contact, w.a].map((u) => ({ userId: u.id, status: 'present' as const })))
    const period = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 86_400_000) }
    const rows = await municipalityNetworkReport(w.m.id, period, 2)
    const east = rows.find((r) => r.name === 'Nettverk Østbyen')!
    expect(east.meetingsHeld).toBe(2)
    // 5 members at each of 2 meetings; present 4 + 2.
    expect(east.attendanceRate).toBeCloseTo(6 / 10)
    expect(east.absentLastN.map((p) => p.name)).toEqual(['Dag D'])
    expect(east.topics).toEqual(['Refleksjon', 'Grenser'])
    expect(rows.find((r) => r.name === 'Nettverk Midtbyen')).toMatchObject({ meetingsHeld: 0, attendanceRate: null })
    expect(await municipalityNetworkReport(w.far.id, period, 2)).toEqual([])
    const csv = reportCsv(rows, ['Nettverk', 'Møter', 'Oppmøte', 'Fravær', 'Temaer'])
    expect(csv.startsWith('\uFEFFNettverk;Møter')).toBe(true)
    expect(csv).toContain('Nettverk Østbyen;2;60;Dag D;Refleksjon, Grenser')
  })

  it('keeps the report cached while nothing changes, and sees every write made straight to the database (another instance)', async () => {
    const w = await world()
    const meeting = await heldMeeting(w)
    const period = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 86_400_000) }
    const east = async (now = new Date()) => (await municipalityNetworkReport(w.m.id, period, 1, now)).find((r) => r.name === 'Nettverk Østbyen')!
    const before = await east()
    expect(before.absentLastN.map((p) => p.name)).toEqual(['Dag D'])
    const again = await countQueries(() => municipalityNetworkReport(w.m.id, period, 1))
    expect(again.queries).toBe(1)
    expect(again.result.find((r) => r.name === 'Nettverk Østbyen')).toEqual(before)
    // Attendance, a rename, a member leaving, a meeting planned and then started, a network renamed: each shows at once.
    await db.networkAttendance.updateMany({ where: { meetingId: meeting.id, userId: w.a.id }, data: { minutesPresent: 0, status: 'absent' } })
    expect((await east()).attendanceRate).toBeLessThan(before.attendanceRate!)
    await db.user.update({ where: { id: w.d.id }, data: { name: 'Dag Nytt' } })
    expect((await east()).absentLastN.map((p) => p.name)).toContain('Dag Nytt')
    await db.networkMember.updateMany({ where: { networkId: w.network.id, userId: w.d.id }, data: { status: 'left', leftAt: new Date(Date.now() - 50 * 86_400_000) } })
    expect((await east()).absentLastN.map((p) => p.name)).not.toContain('Dag Nytt')
    const startsAt = new Date(Date.now() + 3_600_000)
    await db.networkMeeting.create({ data: { networkId: w.network.id, municipalityId: w.m.id, startsAt, durationMinutes: 60, topic: 'Snart', createdById: w.contact.id } })
    expect((await east()).topics).not.toContain('Snart')
    expect((await east(new Date(startsAt.getTime() + 60_000))).topics).toContain('Snart')
    expect((await east()).topics).not.toContain('Snart')
    await db.network.update({ where: { id: w.network.id }, data: { name: 'Nettverk Øst' } })
    expect((await municipalityNetworkReport(w.m.id, period, 1)).map((r) => r.name)).toContain('Nettverk Øst')
  })
})
