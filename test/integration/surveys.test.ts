import { beforeEach, describe, expect, it } from 'vitest'
import { db, isPostgres } from '~/db.server.ts'
import { getViewer, startSession, type Viewer } from '~/modules/auth/index.ts'
import { addDays, addMonths, osloToday } from '~/modules/mentee-plans/index.ts'
import { openRoundSchema } from '~/modules/outcomes/survey-schemas.ts'
import { copySurveyTemplate, myOpenRounds, openRound, roundCsv, roundDetail, roundForRespondent, sendReminders, submitAnswer, updateSurveyCopy } from '~/modules/outcomes/surveys.server.ts'
import { action as answerAction } from '~/routes/surveys.$id.answer.tsx'
import { action as roundAction, loader as roundLoader } from '~/routes/surveys.$id._index.tsx'
import { action as newRoundAction } from '~/routes/surveys.new.tsx'
import { action as editCopyAction } from '~/routes/surveys.templates.$id.tsx'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { callRoute, signIn } from '../support/route.ts'
import { cookieFrom, formRequest, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function viewerOf(userId: string, municipalityId: string): Promise<Viewer> {
  const cookie = cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
  return runWithRequestStore(async () => (await getViewer(getRequest('/', cookie)))!)
}

const TODAY = osloToday()

async function setup(mentorCount = 6) {
  const m = await makeMunicipality('Trondheim')
  const homeCare = await makeUnit(m.id, 'Bergheim hjemmetjeneste', 'home_care')
  const hvs = await makeUnit(m.id, 'Ilsvika helse- og velferdssenter', 'hvs')
  const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const mentors = []
  for (let i = 0; i < mentorCount; i++) mentors.push(await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: i < 4 ? homeCare.id : hvs.id, name: `Mentor ${i + 1}` }))
  const programme = await db.programme.create({
    data: { municipalityId: m.id, name: 'Mentorprogram', year: 2026, coordinatorId: coordinator.id, requiredMinutes: 2640, startsOn: new Date('2026-01-10'), endsOn: new Date('2026-12-10') },
  })
  for (const mentor of mentors) await db.enrolment.create({ data: { programmeId: programme.id, userId: mentor.id, joinedOn: new Date('2026-01-10') } })
  const leaver = await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: homeCare.id })
  await db.enrolment.create({ data: { programmeId: programme.id, userId: leaver.id, joinedOn: new Date('2026-01-10'), leftOn: new Date('2026-03-01') } })
  const other = await makeMunicipality('Farsund')
  const otherCoordinator = await makeUser({ municipalityId: other.id, roles: ['coordinator', 'mentor'] })
  return { m, homeCare, hvs, coordinator, mentors, programme, leaver, other, otherCoordinator }
}

type Setup = Awaited<ReturnType<typeof setup>>

async function open(s: Setup, extra: Record<string, unknown> = {}) {
  const viewer = await viewerOf(s.coordinator.id, s.m.id)
  const input = openRoundSchema.parse({ template: 'content:programme-evaluation', title: 'Evaluering 2026', cohort: 'programme', programmeId: s.programme.id, opensOn: TODAY, closesOn: addDays(TODAY, 14), ...extra })
  const result = await openRound(viewer, input)
  if (!result.ok) throw new Error(result.message)
  return result.id
}

function answersFor(i: number) {
  return { usefulness: 1 + (i % 5), learned: `Lærte ${i}`, helped: ['sharing'], methods: ['cognitive-diamond'], 'gathering-length': 'right', gatherings: 4 }
}

async function answer(s: Setup, roundId: string, i: number) {
  const viewer = await viewerOf(s.mentors[i].id, s.m.id)
  return submitAnswer(viewer, roundId, answersFor(i))
}

describe('opening a round', () => {
  it('asks the mentors still enrolled, e-mails each and shows it on their dashboard list', async () => {
    const s = await setup()
    const id = await open(s)
    const respondents = await db.surveyRespondent.findMany({ where: { roundId: id } })
    expect(respondents.map((r) => r.userId).sort()).toEqual(s.mentors.map((m) => m.id).sort())
    expect(await db.outboxMessage.count({ where: { kind: 'survey' } })).toBe(6)
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: s.mentors[0].email } })
    expect(mail.textBody).toContain(`/surveys/${id}/answer`)
    expect((await myOpenRounds(await viewerOf(s.mentors[0].id, s.m.id))).map((r) => r.id)).toEqual([id])
    expect(await myOpenRounds(await viewerOf(s.leaver.id, s.m.id))).toEqual([])
  })

  it('refuses a programme of another municipality and a template for another cohort', async () => {
    const s = await setup()
    const theirs = await db.programme.create({ data: { municipalityId: s.other.id, name: 'Farsund', year: 2026, coordinatorId: s.otherCoordinator.id, requiredMinutes: 600, startsOn: new Date(), endsOn: new Date() } })
    const viewer = await viewerOf(s.coordinator.id, s.m.id)
    const base = { template: 'content:programme-evaluation', title: 'X', cohort: 'programme', opensOn: TODAY, closesOn: addDays(TODAY, 14) }
    expect(await openRound(viewer, openRoundSchema.parse({ ...base, programmeId: theirs.id }))).toMatchObject({ ok: false, message: 'surveys.unknownProgramme' })
    expect(await openRound(viewer, openRoundSchema.parse({ ...base, template: 'content:mentee-probation', programmeId: s.programme.id }))).toMatchObject({ ok: false, message: 'surveys.needsPeriod' })
    expect(await db.surveyRound.count()).toBe(0)
    expect(await db.outboxMessage.count()).toBe(0)
  })

  it('asks the mentees whose probation ends in the period', async () => {
    const s = await setup(1)
    const leader = await makeUser({ municipalityId: s.m.id, roles: ['department_leader'], unitId: s.homeCare.id })
    const inside = await makeUser({ municipalityId: s.m.id, roles: ['mentee'], unitId: s.homeCare.id })
    const outside = await makeUser({ municipalityId: s.m.id, roles: ['mentee'], unitId: s.homeCare.id })
    const plan = (menteeUserId: string, startDate: string) =>
      db.menteePlan.create({ data: { municipalityId: s.m.id, unitId: s.homeCare.id, menteeName: 'N', menteeUserId, mentorId: s.mentors[0].id, leaderId: leader.id, serviceType: 'home_care', templateSlug: 'trondheim', startDate, createdById: leader.id } })
    await plan(inside.id, addMonths('2026-11-15', -6))
    await plan(outside.id, addMonths('2027-01-15', -6))
    const viewer = await viewerOf(s.coordinator.id, s.m.id)
    const result = await openRound(viewer, openRoundSchema.parse({ template: 'content:mentee-probation', title: 'Prøvetid høst', cohort: 'probation', periodFrom: '2026-11-01', periodTo: '2026-11-30', opensOn: TODAY, closesOn: addDays(TODAY, 14), anonymous: 'on' }))
    expect(result).toMatchObject({ ok: true, invited: 1 })
    expect((await db.surveyRespondent.findMany()).map((r) => r.userId)).toEqual([inside.id])
    const round = await db.surveyRound.findFirstOrThrow()
    expect(JSON.parse(round.questions).map((q: { type: string }) => q.type)).not.toContain('text')
  })
})

describe('an anonymous round', () => {
  it('cannot be joined back to people: no person, no time, random ids, rows rewritten on every answer', async () => {
    const s = await setup()
    const id = await open(s, { anonymous: 'on' })
    let previousIds: string[] = []
    for (let i = 0; i < 3; i++) {
      expect(await answer(s, id, i)).toEqual({ ok: true })
      const rows = await db.surveyResponse.findMany({ where: { roundId: id } })
      expect(rows).toHaveLength(i + 1)
      // Every answer of the round is written anew in random order (rowid / ctid order is a shuffle, see the
      // unit test of `shuffled`): no id survives, so nothing keeps the order of arrival.
      for (const r of rows) expect(previousIds).not.toContain(r.id)
      previousIds = rows.map((r) => r.id)
    }
    const responses = await db.surveyResponse.findMany({ where: { roundId: id } })
    for (const r of responses) {
      expect(r.userId).toBeNull()
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      // Nothing in the stored answer names or dates the person.
      expect(r.answers).not.toMatch(/Mentor|\d{4}-\d{2}-\d{2}/)
    }
    // The two tables share nothing but the round: no person or time column on the answers, no time on the respondents.
    const columns = async (table: string) =>
      isPostgres
        ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`, table)).map((c) => c.name).sort()
        : (await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${table}")`)).map((c) => c.name).sort()
    expect(await columns('SurveyResponse')).toEqual(['answers', 'id', 'roundId', 'subgroup', 'userId'])
    expect(await columns('SurveyRespondent')).toEqual(['answered', 'id', 'roundId', 'userId'])
    const respondents = await db.surveyRespondent.findMany({ where: { roundId: id }, orderBy: { id: 'asc' } })
    expect(respondents.filter((r) => r.answered).map((r) => r.userId).sort()).toEqual(s.mentors.slice(0, 3).map((m) => m.id).sort())
    if (isPostgres) {
      // Row versions: every respondent row of the round was rewritten by the last answer, so none stands out.
      const versions = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT DISTINCT xmin::text AS v FROM "SurveyRespondent" WHERE "roundId" = $1`, id)
      expect(versions).toHaveLength(1)
      const answerVersions = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT DISTINCT xmin::text AS v FROM "SurveyResponse" WHERE "roundId" = $1`, id)
      expect(answerVersions).toHaveLength(1)
    }
    // No audit event or receipt per answer that could carry the time of answering.
    expect(await db.auditEvent.count({ where: { actorId: { in: s.mentors.map((m) => m.id) } } })).toBe(0)
    expect(await db.outboxMessage.count({ where: { kind: { not: 'survey' } } })).toBe(0)
  })

  it('takes one answer per person', async () => {
    const s = await setup()
    const id = await open(s, { anonymous: 'on' })
    expect(await answer(s, id, 0)).toEqual({ ok: true })
    expect(await answer(s, id, 0)).toEqual({ ok: false, reason: 'answered' })
    expect(await db.surveyResponse.count()).toBe(1)
  })

  it('keeps results hidden until the fifth answer, then hides small sub-groups', async () => {
    const s = await setup()
    const id = await open(s, { anonymous: 'on' })
    const coordinator = await viewerOf(s.coordinator.id, s.m.id)
    for (let i = 0; i < 4; i++) await answer(s, id, i)
    const before = (await roundDetail(coordinator, id, 'nb'))!
    expect(before.results).toEqual({ visible: false, answered: 4, threshold: 5 })
    expect(roundCsv(before, 'nb')).toBeNull()
    await answer(s, id, 4)
    const after = (await roundDetail(coordinator, id, 'nb'))!
    expect(after.results.visible).toBe(true)
    if (!after.results.visible) return
    const usefulness = after.results.questions.find((q) => q.key === 'usefulness')!
    expect(usefulness.bars.map((b) => b.count)).toEqual([1, 1, 1, 1, 1])
    // 4 home care and 1 HVS: the HVS group is hidden, and so is home care, which would give it away.
    expect(after.results.subgroups.map((g) => [g.key, g.hidden])).toEqual([['home_care', true], ['hvs', true]])
    expect(after.questions.map((q) => q.type)).not.toContain('text')
    expect(roundCsv(after, 'nb')).toContain('Alt i alt')
  })

  it('is invisible from another municipality', async () => {
    const s = await setup()
    const id = await open(s, { anonymous: 'on' })
    const stranger = await viewerOf(s.otherCoordinator.id, s.other.id)
    expect(await roundDetail(stranger, id, 'nb')).toBeNull()
    expect(await roundForRespondent(stranger, id)).toBeNull()
    expect(await submitAnswer(stranger, id, answersFor(0))).toEqual({ ok: false, reason: 'not-found' })
    expect(await sendReminders(stranger, id)).toEqual({ ok: false, reason: 'not-found' })
    expect(await myOpenRounds(stranger)).toEqual([])
  })
})

describe('a round that is not anonymous', () => {
  it('shows free texts with names, reminds only those who have not answered, and compares with last year', async () => {
    const s = await setup()
    const lastYear = `${Number(TODAY.slice(0, 4)) - 1}-06-01`
    const previous = await db.surveyRound.create({
      data: { municipalityId: s.m.id, sourceSlug: 'programme-evaluation', kind: 'programme-evaluation', title: 'Evaluering i fjor', questions: '[]', anonymous: true, cohort: 'programme', audience: 'mentors', opensOn: lastYear, closesOn: lastYear, createdById: s.coordinator.id },
    })
    await db.surveyResponse.createMany({ data: [1, 2, 3, 4, 5].map((n) => ({ id: crypto.randomUUID(), roundId: previous.id, subgroup: 'home_care', answers: JSON.stringify({ usefulness: 5, helped: ['theory'] }) })) })
    const id = await open(s)
    for (let i = 0; i < 5; i++) await answer(s, id, i)
    const coordinator = await viewerOf(s.coordinator.id, s.m.id)
    expect(await sendReminders(coordinator, id)).toEqual({ ok: true, sent: 1 })
    expect((await db.outboxMessage.findMany({ where: { kind: 'survey-reminder' } })).map((m) => m.toAddress)).toEqual([s.mentors[5].email])
    const detail = (await roundDetail(coordinator, id, 'en'))!
    if (!detail.results.visible) throw new Error('hidden')
    const learned = detail.results.questions.find((q) => q.key === 'learned')!
    expect(learned.texts).toContainEqual({ text: 'Lærte 2', name: 'Mentor 3' })
    expect(detail.previous).toEqual({ id: previous.id, title: 'Evaluering i fjor', answered: 5 })
    const usefulness = detail.results.questions.find((q) => q.key === 'usefulness')!
    expect(usefulness.bars.find((b) => b.key === '5')!.previousShare).toBe(1)
    expect(usefulness.previousCentre).toBe(5)
    const responses = await db.surveyResponse.findMany({ where: { roundId: id } })
    expect(responses.every((r) => r.userId)).toBe(true)
  })
})

describe('survey templates', () => {
  it('a municipality copies a template and adjusts it; rounds use the copy', async () => {
    const s = await setup()
    const viewer = await viewerOf(s.coordinator.id, s.m.id)
    const copy = await copySurveyTemplate(viewer, 'content:programme-evaluation', 'Vår evaluering')
    if (!copy.ok) throw new Error('copy')
    const labels = { usefulness: { nb: 'Hvor nyttig var året?', nn: 'Kor nyttig var året?', en: 'How useful was the year?' } }
    expect(await updateSurveyCopy(viewer, copy.id, { name: 'Vår evaluering', keep: ['usefulness', 'gatherings'], labels })).toBe(true)
    const stranger = await viewerOf(s.otherCoordinator.id, s.other.id)
    expect(await updateSurveyCopy(stranger, copy.id, { name: 'x', keep: ['usefulness'], labels: {} })).toBe(false)
    const id = await open(s, { template: `copy:${copy.id}` })
    const round = await db.surveyRound.findUniqueOrThrow({ where: { id } })
    expect(round.sourceSlug).toBe('programme-evaluation')
    const questions = JSON.parse(round.questions)
    expect(questions.map((q: { key: string }) => q.key)).toEqual(['usefulness', 'gatherings'])
    expect(questions[0].text.nn.label).toBe('Kor nyttig var året?')
  })
})

describe('demo seed', () => {
  it('has one closed anonymous round with results past the threshold', async () => {
    const { seed } = await import('../../prisma/seed.ts')
    await seed()
    const round = await db.surveyRound.findFirstOrThrow({ where: { title: 'Evaluering av mentorprogrammet 2018' } })
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: 'koordinator@trondheim.demo' } })
    const detail = (await roundDetail(await viewerOf(coordinator.id, round.municipalityId), round.id, 'nb'))!
    expect(detail.state).toBe('closed')
    expect(detail.anonymous).toBe(true)
    expect(detail.results).toMatchObject({ visible: true, answered: 8 })
  })
})

describe('the survey pages', () => {
  it('answer bad input with 400 and keep what was typed; records of another municipality are 404', async () => {
    const s = await setup()
    const id = await open(s)
    const mentorCookie = await signIn(s.mentors[0].id, s.m.id)
    const bad = await callRoute(answerAction as never, formRequest(`/surveys/${id}/answer`, { usefulness: '9', learned: 'Å lytte', talks: 'x' }, { cookie: mentorCookie }), { id })
    expect(bad.status).toBe(400)
    const body = await bad.json()
    expect(body.values.learned).toBe('Å lytte')
    expect(body.errors.usefulness).toEqual(['surveys.pickOne'])
    expect(await db.surveyResponse.count()).toBe(0)

    const coordinatorCookie = await signIn(s.coordinator.id, s.m.id)
    const badRound = await callRoute(newRoundAction as never, formRequest('/surveys/new', { template: 'content:programme-evaluation', title: '', cohort: 'programme', opensOn: '2026-13-45', closesOn: 'x' }, { cookie: coordinatorCookie }))
    expect(badRound.status).toBe(400)

    const stranger = await signIn(s.otherCoordinator.id, s.other.id)
    expect((await callRoute(answerAction as never, formRequest(`/surveys/${id}/answer`, answersFor(0) as never, { cookie: stranger }), { id })).status).toBe(404)
    expect((await callRoute(roundAction as never, formRequest(`/surveys/${id}`, { intent: 'remind' }, { cookie: stranger }), { id })).status).toBe(404)
    expect((await callRoute(roundLoader as never, getRequest(`/surveys/${id}`, stranger), { id })).status).toBe(404)
    const copy = await copySurveyTemplate(await viewerOf(s.coordinator.id, s.m.id), 'content:mentee-probation', 'Kopi')
    if (!copy.ok) throw new Error('copy')
    expect((await callRoute(editCopyAction as never, formRequest(`/surveys/templates/${copy.id}`, { name: 'Stjålet', keep: 'recommend' }, { cookie: stranger }), { id: copy.id })).status).toBe(404)
    // A mentor may not run surveys.
    expect((await callRoute(roundAction as never, formRequest(`/surveys/${id}`, { intent: 'remind' }, { cookie: mentorCookie }), { id })).status).toBe(403)
    expect(await db.outboxMessage.count({ where: { kind: 'survey-reminder' } })).toBe(0)
  })
})
