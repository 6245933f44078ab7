// Absence notices: a mentor says in advance they cannot come.
import { db } from '~/db.server.ts'

type GatheringRef = { id: string; programmeId: string; startsAt: Date; durationMinutes: number }

/** A mentor says in advance they cannot come; a reason category at most, never health details. */
export async function notifyAbsence(userId: string, gathering: GatheringRef, reason: string | undefined) {
  await db.absenceNotice.upsert({
    where: { gatheringId_userId: { gatheringId: gathering.id, userId } },
    create: { gatheringId: gathering.id, userId, programmeId: gathering.programmeId, reason: reason ?? null },
    update: { reason: reason ?? null },
  })
}

export async function withdrawAbsence(userId: string, gatheringId: string) {
  await db.absenceNotice.deleteMany({ where: { gatheringId, userId } })
}

export async function myAbsence(userId: string, gatheringId: string) {
  return db.absenceNotice.findUnique({ where: { gatheringId_userId: { gatheringId, userId } }, select: { reason: true, createdAt: true } })
}

/** Every notice in a programme, for the coordinator's overview (names from `names`, e.g. the grid's rows). */
export async function listAbsences(programmeId: string, names: ReadonlyMap<string, string>) {
  const rows = await db.absenceNotice.findMany({
    where: { programmeId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, createdAt: true, userId: true, gathering: { select: { id: true, title: true, startsAt: true } } },
  })
  return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '–' }))
}
