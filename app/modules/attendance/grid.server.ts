import { db } from '~/db.server.ts'
import { sortByName } from '~/utils/format.ts'
import { computeHours, inEnrolment, type Hours } from './hours.ts'
import { GRID_MARK } from './statuses.ts'

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

/** Mentors per page of the attendance grid (and of a gathering's register). */
export const GRID_PAGE_SIZE = 50

/** The `?page=` of a paged grid or register, within 1..pages. */
export function pageParam(request: Request, pages: number) {
  return Math.min(pages, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page'))) || 1))
}

/** What decides whether a cached grid is current (plus the name it shows). */
export type ProgrammeHead = { gridVersion: number; name: string; requiredMinutes: number }
export type Grid = Awaited<ReturnType<typeof computeGrid>>
type CacheEntry = { version: number; requiredMinutes: number; past: number; grid: Grid; view?: GridViewRow[] }

/**
 * Computed grids per programme, valid while `Programme.gridVersion` is the one
 * they were computed at (database triggers raise it in the same transaction as
 * every change to gatherings, enrolments, attendance, credits or a mentor's
 * name, so any number of instances stay correct) and while the same gatherings
 * lie in the past (the only way time changes a grid). Least recently used out.
 */
const cache = new Map<string, CacheEntry>()
const CACHE_MAX = 200

/** Forget every cached grid (tests: a fresh instance). */
export function clearGridCache() {
  cache.clear()
}

function pastCount(gatherings: { startsAt: Date; durationMinutes: number }[], now: Date) {
  let n = 0
  for (const g of gatherings) if (g.startsAt.getTime() + g.durationMinutes * 60_000 <= now.getTime()) n++
  return n
}

async function cachedEntry(programmeId: string, now: Date, knownHead?: ProgrammeHead): Promise<CacheEntry> {
  // The version is read before the data: data newer than its version only costs a recomputation.
  const head = knownHead ?? (await db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { gridVersion: true, name: true, requiredMinutes: true } }))
  const hit = cache.get(programmeId)
  if (hit && hit.version === head.gridVersion && hit.requiredMinutes === head.requiredMinutes && hit.past === pastCount(hit.grid.gatherings, now)) {
    cache.delete(programmeId)
    cache.set(programmeId, hit)
    if (hit.grid.name !== head.name) hit.grid = { ...hit.grid, name: head.name }
    return hit
  }
  const grid = await computeGrid(programmeId, head, now)
  const entry: CacheEntry = { version: head.gridVersion, requiredMinutes: head.requiredMinutes, past: pastCount(grid.gatherings, now), grid }
  cache.delete(programmeId)
  cache.set(programmeId, entry)
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!)
  return entry
}

/**
 * Mentors × gatherings with minutes and totals: one statement when the cached
 * grid is current, else four more whatever the number of mentors (gatherings,
 * enrolments, attendance, credits). The result is shared: do not mutate it.
 */
export async function attendanceGrid(programmeId: string, now = new Date(), head?: ProgrammeHead): Promise<Grid> {
  return (await cachedEntry(programmeId, now, head)).grid
}

/**
 * The grid as the attendance page shows it (see `gridView`), cached with the grid.
 * `head`: the run's version, name and required minutes, when the request has
 * already read them (with its access check, before any of the run's rows).
 */
export async function attendanceGridView(programmeId: string, now = new Date(), head?: ProgrammeHead) {
  const entry = await cachedEntry(programmeId, now, head)
  entry.view ??= gridView(entry.grid)
  return { grid: entry.grid, rows: entry.view }
}

async function computeGrid(programmeId: string, programme: ProgrammeHead, now: Date) {
  const [gatherings, enrolments, attendance, credits] = await Promise.all([
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

/**
 * The grid as the attendance page sends it to the browser: per row only what is
 * shown, with one character per gathering for its mark (`marks`: outside the
 * mentor's enrolment, "not enrolled then"; missed; neither) rather than lists of
 * ids, so the page's data stays small.
 */
export function gridView(grid: Grid) {
  return grid.rows.map((r) => {
    const missed = new Set(r.hours.missed.map((g) => g.id))
    return {
      marks: grid.gatherings.map((g) => (!inEnrolment(g, r) ? GRID_MARK.out : missed.has(g.id) ? GRID_MARK.missed : GRID_MARK.none)).join(''),
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
    }
  })
}
export type GridViewRow = ReturnType<typeof gridView>[number]

/**
 * One mentor's progress: the same rules as the grid, computed from that
 * mentor's rows only: its cost does not grow with the run.
 */
export async function mentorProgress(programmeId: string, userId: string, now = new Date()) {
  const [programme, gatherings, enrolment, attendance, credits] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true, requiredMinutes: true } }),
    db.gathering.findMany({ where: { programmeId }, orderBy: { startsAt: 'asc' }, select: { id: true, order: true, title: true, contentSlug: true, kind: true, startsAt: true, durationMinutes: true } }),
    db.enrolment.findUnique({ where: { programmeId_userId: { programmeId, userId } }, select: { joinedOn: true, leftOn: true, leftReason: true, user: { select: { id: true, name: true } } } }),
    db.attendance.findMany({ where: { programmeId, userId }, select: { gatheringId: true, minutesPresent: true } }),
    db.attendanceCredit.findMany({ where: { programmeId, userId }, select: { id: true, minutes: true, kind: true, reason: true } }),
  ])
  if (!enrolment) return null
  const att = new Map(attendance.map((a) => [a.gatheringId, a.minutesPresent]))
  const row: GridRow = {
    userId,
    name: enrolment.user.name,
    joinedOn: enrolment.joinedOn,
    leftOn: enrolment.leftOn,
    leftReason: enrolment.leftReason,
    cells: gatherings.map((g) => (att.has(g.id) ? att.get(g.id)! : null)),
    hours: computeHours({ gatherings, enrolment, attendance: att, credits: credits.map((c) => c.minutes), requiredMinutes: programme.requiredMinutes, now }),
  }
  return { ...row, gatherings, requiredMinutes: programme.requiredMinutes, programme: programme.name, credits }
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

/** Names of the people who granted credits but are not on the grid (e.g. a coordinator). */
export async function grantersOutsideGrid(grid: Grid): Promise<Map<string, string>> {
  const names = new Map(grid.rows.map((r) => [r.userId, r.name]))
  const missing = [...new Set(grid.credits.map((c) => c.grantedById))].filter((id) => !names.has(id))
  if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name)
  return names
}
