import { db, type Tx } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloInstant, osloParts } from '~/modules/curriculum/index.ts'
import { sortByName } from '~/utils/format.ts'
import { capMinutes, minutesFromTimes, rescaleMinutes, statusForMinutes } from './hours.ts'
import type { RegisterStatus } from './schemas.ts'
import type { Actor } from '~/utils/actor.ts'

type GatheringRef = { id: string; programmeId: string; startsAt: Date; durationMinutes: number }

export type RegisterRow = {
  userId: string
  name: string
  status: RegisterStatus
  minutes: number | null
  notice: { reason: string | null } | null
  checkIn: { at: Date; confirmed: boolean } | null
}

/** A run's enrolments as the cached grid holds them (see `attendanceGrid`). */
type EnrolmentRows = readonly { userId: string; name: string; joinedOn: Date; leftOn: Date | null }[]

/**
 * Who is on a gathering's register: enrolled on the day, plus anyone already
 * recorded (id → name). From the run's cached grid when the caller has it.
 */
async function registerPeople(gathering: GatheringRef, attendance: { userId: string }[], enrolled?: EnrolmentRows) {
  const end = new Date(gathering.startsAt.getTime() + gathering.durationMinutes * 60_000)
  if (enrolled) {
    const people = new Map(enrolled.filter((e) => e.joinedOn < end && (e.leftOn === null || e.leftOn >= gathering.startsAt)).map((e) => [e.userId, e.name]))
    const everEnrolled = new Map(enrolled.map((e) => [e.userId, e.name]))
    const missing: string[] = []
    for (const a of attendance) {
      if (people.has(a.userId)) continue
      if (everEnrolled.has(a.userId)) people.set(a.userId, everEnrolled.get(a.userId)!)
      else missing.push(a.userId)
    }
    if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) people.set(u.id, u.name)
    return people
  }
  const enrolments = await db.enrolment.findMany({
    where: { programmeId: gathering.programmeId, joinedOn: { lt: end }, OR: [{ leftOn: null }, { leftOn: { gte: gathering.startsAt } }] },
    select: { user: { select: { id: true, name: true } } },
  })
  const people = new Map(enrolments.map((e) => [e.user.id, e.user.name]))
  const missing = attendance.filter((a) => !people.has(a.userId)).map((a) => a.userId)
  if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) people.set(u.id, u.name)
  return people
}

/**
 * The register; a gathering row read earlier in the request brings its version
 * (read before the rows, so a save based on it is safe). `enrolled`: the run's
 * enrolments from its cached grid, when the caller has them.
 */
export async function getRegister(gathering: GatheringRef & { registerVersion?: number }, enrolled?: EnrolmentRows) {
  const [attendance, notices, checkIns, version] = await Promise.all([
    db.attendance.findMany({ where: { gatheringId: gathering.id }, select: { userId: true, status: true, minutesPresent: true } }),
    db.absenceNotice.findMany({ where: { gatheringId: gathering.id }, select: { userId: true, reason: true } }),
    db.checkIn.findMany({ where: { gatheringId: gathering.id }, select: { userId: true, createdAt: true, confirmedAt: true } }),
    gathering.registerVersion !== undefined ? { registerVersion: gathering.registerVersion } : db.gathering.findUniqueOrThrow({ where: { id: gathering.id }, select: { registerVersion: true } }),
  ])
  const people = await registerPeople(gathering, attendance, enrolled)
  const byUser = new Map(attendance.map((a) => [a.userId, a]))
  const noticeBy = new Map(notices.map((n) => [n.userId, n]))
  const checkInBy = new Map(checkIns.map((c) => [c.userId, c]))
  const rows: RegisterRow[] = [...people].map(([userId, name]) => {
    const a = byUser.get(userId)
    const c = checkInBy.get(userId)
    return {
      userId,
      name,
      status: (a?.status as RegisterStatus | undefined) ?? 'unmarked',
      minutes: a?.minutesPresent ?? null,
      notice: noticeBy.has(userId) ? { reason: noticeBy.get(userId)!.reason } : null,
      checkIn: c ? { at: c.createdAt, confirmed: !!c.confirmedAt } : null,
    }
  })
  return { version: version.registerVersion, rows: sortByName(rows) }
}

export type RegisterEntry = { userId: string; status: RegisterStatus; minutes?: number; arrived?: string; left?: string }
export type SaveResult = { ok: true } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; fieldErrors: Record<string, string[]> }

/**
 * An arrival or leaving time typed for someone marked present (or not marked)
 * means they were there part of the time: the entry counts as partial, from the times.
 */
export function effectiveStatus(e: RegisterEntry): RegisterStatus {
  if ((e.status === 'present' || e.status === 'unmarked') && (e.arrived || e.left)) return 'partial'
  return e.status
}

/** What an entry means in minutes: full, none, or part of the session (from minutes or from times). */
export function entryMinutes(gathering: GatheringRef, e: RegisterEntry): number | null {
  const status = effectiveStatus(e)
  if (status === 'unmarked') return null
  if (status === 'present') return gathering.durationMinutes
  if (status === 'absent') return 0
  if (e.arrived || e.left) {
    const day = osloParts(gathering.startsAt).date
    return minutesFromTimes(gathering, e.arrived ? osloInstant(day, e.arrived) : null, e.left ? osloInstant(day, e.left) : null)
  }
  return capMinutes(e.minutes ?? 0, gathering.durationMinutes)
}

/**
 * Saves the whole register in one transaction. It is based on the version the
 * coordinator loaded: when someone else saved in between, nothing is written
 * and the caller shows the current values (no silent lost update).
 */
export async function saveRegister(actor: Actor, gathering: GatheringRef, version: number, entries: RegisterEntry[]): Promise<SaveResult> {
  const fieldErrors: Record<string, string[]> = {}
  entries.forEach((e, i) => {
    if (e.status === 'partial' && e.minutes !== undefined && e.minutes > gathering.durationMinutes) fieldErrors[`rows[${i}].minutes`] = ['attendance.minutesRange']
    // Absent with a time of arrival or leaving contradicts itself: refuse rather than guess.
    if (e.status === 'absent' && (e.arrived || e.left)) fieldErrors[`rows[${i}].arrived`] = ['attendance.absentWithTime']
  })
  if (Object.keys(fieldErrors).length) return { ok: false, reason: 'invalid', fieldErrors }
  const recorded = await db.attendance.findMany({ where: { gatheringId: gathering.id }, select: { userId: true } })
  const allowed = new Set((await registerPeople(gathering, recorded)).keys())
  return db.$transaction(async (tx) => {
    const { count } = await tx.gathering.updateMany({ where: { id: gathering.id, registerVersion: version }, data: { registerVersion: { increment: 1 } } })
    if (count !== 1) return { ok: false, reason: 'conflict' } as const
    for (const e of entries) {
      if (!allowed.has(e.userId)) continue
      const minutes = entryMinutes(gathering, e)
      if (minutes === null) {
        await tx.attendance.deleteMany({ where: { gatheringId: gathering.id, userId: e.userId } })
        continue
      }
      const entered = effectiveStatus(e)
      const status = entered === 'partial' ? statusForMinutes(minutes, gathering.durationMinutes) : entered
      await tx.attendance.upsert({
        where: { gatheringId_userId: { gatheringId: gathering.id, userId: e.userId } },
        create: { gatheringId: gathering.id, userId: e.userId, programmeId: gathering.programmeId, status, minutesPresent: minutes, recordedById: actor.userId },
        update: { status, minutesPresent: minutes, recordedById: actor.userId },
      })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'save-register', entity: 'Gathering', entityId: gathering.id, details: { entries: entries.length, version }, ip: actor.ip })
    return { ok: true } as const
  })
}

/** One action: everyone on the register present for the full session. */
export async function markAllPresent(actor: Actor, gathering: GatheringRef, version: number) {
  const recorded = await db.attendance.findMany({ where: { gatheringId: gathering.id }, select: { userId: true } })
  const people = await registerPeople(gathering, recorded)
  return saveRegister(actor, gathering, version, [...people.keys()].map((userId) => ({ userId, status: 'present' as const })))
}

/** Confirms pending self check-ins: each becomes present for the full session unless already recorded. */
export async function confirmCheckIns(actor: Actor, gathering: GatheringRef) {
  return db.$transaction(async (tx) => {
    const pending = await tx.checkIn.findMany({ where: { gatheringId: gathering.id, confirmedAt: null } })
    for (const c of pending) {
      await tx.checkIn.update({ where: { id: c.id }, data: { confirmedAt: new Date(), confirmedById: actor.userId } })
      const existing = await tx.attendance.findUnique({ where: { gatheringId_userId: { gatheringId: gathering.id, userId: c.userId } } })
      if (!existing) {
        await tx.attendance.create({ data: { gatheringId: gathering.id, userId: c.userId, programmeId: gathering.programmeId, status: 'present', minutesPresent: gathering.durationMinutes, recordedById: actor.userId } })
      }
    }
    if (pending.length) await tx.gathering.update({ where: { id: gathering.id }, data: { registerVersion: { increment: 1 } } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'confirm-check-ins', entity: 'Gathering', entityId: gathering.id, details: { count: pending.length }, ip: actor.ip })
    return pending.length
  })
}

export type RecordedChoice = 'rescale' | 'reopen'

/** How many people have attendance recorded for a gathering. */
export async function recordedCount(gatheringId: string, client: Tx | typeof db = db) {
  return client.attendance.count({ where: { gatheringId } })
}

/**
 * After a gathering moved or changed length (inside the caller's transaction):
 * either rescale the recorded minutes to the new length, or re-open the register
 * (the recorded attendance is removed and must be marked again). Either way the
 * register's version grows, so a register loaded before cannot overwrite it.
 */
export async function adjustRecordedAttendance(tx: Tx, gatheringId: string, oldDurationMinutes: number, newDurationMinutes: number, choice: RecordedChoice) {
  if (choice === 'reopen') {
    await tx.attendance.deleteMany({ where: { gatheringId } })
  } else {
    const rows = await tx.attendance.findMany({ where: { gatheringId }, select: { id: true, minutesPresent: true } })
    for (const r of rows) {
      const minutes = rescaleMinutes(r.minutesPresent, oldDurationMinutes, newDurationMinutes)
      await tx.attendance.update({ where: { id: r.id }, data: { minutesPresent: minutes, status: statusForMinutes(minutes, newDurationMinutes) } })
    }
  }
  await tx.gathering.update({ where: { id: gatheringId }, data: { registerVersion: { increment: 1 } } })
}

/** The gatherings before and after this one in the programme, for stepping from register to register. */
export async function registerNeighbours(gathering: { id: string; programmeId: string; startsAt: Date }, gatherings?: readonly { id: string; title: string; startsAt: Date }[]) {
  if (gatherings) {
    // The run's gatherings in time order (the cached grid's): no statement.
    const pick = (g: { id: string; title: string; startsAt: Date } | undefined) => (g ? { id: g.id, title: g.title, startsAt: g.startsAt } : null)
    const t = gathering.startsAt.getTime()
    return { previous: pick(gatherings.findLast((g) => g.startsAt.getTime() < t)), next: pick(gatherings.find((g) => g.startsAt.getTime() > t)) }
  }
  const select = { id: true, title: true, startsAt: true } as const
  const [previous, next] = await Promise.all([
    db.gathering.findFirst({ where: { programmeId: gathering.programmeId, startsAt: { lt: gathering.startsAt } }, orderBy: { startsAt: 'desc' }, select }),
    db.gathering.findFirst({ where: { programmeId: gathering.programmeId, startsAt: { gt: gathering.startsAt } }, orderBy: { startsAt: 'asc' }, select }),
  ])
  return { previous, next }
}
