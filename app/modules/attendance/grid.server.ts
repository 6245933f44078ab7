import { db } from '~/db.server.ts'
import { sortByName } from '~/utils/format.ts'
import { computeHours, inEnrolment, type Hours } from './hours.ts'

export type GridRow = {
  userId: string
  name: string
  joinedOn: Date
  leftOn: Date | null
  leftReason: string | null
  /** Minutes per gathering (same order as `gatherings`); null = not recorded. */
  cells: (number | null)[]
  hours: Hours
}

/**
 * Mentors × gatherings with minutes and totals, in four queries whatever the
 * number of mentors (gatherings, enrolments, attendance, credits).
 */
export async function attendanceGrid(programmeId: string, now = new Date()) {
  const [programme, gatherings, enrolments, attendance, credits] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true, requiredMinutes: true } }),
    db.gathering.findMany({ where: { programmeId }, orderBy: { startsAt: 'asc' }, select: { id: true, order: true, title: true, contentSlug: true, kind: true, startsAt: true, durationMinutes: true } }),
    db.enrolment.findMany({ where: { programmeId }, select: { joinedOn: true, leftOn: true, leftReason: true, user: { select: { id: true, name: true } } } }),
    db.attendance.findMany({ where: { programmeId }, select: { gatheringId: true, userId: true, minutesPresent: true } }),
    db.attendanceCredit.findMany({ where: { programmeId }, orderBy: { createdAt: 'desc' }, select: { id: true, userId: true, minutes: true, kind: true, reason: true, grantedById: true, createdAt: true } }),
  ])
  const byUser = new Map<string, Map<string, number>>()
  for (const a of attendance) {
    if (!byUser.has(a.userId)) byUser.set(a.userId, new Map())
    byUser.get(a.userId)!.set(a.gatheringId, a.minutesPresent)
  }
  const creditsBy = new Map<string, number[]>()
  for (const c of credits) creditsBy.set(c.userId, [...(creditsBy.get(c.userId) ?? []), c.minutes])
  const rows: GridRow[] = enrolments.map((e) => {
    const att = byUser.get(e.user.id) ?? new Map<string, number>()
    return {
      userId: e.user.id,
      name: e.user.name,
      joinedOn: e.joinedOn,
      leftOn: e.leftOn,
      leftReason: e.leftReason,
      cells: gatherings.map((g) => (att.has(g.id) ? att.get(g.id)! : null)),
      hours: computeHours({ gatherings, enrolment: e, attendance: att, credits: creditsBy.get(e.user.id) ?? [], requiredMinutes: programme.requiredMinutes, now }),
    }
  })
  return { name: programme.name, requiredMinutes: programme.requiredMinutes, gatherings, rows: sortByName(rows), credits }
}

/** The grid as the attendance page sends it to the browser: per row only what is shown. */
export function gridView(grid: Awaited<ReturnType<typeof attendanceGrid>>) {
  return grid.rows.map((r) => ({
    /** Gatherings outside this mentor's enrolment ("not enrolled then", not "not registered yet"). */
    outIds: grid.gatherings.filter((g) => !inEnrolment(g, r)).map((g) => g.id),
    userId: r.userId,
    name: r.name,
    leftOn: r.leftOn,
    cells: r.cells,
    attendedMinutes: r.hours.attendedMinutes,
    creditedMinutes: r.hours.creditedMinutes,
    possibleSinceJoinedMinutes: r.hours.possibleSinceJoinedMinutes,
    remainingPossibleMinutes: r.hours.remainingPossibleMinutes,
    eligible: r.hours.eligible,
    canStillReach: r.hours.canStillReach,
    missedIds: r.hours.missed.map((g) => g.id),
  }))
}
export type GridViewRow = ReturnType<typeof gridView>[number]

/** One mentor's progress: the same rules as the grid. */
export async function mentorProgress(programmeId: string, userId: string, now = new Date()) {
  const grid = await attendanceGrid(programmeId, now)
  const row = grid.rows.find((r) => r.userId === userId)
  return row ? { ...row, gatherings: grid.gatherings, requiredMinutes: grid.requiredMinutes } : null
}

export type UnmarkedRegister = { id: string; order: number; title: string; startsAt: Date; unmarked: number; enrolled: number }

/**
 * Registers still to be marked: gatherings that have ended where someone enrolled
 * on the day has nothing recorded (same rules as the grid), oldest first.
 */
export function unmarkedRegisters(grid: Awaited<ReturnType<typeof attendanceGrid>>, now = new Date()): UnmarkedRegister[] {
  const out: UnmarkedRegister[] = []
  grid.gatherings.forEach((g, i) => {
    if (g.startsAt.getTime() + g.durationMinutes * 60_000 > now.getTime()) return
    const enrolled = grid.rows.filter((r) => inEnrolment(g, r))
    const unmarked = enrolled.filter((r) => r.cells[i] === null).length
    if (unmarked) out.push({ id: g.id, order: g.order, title: g.title, startsAt: g.startsAt, unmarked, enrolled: enrolled.length })
  })
  return out
}
