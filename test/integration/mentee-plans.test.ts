import { beforeEach, describe, expect, it } from 'vitest'
import { countQueries, db, Prisma } from '~/db.server.ts'
import { getViewer, startSession } from '~/modules/auth/index.ts'
import { adherenceTable, applyPlanAction, copyTemplate, createPlan, getTemplateCopy, myPlans, overdueItems, planAccess, planAdherence, planCalendarItems, planView, runWeeklyDigest, updateTemplateCopy, addDays, osloToday } from '~/modules/mentee-plans/index.ts'
import { createPlanSchema, holdItemSchema } from '~/modules/mentee-plans/schemas.ts'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function viewerOf(userId: string, municipalityId: string) {
  const cookie = cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
  return runWithRequestStore(async () => (await getViewer(getRequest('/', cookie)))!)
}

async function setup() {
  const m = await makeMunicipality('Trondheim')
  const unitA = await makeUnit(m.id, 'Bergheim hjemmetjeneste', 'home_care')
  const unitB = await makeUnit(m.id, 'Ilsvika helse- og velferdssenter', 'hvs')
  const leaderA = await makeUser({ municipalityId: m.id, roles: ['department_leader'], unitId: unitA.id })
  const leaderB = await makeUser({ municipalityId: m.id, roles: ['department_leader'], unitId: unitB.id })
  const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unitA.id })
  const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const other = await makeMunicipality('Farsund')
  const otherUnit = await makeUnit(other.id, 'Farsund omsorgssenter', 'hvs')
  const otherMentor = await makeUser({ municipalityId: other.id, roles: ['mentor'], unitId: otherUnit.id })
  const otherLeader = await makeUser({ municipalityId: other.id, roles: ['department_leader', 'coordinator'], unitId: otherUnit.id })
  return { m, unitA, unitB, leaderA, leaderB, mentor, coordinator, other, otherUnit, otherMentor, otherLeader }
}

const START = addDays(osloToday(), -7 * 9) // today falls in plan week 10

async function createFor(s: Awaited<ReturnType<typeof setup>>, extra: Partial<Record<string, string>> = {}) {
  const viewer = await viewerOf(s.leaderA.id, s.m.id)
  const input = createPlanSchema.parse({
    menteeName: 'Emma Brekke',
    menteeEmail: 'emma@example.no',
    unitId: s.unitA.id,
    serviceType: 'home_care',
    template: 'content:trondheim',
    startDate: START,
    mentorId: s.mentor.id,
    leaderId: s.leaderA.id,
    ...extra,
  })
  return createPlan(viewer, input, 'nb')
}

describe('creating a plan', () => {
  it('generates every item and invites the mentee with the mentee role', async () => {
    const s = await setup()
    const result = await createFor(s)
    expect(result.ok).toBe(true)
    const plan = await db.menteePlan.findFirstOrThrow({ include: { items: true } })
    expect(plan.items.filter((i) => i.kind === 'conversation')).toHaveLength(19)
    expect(plan.items.filter((i) => i.kind === 'training_shift' && i.withMentor)).toHaveLength(3)
    expect(plan.items.filter((i) => i.kind === 'probation_talk')).toHaveLength(3)
    const mentee = await db.user.findUniqueOrThrow({ where: { email: 'emma@example.no' }, include: { memberships: true } })
    expect(plan.menteeUserId).toBe(mentee.id)
    expect(mentee.memberships.map((x) => [x.role, x.municipalityId, x.unitId])).toEqual([['mentee', s.m.id, s.unitA.id]])
    expect(await db.outboxMessage.count({ where: { toAddress: 'emma@example.no', kind: 'invite' } })).toBe(1)
  })

  it('works without a mentee account and invites a new mentor by e-mail', async () => {
    const s = await setup()
    const result = await createFor(s, { menteeEmail: undefined, mentorId: undefined, mentorEmail: 'ny.mentor@example.no', mentorName: 'Ny Mentor' })
    expect(result.ok).toBe(true)
    const plan = await db.menteePlan.findFirstOrThrow({ include: { mentor: { include: { memberships: true } } } })
    expect(plan.menteeUserId).toBeNull()
    expect(plan.mentor.email).toBe('ny.mentor@example.no')
    expect(plan.mentor.memberships.map((x) => x.role)).toEqual(['mentor'])
  })

  it('never attaches a person, unit or template of another municipality, and writes nothing', async () => {
    const s = await setup()
    const before = await db.membership.count()
    expect(await createFor(s, { mentorId: s.otherMentor.id })).toEqual({ ok: false, fieldErrors: { mentorId: ['plans.unknownPerson'] } })
    expect(await createFor(s, { leaderId: s.otherLeader.id })).toEqual({ ok: false, fieldErrors: { leaderId: ['plans.unknownPerson'] } })
    expect(await createFor(s, { unitId: s.otherUnit.id })).toEqual({ ok: false, fieldErrors: { unitId: ['plans.unknownUnit'] } })
    const foreignCopy = await copyTemplate(await viewerOf(s.otherLeader.id, s.other.id), 'content:farsund', 'Farsund lokal')
    expect(await createFor(s, { template: `copy:${(foreignCopy as { id: string }).id}` })).toEqual({ ok: false, fieldErrors: { template: ['plans.unknownTemplate'] } })
    expect(await db.menteePlan.count()).toBe(0)
    expect(await db.membership.count()).toBe(before)
  })

  it('a leader of another unit cannot create a plan for this unit', async () => {
    const s = await setup()
    const viewer = await viewerOf(s.leaderB.id, s.m.id)
    const input = createPlanSchema.parse({ menteeName: 'X', unitId: s.unitA.id, serviceType: 'home_care', template: 'content:trondheim', startDate: START, mentorId: s.mentor.id, leaderId: s.leaderB.id })
    expect(await createPlan(viewer, input, 'nb')).toEqual({ ok: false, fieldErrors: { unitId: ['plans.unknownUnit'] } })
  })
})

describe('logging and seeing a plan', () => {
  it('the mentor logs three conversations and moves one; the leader sees the adherence; SQL and the pure rule agree', async () => {
    const s = await setup()
    const { id } = (await createFor(s)) as { id: string }
    const mentorViewer = await viewerOf(s.mentor.id, s.m.id)
    const items = await db.planItem.findMany({ where: { planId: id, kind: 'conversation' }, orderBy: { seq: 'asc' } })
    for (const item of items.slice(0, 3)) {
      expect(await applyPlanAction(mentorViewer, id, { intent: 'hold', itemId: item.id, heldDate: item.plannedDate, minutesUsed: 45, note: 'kort, travel vakt' })).toEqual({ ok: true })
    }
    expect(await applyPlanAction(mentorViewer, id, { intent: 'move', itemId: items[3].id, plannedDate: addDays(osloToday(), 2), reason: 'sykefravær' })).toEqual({ ok: true })
    // The mentor may not mark the leader's probation talk.
    const talk = await db.planItem.findFirstOrThrow({ where: { planId: id, kind: 'probation_talk' } })
    expect(await applyPlanAction(mentorViewer, id, { intent: 'hold', itemId: talk.id, heldDate: talk.plannedDate })).toEqual({ ok: false, status: 404 })
    const leaderViewer = await viewerOf(s.leaderA.id, s.m.id)
    expect(await applyPlanAction(leaderViewer, id, { intent: 'hold', itemId: talk.id, heldDate: talk.plannedDate })).toEqual({ ok: true })

    const table = await adherenceTable(leaderViewer)
    const all = await db.planItem.findMany({ where: { planId: id } })
    const pure = planAdherence(all, osloToday())
    expect(table.rows).toHaveLength(1)
    expect(table.rows[0]).toMatchObject({ planned: pure.plannedSoFar, held: 3, overdue: pure.overdue.length, nextDue: pure.nextDue?.plannedDate })
    // weeks 3, 4, 5, 6, 8, 10 are due by week 10; week 6 moved to after today
    expect(pure.plannedSoFar).toBe(5)
    expect(table.summary).toEqual({ total: 1, below: 1, share: 1 })
    const moved = await db.planItem.findUniqueOrThrow({ where: { id: items[3].id } })
    expect(moved).toMatchObject({ originalDate: items[3].plannedDate, movedReason: 'sykefravær' })

    const mine = await myPlans(mentorViewer)
    expect(mine).toMatchObject([{ id, asMentor: true, held: 3 }])
    const view = await planView(mentorViewer, id, 'en')
    expect(view!.prompts.length).toBeGreaterThan(0)
  })

  it('the mentee sees the plan; leaders of another unit and other municipalities see nothing (404)', async () => {
    const s = await setup()
    const { id } = (await createFor(s)) as { id: string }
    const mentee = await db.user.findUniqueOrThrow({ where: { email: 'emma@example.no' } })
    const menteeViewer = await viewerOf(mentee.id, s.m.id)
    expect([...(await planAccess(menteeViewer, id))!.roles]).toEqual(['mentee'])
    expect(await myPlans(menteeViewer)).toMatchObject([{ id, asMentor: false }])
    // The mentee cannot log items.
    const item = await db.planItem.findFirstOrThrow({ where: { planId: id, kind: 'conversation' } })
    expect(await applyPlanAction(menteeViewer, id, { intent: 'hold', itemId: item.id, heldDate: item.plannedDate })).toEqual({ ok: false, status: 404 })

    const leaderB = await viewerOf(s.leaderB.id, s.m.id)
    expect(await planAccess(leaderB, id)).toBeNull()
    expect((await adherenceTable(leaderB)).rows).toEqual([])
    expect(await overdueItems(leaderB)).toEqual([])
    expect(await applyPlanAction(leaderB, id, { intent: 'end', endedOn: osloToday(), reason: 'x' })).toEqual({ ok: false, status: 404 })

    const coordinator = await viewerOf(s.coordinator.id, s.m.id)
    expect((await adherenceTable(coordinator)).rows).toHaveLength(1)

    const foreign = await viewerOf(s.otherLeader.id, s.other.id)
    expect(await planAccess(foreign, id)).toBeNull()
    expect(await planView(foreign, id, 'nb')).toBeNull()
    expect((await adherenceTable(foreign)).rows).toEqual([])
    expect(await overdueItems(foreign)).toEqual([])
    expect(await applyPlanAction(foreign, id, { intent: 'hold', itemId: item.id, heldDate: item.plannedDate })).toEqual({ ok: false, status: 404 })
    expect(await applyPlanAction(foreign, id, { intent: 'tick', itemKey: 'fire-routines', ticked: '1' })).toEqual({ ok: false, status: 404 })
  })

  it('checklist ticks record who and when; an ended plan stops counting as overdue', async () => {
    const s = await setup()
    const { id } = (await createFor(s)) as { id: string }
    const mentorViewer = await viewerOf(s.mentor.id, s.m.id)
    expect(await applyPlanAction(mentorViewer, id, { intent: 'tick', itemKey: 'fire-routines', ticked: '1' })).toEqual({ ok: true })
    expect(await applyPlanAction(mentorViewer, id, { intent: 'tick', itemKey: 'doctors-round', ticked: '1' })).toEqual({ ok: false, status: 404 }) // HVS only
    const tick = await db.checklistTick.findFirstOrThrow({ where: { planId: id } })
    expect(tick.tickedById).toBe(s.mentor.id)

    const leader = await viewerOf(s.leaderA.id, s.m.id)
    expect((await adherenceTable(leader)).rows[0].overdue).toBeGreaterThan(0)
    expect(await applyPlanAction(mentorViewer, id, { intent: 'end', endedOn: osloToday(), reason: 'sluttet' })).toEqual({ ok: false, status: 404 })
    expect(await applyPlanAction(leader, id, { intent: 'end', endedOn: osloToday(), reason: 'sluttet' })).toEqual({ ok: true })
    expect((await adherenceTable(leader)).rows[0]).toMatchObject({ overdue: 0, nextDue: null, endedOn: osloToday() })
    expect(await overdueItems(leader)).toEqual([])
    expect(await planCalendarItems(s.mentor.id)).toEqual([])
  })
})

describe('no conversation content anywhere', () => {
  it('the plan tables have only the listed columns, and the log form only a short logistics note', () => {
    expect(Object.keys(Prisma.PlanItemScalarFieldEnum).sort()).toEqual(
      ['id', 'planId', 'kind', 'seq', 'key', 'plannedDate', 'originalDate', 'expectedMinutes', 'withMentor', 'movedReason', 'heldDate', 'minutesUsed', 'note', 'heldById', 'updatedAt'].sort(),
    )
    expect(Object.keys(Prisma.MenteePlanScalarFieldEnum).sort()).toEqual(
      ['id', 'municipalityId', 'unitId', 'menteeName', 'menteeUserId', 'mentorId', 'leaderId', 'serviceType', 'templateSlug', 'planTemplateId', 'startDate', 'endedOn', 'endReason', 'endedById', 'createdById', 'createdAt', 'updatedAt'].sort(),
    )
    const forbidden = /content|summary|topic|discussion|said|body|text|minutes?Text|transcript|referat/i
    for (const model of [Prisma.PlanItemScalarFieldEnum, Prisma.MenteePlanScalarFieldEnum, Prisma.ChecklistTickScalarFieldEnum]) {
      for (const field of Object.keys(model)) expect(field).not.toMatch(forbidden)
    }
    expect(Object.keys(holdItemSchema.shape).sort()).toEqual(['heldDate', 'intent', 'itemId', 'minutesUsed', 'note'])
    expect(holdItemSchema.safeParse({ intent: 'hold', itemId: 'x', heldDate: '2026-01-01', note: 'x'.repeat(121) }).success).toBe(false)
  })
})

describe('reminders', () => {
  it('the weekly digest mails the mentor and the leader once a week; the ICS feed leaves the leader’s talks out for the mentor', async () => {
    const s = await setup()
    await createFor(s)
    expect(await runWeeklyDigest()).toEqual({ sent: 2 })
    expect(await runWeeklyDigest()).toEqual({ sent: 0 })
    const mails = await db.outboxMessage.findMany({ where: { kind: { startsWith: 'plan-digest:' } } })
    expect(mails.map((m) => m.toAddress).sort()).toEqual([s.mentor.email, s.leaderA.email].sort())
    expect(mails[0].textBody).toContain('Emma Brekke')
    const mentorItems = await planCalendarItems(s.mentor.id)
    const leaderItems = await planCalendarItems(s.leaderA.id)
    expect(mentorItems.some((i) => i.kind === 'probation_talk')).toBe(false)
    expect(leaderItems.some((i) => i.kind === 'probation_talk')).toBe(true)
  })
})

describe('municipal template copies', () => {
  it('copies, adjusts and uses a copy; another municipality cannot read it', async () => {
    const s = await setup()
    const coordinator = await viewerOf(s.coordinator.id, s.m.id)
    const copy = (await copyTemplate(coordinator, 'content:trondheim', 'Trondheim lokal')) as { ok: true; id: string }
    expect(await updateTemplateCopy(coordinator, copy.id, { name: 'Trondheim lokal', conversations: [{ weeks: [2, 4, 6], minutes: 30 }], shiftCount: 12, withMentor: ['start', 'end'] })).toBe(true)
    expect(await getTemplateCopy(s.other.id, copy.id)).toBeNull()
    expect(await updateTemplateCopy(await viewerOf(s.otherLeader.id, s.other.id), copy.id, { name: 'x', conversations: [{ weeks: [1], minutes: 30 }], shiftCount: 1, withMentor: [] })).toBe(false)
    const result = (await createFor(s, { template: `copy:${copy.id}` })) as { id: string }
    const items = await db.planItem.findMany({ where: { planId: result.id } })
    expect(items.filter((i) => i.kind === 'conversation')).toHaveLength(3)
    expect(items.filter((i) => i.kind === 'training_shift')).toHaveLength(12)
    expect(items.filter((i) => i.kind === 'training_shift' && i.withMentor).map((i) => i.seq)).toEqual([1, 12])
  })
})

describe('query count', () => {
  it('the adherence table takes three queries however many plans there are, then one (table and overdue list together) until a plan changes', async () => {
    const s = await setup()
    for (let i = 0; i < 5; i++) await createFor(s, { menteeName: `Mentee ${i}`, menteeEmail: undefined })
    const leader = await viewerOf(s.leaderA.id, s.m.id)
    const first = await countQueries(() => adherenceTable(leader))
    expect(first.result.rows).toHaveLength(5)
    expect(first.queries).toBe(3)
    const second = await countQueries(() => Promise.all([adherenceTable(leader), overdueItems(leader)]))
    expect(second.queries).toBe(1)
    // A held conversation shows at once.
    const mentor = await viewerOf(s.mentor.id, s.m.id)
    const plan = await db.menteePlan.findFirstOrThrow({ where: { menteeName: 'Mentee 0' }, include: { items: { where: { kind: 'conversation' }, orderBy: { seq: 'asc' }, take: 1 } } })
    await applyPlanAction(mentor, plan.id, { intent: 'hold', itemId: plan.items[0].id, heldDate: plan.items[0].plannedDate })
    const after = await adherenceTable(leader)
    expect(after.rows.find((r) => r.planId === plan.id)!.held).toBe(1)
  })
})
