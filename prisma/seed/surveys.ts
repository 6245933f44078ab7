// Demo survey: the 2018 pilot's programme evaluation, anonymous and closed,
// with enough answers to show results. Idempotent: found by municipality and title.
import { randomUUID } from 'node:crypto'
import { db } from '../../app/db.server.ts'
import { surveyTemplate } from '../../app/modules/outcomes/surveys-content.server.ts'

const TITLE = 'Evaluering av mentorprogrammet 2018'

/** Eight answers (made up for the demo): usefulness, methods in use and how the gatherings worked. */
const ANSWERS = [
  { usefulness: 5, helped: ['practice-groups', 'sharing'], methods: ['cognitive-diamond', 'reflecting-team'], 'gathering-length': 'right', gatherings: 5 },
  { usefulness: 4, helped: ['reflecting-teams', 'own-cases'], methods: ['reflecting-team'], 'gathering-length': 'right', gatherings: 4 },
  { usefulness: 4, helped: ['sharing'], methods: ['pedagogical-sun', 'empathic-communication'], 'gathering-length': 'too-long', gatherings: 4 },
  { usefulness: 5, helped: ['practice-groups', 'theory'], methods: ['cognitive-diamond'], 'gathering-length': 'right', gatherings: 5 },
  { usefulness: 3, helped: ['preparation', 'sharing'], methods: ['none'], 'gathering-length': 'too-long', gatherings: 3 },
  { usefulness: 4, helped: ['own-cases', 'sharing'], methods: ['cognitive-diamond', 'empathic-communication'], 'gathering-length': 'right', gatherings: 4 },
  { usefulness: 5, helped: ['practice-groups'], methods: ['reflecting-team', 'pedagogical-sun'], 'gathering-length': 'right', gatherings: 5 },
  { usefulness: 2, helped: ['theory'], methods: ['none'], 'gathering-length': 'too-short', gatherings: 3 },
]

export async function seedSurveys() {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' } })
  if (await db.surveyRound.findFirst({ where: { municipalityId: municipality.id, title: TITLE } })) return
  const programme = await db.programme.findFirst({ where: { municipalityId: municipality.id, year: 2018 }, select: { id: true, coordinatorId: true } })
  const template = surveyTemplate('programme-evaluation')
  if (!programme || !template) return
  const enrolled = await db.enrolment.findMany({
    where: { programmeId: programme.id, leftOn: null },
    select: { userId: true, user: { select: { memberships: { where: { municipalityId: municipality.id, unitId: { not: null } }, select: { unit: { select: { serviceType: true } } } } } } },
  })
  const answering = enrolled.slice(0, ANSWERS.length)
  await db.$transaction(async (tx) => {
    const round = await tx.surveyRound.create({
      data: {
        municipalityId: municipality.id,
        sourceSlug: template.slug,
        kind: template.kind,
        title: TITLE,
        questions: JSON.stringify(template.questions.filter((q) => q.type !== 'text')),
        anonymous: true,
        cohort: 'programme',
        audience: template.audience,
        programmeId: programme.id,
        opensOn: '2018-12-06',
        closesOn: '2018-12-20',
        reminders: 1,
        createdById: programme.coordinatorId,
      },
    })
    await tx.surveyRespondent.createMany({ data: enrolled.map((e, i) => ({ roundId: round.id, userId: e.userId, answered: i < answering.length })) })
    await tx.surveyResponse.createMany({
      data: answering.map((e, i) => ({ id: randomUUID(), roundId: round.id, userId: null, subgroup: e.user.memberships[0]?.unit?.serviceType ?? 'other', answers: JSON.stringify(ANSWERS[i]) })),
    })
  })
}
