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

/**
 * The run's absence notices, newest first, for the coordinator's overview (names
 * from `names`, e.g. the grid's rows). `gatherings`: the run's gatherings when the
 * caller has them (the cached grid), saving a statement.
 */
export async function listAbsences(programmeId: string, names: ReadonlyMap<string, string>, gatherings?: readonly { id: string; title: string; startsAt: Date }[]) {
  if (gatherings) {
    const byId = new Map(gatherings.map((g) => [g.id, { id: g.id, title: g.title, startsAt: g.startsAt }]))
    const rows = await db.absenceNotice.findMany({ where: { programmeId }, orderBy: { createdAt: 'desc' }, select: { id: true, reason: true, createdAt: true, userId: true, gatheringId: true } })
    // A notice always belongs to a gathering of its run (cascade on delete); one the grid does not know yet is read.
    if (rows.every((r) => byId.has(r.gatheringId))) return rows.map(({ gatheringId, ...r }) => ({ ...r, gathering: byId.get(gatheringId)!, name: names.get(r.userId) ?? '–' }))
  }
  const rows = await db.absenceNotice.findMany({
    where: { programmeId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, createdAt: true, userId: true, gathering: { select: { id: true, title: true, startsAt: true } } },
  })
  return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '–' }))
}
