import { db } from '~/db.server.ts'
import { canSee, type Audience } from '~/modules/tenancy/index.ts'
import { sortByName } from '~/utils/format.ts'

/** Whether the person was still enrolled when the gathering starts (a leaver can no longer answer for later ones). */
export async function enrolledAt(programmeId: string, userId: string, at: Date): Promise<boolean> {
  const e = await db.enrolment.findUnique({ where: { programmeId_userId: { programmeId, userId } }, select: { leftOn: true } })
  return !!e && (!e.leftOn || e.leftOn >= at)
}

export async function getPreparation(gatheringId: string, userId: string) {
  const row = await db.preparationAnswer.findUnique({ where: { gatheringId_ownerId: { gatheringId, ownerId: userId } } })
  return row ? { answers: JSON.parse(row.answers) as string[], shared: row.scope === 'programme', updatedAt: row.updatedAt } : null
}

/** A mentor's answers: private unless shared with the programme. */
export async function savePreparation(
  owner: { userId: string },
  gathering: { id: string; programmeId: string; municipalityId: string },
  answers: string[],
  share: boolean,
) {
  const data = { answers: JSON.stringify(answers), scope: share ? 'programme' : 'private' }
  await db.preparationAnswer.upsert({
    where: { gatheringId_ownerId: { gatheringId: gathering.id, ownerId: owner.userId } },
    create: { ...data, gatheringId: gathering.id, ownerId: owner.userId, programmeId: gathering.programmeId, municipalityId: gathering.municipalityId },
    update: data,
  })
}

/**
 * Who has prepared for a gathering (for the coordinator): everyone enrolled on
 * the day, with the answers only where the mentor shared them.
 */
export async function preparationOverview(audience: Audience, programmeId: string, gathering: { id: string; startsAt: Date }) {
  const [enrolments, answers] = await Promise.all([
    db.enrolment.findMany({
      where: { programmeId, joinedOn: { lte: gathering.startsAt }, OR: [{ leftOn: null }, { leftOn: { gte: gathering.startsAt } }] },
      select: { user: { select: { id: true, name: true } } },
    }),
    db.preparationAnswer.findMany({ where: { gatheringId: gathering.id } }),
  ])
  const byOwner = new Map(answers.map((a) => [a.ownerId, a]))
  return sortByName(enrolments.map((e) => e.user)).map((u) => {
    const a = byOwner.get(u.id)
    const visible = a && canSee(audience, { ownerId: a.ownerId, scope: a.scope, municipalityId: a.municipalityId, programmeId: a.programmeId })
    return { userId: u.id, name: u.name, prepared: !!a, updatedAt: a?.updatedAt ?? null, answers: visible ? (JSON.parse(a.answers) as string[]) : null }
  })
}
