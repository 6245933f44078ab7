import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { acceptInvitation, getViewer, listMyInvitations, startSession } from '~/modules/auth/index.ts'
import { osloParts, suggestSchedule } from '~/modules/curriculum/index.ts'
import { createProgramme, enrolOne, getPreparation, leaveProgramme, listEnrolments, preparationOverview, previewEnrolment, programmeAccess, programmeSources, runEnrolment, savePreparation } from '~/modules/programmes/index.ts'
import { loadAudience } from '~/modules/tenancy/index.ts'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function viewerFor(userId: string, municipalityId: string) {
  const cookie = cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
  return runWithRequestStore(async () => {
    const viewer = (await getViewer(getRequest('/', cookie)))!
    return { viewer, audience: await loadAudience(viewer) }
  })
}

async function setup() {
  const m = await makeMunicipality('Trondheim')
  const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const actor = { userId: coordinator.id, municipalityId: m.id }
  const { audience } = await viewerFor(coordinator.id, m.id)
  const sources = await programmeSources(audience, 'nb')
  const national = sources.find((s) => s.value === 'national:ntnu-2018')!
  const sessions = suggestSchedule(national.sessions, 2027)
  const input = { source: national.value, name: 'Mentorprogram 2027', year: 2027, coordinatorId: coordinator.id, location: 'Rådhuset', startsOn: '2027-01-01', endsOn: '2027-12-31', sessions }
  return { m, coordinator, actor, audience, input }
}

describe('programme runs', () => {
  it('creates 12 dated gatherings in Oslo time, all or nothing', async () => {
    const { actor, audience, input } = await setup()
    const result = await createProgramme(actor, audience, input, 'nb')
    expect(result).toEqual({ ok: true, id: expect.any(String) })
    const gatherings = await db.gathering.findMany({ where: { programmeId: (result as { id: string }).id }, orderBy: { order: 'asc' } })
    expect(gatherings).toHaveLength(12)
    expect(gatherings.reduce((s, g) => s + g.durationMinutes, 0)).toBe(44 * 60)
    // January is UTC+1, June UTC+2: the wall-clock start is what the coordinator typed.
    expect(osloParts(gatherings[0].startsAt)).toEqual({ date: '2027-01-14', time: '09:00' })
    expect(gatherings[0].startsAt.toISOString()).toBe('2027-01-14T08:00:00.000Z')
    expect(gatherings[5].startsAt.toISOString().slice(11, 16)).toBe('10:00')
    const programme = await db.programme.findFirstOrThrow()
    expect(programme.requiredMinutes).toBe(44 * 60)
  })

  it('refuses bad dates with the field they concern, and writes nothing', async () => {
    const { actor, audience, input } = await setup()
    const sessions = input.sessions.map((s) => ({ ...s }))
    sessions[0].end = '08:00'
    sessions[2] = { ...sessions[1], start: '13:00', end: '16:00' }
    sessions[11].date = '2028-01-05'
    const result = await createProgramme(actor, audience, { ...input, sessions }, 'nb')
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'sessions[0].end': ['schedule.endBeforeStart'],
        'sessions[11].date': ['schedule.outsidePeriod'],
        'sessions[2].start': ['schedule.overlap'],
      },
    })
    expect(await db.programme.count()).toBe(0)
    expect(await db.gathering.count()).toBe(0)
  })
})

describe('enrolment', () => {
  it('imports from CSV with a preview, all or nothing, inviting new people', async () => {
    const { m, actor, audience, input } = await setup()
    await makeUnit(m.id, 'Bergheim hjemmetjeneste')
    const { id } = (await createProgramme(actor, audience, input, 'nb')) as { id: string }
    const existing = await makeUser({ municipalityId: m.id, roles: ['mentor'], email: 'kari@example.no', name: 'Kari' })
    const bad = '\uFEFFnavn,e-post,enhet\nKari,kari@example.no,Bergheim hjemmetjeneste\nOla,ola@example,Bergheim hjemmetjeneste\nPer,per@example.no,Ukjent enhet\n'
    const preview = await previewEnrolment(m.id, id, bad)
    expect(preview.valid).toBe(false)
    expect(preview.rows.map((r) => [r.line, r.status, r.errors])).toEqual([
      [2, 'existing', []],
      [3, 'new', ['import.emailInvalid']],
      [4, 'new', ['import.unitUnknown']],
    ])
    expect((await runEnrolment(actor, m, id, bad, '2027-01-14')).ok).toBe(false)
    expect(await db.enrolment.count()).toBe(0)

    const fixed = bad.replace('ola@example,', 'ola@example.no,').replace('Ukjent enhet', '')
    expect(await runEnrolment(actor, m, id, fixed, '2027-01-14')).toEqual({ ok: true, count: 3 })
    expect((await listEnrolments(id)).map((e) => e.name)).toEqual(['Kari', 'Ola', 'Per'])
    expect(await db.outboxMessage.count({ where: { kind: 'invite' } })).toBe(2)
    // Kari was a mentor here already: nothing changed, so no "new access" mail.
    expect(await db.outboxMessage.count({ where: { toAddress: existing.email } })).toBe(0)
    // The same file again: everyone is already enrolled.
    const again = (await previewEnrolment(m.id, id, fixed)).rows
    expect(again).toHaveLength(3)
    expect(again.map((r) => r.errors.includes('enrol.alreadyEnrolled'))).toEqual([true, true, true])
  })

  it('keeps leavers in the history and enrols someone from another municipality (regional programme)', async () => {
    const { m, actor, audience, input } = await setup()
    const { id } = (await createProgramme(actor, audience, input, 'nb')) as { id: string }
    const other = await makeMunicipality('Malvik')
    const regional = await makeUser({ municipalityId: other.id, roles: ['mentor'], email: 'regional@example.no' })
    await enrolOne(actor, m, id, { name: 'Regional', email: 'regional@example.no', unitId: null, joinedOn: '2027-08-19' })
    // An account elsewhere is invited; it joins the run when it accepts.
    expect(await db.membership.count({ where: { userId: regional.id, municipalityId: m.id } })).toBe(0)
    expect(await listEnrolments(id)).toEqual([])
    const [invitation] = await listMyInvitations(regional.id)
    await acceptInvitation(regional.id, invitation.id)
    expect(await db.membership.count({ where: { userId: regional.id, municipalityId: m.id, role: 'mentor' } })).toBe(1)
    const [enrolment] = await listEnrolments(id)
    expect(await leaveProgramme(actor, id, enrolment.id, '2027-03-01', 'Ny jobb')).toBe('enrol.leftBeforeJoined')
    expect(await leaveProgramme(actor, id, enrolment.id, '2027-10-01', 'Ny jobb')).toBe('ok')
    expect((await listEnrolments(id))[0]).toMatchObject({ leftReason: 'Ny jobb' })
  })

  it('enrolling a mentor of the municipality keeps their unit and sends no mail (issue 8, item 7)', async () => {
    const { m, actor, audience, input } = await setup()
    const { id } = (await createProgramme(actor, audience, input, 'nb')) as { id: string }
    const unit = await makeUnit(m.id, 'Lade')
    const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unit.id, email: 'kari@example.no' })
    const other = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unit.id, email: 'ola@example.no' })
    await enrolOne(actor, m, id, { name: 'Kari', email: mentor.email, unitId: null, joinedOn: '2027-01-14' })
    expect(await runEnrolment(actor, m, id, 'navn,e-post\nOla,ola@example.no\n', '2027-01-14')).toEqual({ ok: true, count: 1 })
    expect((await db.membership.findMany({ where: { userId: { in: [mentor.id, other.id] } } })).map((x) => x.unitId)).toEqual([unit.id, unit.id])
    expect(await db.outboxMessage.count()).toBe(0)
    expect(await db.enrolment.count({ where: { userId: { in: [mentor.id, other.id] } } })).toBe(2)
  })
})

describe('preparation and access', () => {
  it('keeps answers private unless shared, and keeps other municipalities out', async () => {
    const { m, coordinator, actor, audience, input } = await setup()
    const { id } = (await createProgramme(actor, audience, input, 'nb')) as { id: string }
    const a = await makeUser({ municipalityId: m.id, roles: ['mentor'], email: 'a@example.no', name: 'Anne' })
    const b = await makeUser({ municipalityId: m.id, roles: ['mentor'], email: 'b@example.no', name: 'Bjørn' })
    for (const u of [a, b]) await db.enrolment.create({ data: { programmeId: id, userId: u.id, joinedOn: new Date('2027-01-01') } })
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId: id, order: 3 } })
    await savePreparation({ userId: a.id }, { id: g.id, programmeId: id, municipalityId: m.id }, ['Min fortelling', '', 'Innspill'], false)
    await savePreparation({ userId: b.id }, { id: g.id, programmeId: id, municipalityId: m.id }, ['Delt svar'], true)
    expect(await getPreparation(g.id, a.id)).toMatchObject({ answers: ['Min fortelling', '', 'Innspill'], shared: false })

    const { audience: coordinatorAudience } = await viewerFor(coordinator.id, m.id)
    const overview = await preparationOverview(coordinatorAudience, id, g)
    expect(overview.map((r) => [r.name, r.prepared, r.answers])).toEqual([
      ['Anne', true, null],
      ['Bjørn', true, ['Delt svar']],
    ])

    const farsund = await makeMunicipality('Farsund')
    const stranger = await makeUser({ municipalityId: farsund.id, roles: ['coordinator'] })
    const { viewer } = await viewerFor(stranger.id, farsund.id)
    expect(await programmeAccess(viewer, id)).toBeNull()
    const { viewer: mentorViewer } = await viewerFor(a.id, m.id)
    expect(await programmeAccess(mentorViewer, id)).toEqual({ access: 'participant', municipalityId: m.id })
  })
})
