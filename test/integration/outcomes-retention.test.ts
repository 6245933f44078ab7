import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { getViewer } from '~/modules/auth/index.ts'
import { osloToday } from '~/modules/mentee-plans/index.ts'
import { costView } from '~/modules/outcomes/cost.server.ts'
import { computeNationalFigures, invalidateNationalFigures, nationalFigures } from '~/modules/outcomes/national.server.ts'
import { addMonthsIso } from '~/modules/outcomes/retention.ts'
import { retentionView, turnoverView } from '~/modules/outcomes/retention.server.ts'
import { action as costAction, loader as costLoader } from '~/routes/outcomes.cost.tsx'
import { action as leaversAction, loader as leaversLoader } from '~/routes/outcomes.leavers.tsx'
import { loader as retentionLoader } from '~/routes/outcomes.retention.tsx'
import { action as settingsAction } from '~/routes/outcomes.settings.tsx'
import { loader as nationalLoader } from '~/routes/outcomes.national.tsx'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { formRequest, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(async () => {
  await resetDb()
  invalidateNationalFigures()
})

const today = osloToday()
const ago = (months: number) => addMonthsIso(today, -months)

async function setup() {
  const m = await makeMunicipality('Trondheim')
  const unitA = await makeUnit(m.id, 'Bergheim hjemmetjeneste', 'home_care')
  const unitB = await makeUnit(m.id, 'Ilsvika helse- og velferdssenter', 'hvs')
  const leaderA = await makeUser({ municipalityId: m.id, roles: ['department_leader'], unitId: unitA.id })
  const leaderB = await makeUser({ municipalityId: m.id, roles: ['department_leader'], unitId: unitB.id })
  const lead = await makeUser({ municipalityId: m.id, roles: ['programme_lead'] })
  const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
  const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unitA.id })
  const other = await makeMunicipality('Farsund')
  const otherUnit = await makeUnit(other.id, 'Farsund omsorgssenter', 'hvs')
  const otherLead = await makeUser({ municipalityId: other.id, roles: ['programme_lead', 'department_leader'], unitId: otherUnit.id })
  const otherAdmin = await makeUser({ municipalityId: other.id, roles: ['municipality_admin'] })
  const editor = await makeUser({ platformRoles: ['national_editor'] })
  return { m, unitA, unitB, leaderA, leaderB, lead, admin, mentor, other, otherUnit, otherLead, otherAdmin, editor }
}

async function viewerOf(userId: string, municipalityId: string | null) {
  const cookie = await signIn(userId, municipalityId)
  return runWithRequestStore(async () => (await getViewer(getRequest('/', cookie)))!)
}

async function makePlan(municipalityId: string, unitId: string, leaderId: string, mentorId: string, startDate: string, menteeName = 'Emma Brekke') {
  return db.menteePlan.create({ data: { municipalityId, unitId, menteeName, mentorId, leaderId, serviceType: 'home_care', templateSlug: 'trondheim', startDate, createdById: leaderId } })
}

const post = async (cookie: string, fields: Record<string, string>) => callRoute(leaversAction as never, formRequest('/outcomes/leavers', fields, { cookie }))

describe('recording leavers', () => {
  it('a leader records a leaver of their unit: a category, no name, and retention counts it', async () => {
    const s = await setup()
    const cookie = await signIn(s.leaderA.id, s.m.id)
    const res = await post(cookie, { intent: 'record', unitId: s.unitA.id, startedOn: ago(10), leftOn: ago(2), leftReason: 'other_job' })
    expect(res.status).toBe(302)
    const rows = await db.employment.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ municipalityId: s.m.id, unitId: s.unitA.id, leftReason: 'other_job', hadMentor: false, recordedById: s.leaderA.id })
    // The table has no column for names, health or free text.
    expect(Object.keys(rows[0]).sort()).toEqual(['createdAt', 'hadMentor', 'id', 'leftOn', 'leftReason', 'menteePlanId', 'municipalityId', 'recordedById', 'startedOn', 'unitId', 'updatedAt'])
    const view = await retentionView(await viewerOf(s.leaderA.id, s.m.id), {})
    expect(view.total.groups.all[6]).toEqual({ eligible: 1, retained: 1, inFollowUp: 0, share: 1 })
    expect(view.total.groups.all[12]).toEqual({ eligible: 1, retained: 0, inFollowUp: 0, share: 0 })
  })

  it('bad input gives 400 with the values kept, never 500', async () => {
    const s = await setup()
    const cookie = await signIn(s.leaderA.id, s.m.id)
    const noReason = await post(cookie, { intent: 'record', unitId: s.unitA.id, startedOn: ago(10), leftOn: ago(2) })
    expect(noReason.status).toBe(400)
    const body = (await noReason.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    expect(body.result.error.leftReason).toEqual(['outcomes.leavers.reasonRequired'])
    expect(body.result.initialValue.startedOn).toBe(ago(10))
    expect((await post(cookie, { intent: 'record', unitId: s.unitA.id, startedOn: ago(2), leftOn: ago(5), leftReason: 'moved' })).status).toBe(400)
    expect((await post(cookie, { intent: 'record', unitId: s.unitA.id, startedOn: 'yesterday' })).status).toBe(400)
    expect((await post(cookie, { intent: 'record', unitId: s.unitA.id, startedOn: ago(2), leftOn: addMonthsIso(today, 2), leftReason: 'moved' })).status).toBe(400)
    expect((await post(cookie, { intent: 'nonsense' })).status).toBe(400)
    expect(await db.employment.count()).toBe(0)
  })

  it('a mentee plan gives the start date and the mentor, and is recorded once', async () => {
    const s = await setup()
    const plan = await makePlan(s.m.id, s.unitA.id, s.leaderA.id, s.mentor.id, ago(8))
    const cookie = await signIn(s.leaderA.id, s.m.id)
    expect((await post(cookie, { intent: 'record', unitId: s.unitA.id, menteePlanId: plan.id })).status).toBe(302)
    expect((await post(cookie, { intent: 'record', unitId: s.unitA.id, menteePlanId: plan.id, leftOn: ago(1), leftReason: 'moved' })).status).toBe(302)
    const rows = await db.employment.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ menteePlanId: plan.id, startedOn: ago(8), hadMentor: true, leftOn: ago(1), leftReason: 'moved' })
    const view = await retentionView(await viewerOf(s.lead.id, s.m.id), {})
    expect(view.total.groups.mentored[6]).toMatchObject({ eligible: 1, retained: 1 })
  })

  it('another municipality, or another unit, cannot record on or delete what it cannot see (404)', async () => {
    const s = await setup()
    const plan = await makePlan(s.m.id, s.unitA.id, s.leaderA.id, s.mentor.id, ago(8))
    const own = await signIn(s.leaderA.id, s.m.id)
    await post(own, { intent: 'record', unitId: s.unitA.id, startedOn: ago(10), leftOn: ago(2), leftReason: 'other_job' })
    const record = (await db.employment.findFirstOrThrow()).id

    const farsund = await signIn(s.otherLead.id, s.other.id)
    expect((await post(farsund, { intent: 'record', unitId: s.unitA.id, startedOn: ago(3) })).status).toBe(404)
    expect((await post(farsund, { intent: 'record', unitId: s.otherUnit.id, menteePlanId: plan.id })).status).toBe(404)
    expect((await post(farsund, { intent: 'delete', employmentId: record })).status).toBe(404)
    const ilsvika = await signIn(s.leaderB.id, s.m.id)
    expect((await post(ilsvika, { intent: 'delete', employmentId: record })).status).toBe(404)
    expect((await post(ilsvika, { intent: 'record', unitId: s.unitA.id, startedOn: ago(3) })).status).toBe(404)
    const mentor = await signIn(s.mentor.id, s.m.id)
    expect((await post(mentor, { intent: 'record', unitId: s.unitA.id, startedOn: ago(3) })).status).toBe(403)
    expect(await db.employment.count()).toBe(1)

    // Nothing of Trondheim's reaches Farsund's pages.
    const list = await callRoute(leaversLoader as never, getRequest('/outcomes/leavers', farsund))
    const text = await list.text()
    expect(text).not.toContain(s.unitA.id)
    expect(text).not.toContain('Emma Brekke')
    const retention = await callRoute(retentionLoader as never, getRequest('/outcomes/retention', farsund))
    expect(((await retention.json()) as { retention: { total: { starters: number } } }).retention.total.starters).toBe(0)
    const b = await retentionView(await viewerOf(s.leaderB.id, s.m.id), {})
    expect(b.total.starters).toBe(0)

    expect((await post(own, { intent: 'delete', employmentId: record })).status).toBe(302)
    expect(await db.employment.count()).toBe(0)
  })

  it('turnover for the whole municipality scales to its units; a unit leader sees only their unit', async () => {
    const s = await setup()
    const year = Number(today.slice(0, 4)) - 1
    const data = [
      { unitId: s.unitA.id, startedOn: `${year}-01-02`, leftOn: `${year}-04-01`, leftReason: 'moved' },
      { unitId: s.unitA.id, startedOn: `${year - 3}-01-02`, leftOn: `${year}-04-01`, leftReason: 'retirement' },
      { unitId: s.unitB.id, startedOn: `${year - 1}-10-01`, leftOn: `${year}-06-01`, leftReason: 'other_job' },
    ]
    await db.employment.createMany({ data: data.map((d) => ({ ...d, municipalityId: s.m.id, recordedById: s.lead.id })) })
    await db.outcomeSettings.create({ data: { municipalityId: s.m.id, unitsForEstimate: 20 } })
    const whole = await turnoverView(await viewerOf(s.lead.id, s.m.id), year)
    expect(whole.total.total).toBe(2)
    expect(whole.total.retirements).toBe(1)
    expect(whole.estimate).toBe(20)
    const a = await turnoverView(await viewerOf(s.leaderA.id, s.m.id), year)
    expect(a.rows.map((r) => r.unitId)).toEqual([s.unitA.id])
    expect(a.estimate).toBeNull()
    const farsund = await turnoverView(await viewerOf(s.otherLead.id, s.other.id), year)
    expect(farsund.total.total).toBe(0)
  })
})

describe('cost model', () => {
  it('defaults to appendix 4, a dated model replaces it from its date, and only the own municipality is affected', async () => {
    const s = await setup()
    const year = Number(today.slice(0, 4))
    const before = await costView(await viewerOf(s.lead.id, s.m.id), { year, serviceType: 'home_care' })
    expect(before.hires.home_care.totalOre).toEqual({ without: 37_055_25, with: 51_423_62 })
    expect(before.hires.hvs.totalOre).toEqual({ without: 40_342_08, with: 55_984_92 })
    const cookie = await signIn(s.lead.id, s.m.id)
    const fields = { serviceType: 'home_care', validFrom: `${year}-01-01`, annualCost: '923000', annualHours: '1846', trainingShifts: '10', shiftHours: '7', advertHours: '1', interviewsHours: '12', referencesHours: '1', preparationHours: '1', probationHours: '6', basicDayHours: '7', conversations: '19', conversationHours: '1', conversationPersons: '2', mentorAllowance: '15000' }
    expect((await callRoute(costAction as never, formRequest('/outcomes/cost', { ...fields, annualCost: 'lots' }, { cookie }))).status).toBe(400)
    expect((await callRoute(costAction as never, formRequest('/outcomes/cost', fields, { cookie }))).status).toBe(302)
    const after = await costView(await viewerOf(s.lead.id, s.m.id), { year, serviceType: 'home_care' })
    expect(after.hires.home_care.hourlyOre).toBe(500_00)
    expect(after.hires.home_care.totalOre.without).toBe(98 * 500_00)
    const last = await costView(await viewerOf(s.lead.id, s.m.id), { year: year - 1, serviceType: 'home_care' })
    expect(last.hires.home_care.totalOre.without).toBe(37_055_25)
    const farsund = await costView(await viewerOf(s.otherLead.id, s.other.id), { year, serviceType: 'home_care' })
    expect(farsund.hires.home_care.totalOre.without).toBe(37_055_25)
    const leader = await signIn(s.leaderA.id, s.m.id)
    expect((await callRoute(costAction as never, formRequest('/outcomes/cost', fields, { cookie: leader }))).status).toBe(403)
    expect((await callRoute(costLoader as never, getRequest('/outcomes/cost', leader))).status).toBe(403)
  })

  it('prices the year: mentors of the runs, mentored hires and leavers', async () => {
    const s = await setup()
    const year = Number(today.slice(0, 4)) - 1
    const programme = await db.programme.create({ data: { municipalityId: s.m.id, name: 'P', year, coordinatorId: s.lead.id, requiredMinutes: 44 * 60, startsOn: new Date(`${year}-01-10`), endsOn: new Date(`${year}-12-06`) } })
    await db.enrolment.create({ data: { programmeId: programme.id, userId: s.mentor.id, joinedOn: new Date(`${year}-01-10`) } })
    await makePlan(s.m.id, s.unitA.id, s.leaderA.id, s.mentor.id, `${year}-03-01`)
    await db.employment.create({ data: { municipalityId: s.m.id, unitId: s.unitB.id, startedOn: `${year}-01-01`, leftOn: `${year}-05-01`, leftReason: 'moved', recordedById: s.lead.id } })
    const v = await costView(await viewerOf(s.lead.id, s.m.id), { year, serviceType: 'home_care' })
    expect(v.input).toEqual({ mentors: 1, mentorGatheringMinutes: 44 * 60, mentoredHires: 1, leavers: 1 })
    expect(v.scheme.allowanceOre).toBe(15_000_00)
    expect(v.scheme.leaversOre).toBe(37_055_25)
  })
})

describe('national figures', () => {
  it('only municipalities that opted in, small ones suppressed, for the national editor only', async () => {
    const s = await setup()
    // Trondheim: 6 starters followed 12 months, 5 stayed. Farsund: 2.
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ municipalityId: s.m.id, unitId: s.unitA.id, startedOn: ago(14 + i), leftOn: i === 0 ? ago(6) : null, leftReason: i === 0 ? 'moved' : null })),
      ...Array.from({ length: 2 }, (_, i) => ({ municipalityId: s.other.id, unitId: s.otherUnit.id, startedOn: ago(14 + i), leftOn: null, leftReason: null })),
    ]
    await db.employment.createMany({ data: rows.map((r) => ({ ...r, recordedById: s.lead.id })) })

    expect((await computeNationalFigures()).table.rows).toEqual([])
    const admin = await signIn(s.admin.id, s.m.id)
    expect((await callRoute(settingsAction as never, formRequest('/outcomes/settings', { nationalOptIn: 'on' }, { cookie: admin }))).status).toBe(302)
    let figures = await nationalFigures()
    expect(figures.table.rows.map((r) => r.name)).toEqual(['Trondheim'])
    // A municipality alone: its 6 people can be shown, the total too.
    expect(figures.table.rows[0].retention12).toMatchObject({ value: 5 / 6, n: 6, hidden: false })

    const farsundAdmin = await signIn(s.otherAdmin.id, s.other.id)
    expect((await callRoute(settingsAction as never, formRequest('/outcomes/settings', { nationalOptIn: 'on', unitsForEstimate: 'x' }, { cookie: farsundAdmin }))).status).toBe(400)
    await callRoute(settingsAction as never, formRequest('/outcomes/settings', { nationalOptIn: 'on' }, { cookie: farsundAdmin }))
    figures = await nationalFigures()
    const [farsund, trondheim] = figures.table.rows
    expect(farsund.name).toBe('Farsund')
    expect(farsund.retention12).toMatchObject({ value: null, hidden: true })
    // Secondary suppression: with the total shown, Trondheim's figure would give Farsund's away.
    expect(trondheim.retention12).toMatchObject({ value: null, hidden: true })
    expect(figures.table.total.retention12).toMatchObject({ value: 7 / 8, n: 8, hidden: false })

    const editor = await signIn(s.editor.id, null)
    expect((await callRoute(nationalLoader as never, getRequest('/outcomes/national', editor))).status).toBe(200)
    for (const who of [admin, await signIn(s.lead.id, s.m.id)]) expect((await callRoute(nationalLoader as never, getRequest('/outcomes/national', who))).status).toBe(403)
    // A mentor cannot opt the municipality out.
    expect((await callRoute(settingsAction as never, formRequest('/outcomes/settings', {}, { cookie: await signIn(s.mentor.id, s.m.id) }))).status).toBe(403)

    // Opting out takes effect at once.
    await callRoute(settingsAction as never, formRequest('/outcomes/settings', {}, { cookie: farsundAdmin }))
    expect((await nationalFigures()).table.rows.map((r) => r.name)).toEqual(['Trondheim'])
  })
})
