import Papa from 'papaparse'
import { db, Prisma } from '~/db.server.ts'
import { nameCollator, sortByName } from '~/utils/format.ts'
import { safeCell } from '~/modules/attendance/export.server.ts'
import { osloInstant, osloParts } from '~/modules/curriculum/schedule.ts'
import { networkReport } from './rhythm.ts'
import { reportSchema } from './schemas.ts'

/** The report's period from the query (default: the last twelve months up to today), both ends included. */
export function readReportQuery(request: Request) {
  const url = new URL(request.url)
  const today = osloParts(new Date()).date
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
  const parsed = reportSchema.safeParse({ from: url.searchParams.get('from') || yearAgo, to: url.searchParams.get('to') || today, lastN: url.searchParams.get('lastN') || 3 })
  const value = parsed.success && parsed.data.from <= parsed.data.to ? parsed.data : { from: yearAgo, to: today, lastN: 3 }
  return { ...value, period: { from: osloInstant(value.from, '00:00'), to: new Date(osloInstant(value.to, '00:00').getTime() + 86_400_000) } }
}

type Report = Awaited<ReturnType<typeof computeReport>>['rows']
type CacheEntry = { version: number; validFrom: number; validUntil: number; report: Report }

/**
 * Computed reports per municipality and query, valid while the municipality's
 * `NetworkReportVersion` is the one they were computed at (database triggers
 * raise it in the same transaction as every change to its networks, members,
 * meetings, attendance or a member's name) and while no meeting of the period
 * has started since (time alone changes the report only then). Least recently used out.
 */
const cache = new Map<string, CacheEntry>()
const CACHE_MAX = 100

/** Forget every cached report (tests: a fresh instance). */
export function clearNetworkReportCache() {
  cache.clear()
}

/**
 * The programme lead's report for the municipality's networks (see
 * `computeReport`): one statement (the version) while the cached report is
 * current, else that and the report's statements.
 */
export async function municipalityNetworkReport(municipalityId: string, period: { from: Date; to: Date }, lastN: number, now = new Date()): Promise<Report> {
  // The version is read before the data: data newer than its version only costs a recomputation.
  const [row] = await db.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "NetworkReportVersion" WHERE "municipalityId" = ${municipalityId}`
  const version = row ? Number(row.version) : 0
  const key = `${municipalityId}|${period.from.toISOString()}|${period.to.toISOString()}|${lastN}`
  const hit = cache.get(key)
  if (hit && hit.version === version && now.getTime() > hit.validFrom && now.getTime() <= hit.validUntil) {
    cache.delete(key)
    cache.set(key, hit)
    return hit.report
  }
  const { rows: report, validFrom, validUntil } = await computeReport(municipalityId, period, lastN, now)
  cache.delete(key)
  cache.set(key, { version, validFrom, validUntil, report })
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!)
  return report
}

/**
 * The programme lead's report for the municipality's networks: meetings held
 * in [from, to), attendance rates, members absent from the last N meetings,
 * topics. Five statements whatever the number of networks, in plain SQL: the
 * present member-meetings are counted by the database, and attendance rows are
 * read only for each network's last N meetings (Prisma's row mapping of a few
 * thousand attendance rows cost more than the rest of the page).
 */
async function computeReport(municipalityId: string, period: { from: Date; to: Date }, lastN: number, now: Date) {
  const until = new Date(Math.min(period.to.getTime(), now.getTime()))
  const [networks, meetings, members, came] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "Network" WHERE "municipalityId" = ${municipalityId}`,
    db.$queryRaw<{ id: string; networkId: string; startsAt: Date | string; durationMinutes: number; topic: string }[]>`
      SELECT "id", "networkId", "startsAt", "durationMinutes", "topic" FROM "NetworkMeeting"
      WHERE "municipalityId" = ${municipalityId} AND "startsAt" >= ${period.from} AND "startsAt" < ${period.to}`,
    db.$queryRaw<{ networkId: string; userId: string; joinedAt: Date | string | null; leftAt: Date | string | null }[]>`
      SELECT nm."networkId", nm."userId", nm."joinedAt", nm."leftAt" FROM "NetworkMember" nm JOIN "Network" n ON n."id" = nm."networkId"
      WHERE n."municipalityId" = ${municipalityId} AND nm."status" IN ('active', 'left')`,
    db.$queryRaw<{ networkId: string; n: number | bigint }[]>`
      SELECT a."networkId", COUNT(*) AS "n" FROM "NetworkAttendance" a
      JOIN "NetworkMeeting" m ON m."id" = a."meetingId"
      JOIN "NetworkMember" nm ON nm."networkId" = a."networkId" AND nm."userId" = a."userId"
      WHERE m."municipalityId" = ${municipalityId} AND m."startsAt" >= ${period.from} AND m."startsAt" < ${until} AND a."minutesPresent" > 0
        AND nm."status" IN ('active', 'left') AND (nm."joinedAt" IS NULL OR nm."joinedAt" <= m."startsAt") AND (nm."leftAt" IS NULL OR nm."leftAt" >= m."startsAt")
      GROUP BY a."networkId"`,
  ])
  const asDate = (d: Date | string | null) => (d === null ? null : new Date(d))
  // Meetings of the period that have not started yet are read too: the report is
  // the same for any moment after the last meeting held and up to the next start.
  const planned = meetings.map((m) => ({ ...m, startsAt: asDate(m.startsAt)! }))
  const held = planned.filter((m) => m.startsAt < until)
  const validFrom = Math.max(-Infinity, ...held.map((m) => m.startsAt.getTime()))
  const validUntil = Math.min(Infinity, ...planned.filter((m) => m.startsAt >= until).map((m) => m.startsAt.getTime()))
  // Attendance of each network's last N meetings only (for "absent from the last N").
  const n = Math.max(1, Math.round(lastN))
  const byNetwork = new Map<string, typeof held>()
  for (const m of held) (byNetwork.get(m.networkId) ?? byNetwork.set(m.networkId, []).get(m.networkId)!).push(m)
  const recentIds = [...byNetwork.values()].flatMap((list) => list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(-n).map((m) => m.id))
  const recent = recentIds.length
    ? await db.$queryRaw<{ meetingId: string; userId: string; minutesPresent: number }[]>`
        SELECT "meetingId", "userId", "minutesPresent" FROM "NetworkAttendance" WHERE "meetingId" IN (${Prisma.join(recentIds)}) AND "minutesPresent" > 0`
    : []
  const sorted = [...networks].sort((a, b) => nameCollator.compare(a.name, b.name))
  const rows = networkReport(
    sorted.map((x) => x.id),
    held,
    members.map((m) => ({ networkId: m.networkId, userId: m.userId, name: '', joinedAt: asDate(m.joinedAt), leftAt: asDate(m.leftAt) })),
    recent,
    n,
    new Map(came.map((c) => [c.networkId, Number(c.n)])),
  )
  const absentIds = [...new Set(rows.flatMap((r) => r.absentLastN.map((p) => p.userId)))]
  const names = new Map(absentIds.length ? (await db.user.findMany({ where: { id: { in: absentIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : [])
  return {
    validFrom,
    validUntil,
    rows: rows.map((r, i) => ({ ...r, name: sorted[i].name, absentLastN: sortByName(r.absentLastN.map((p) => ({ ...p, name: names.get(p.userId) ?? '–' }))) })),
  }
}

export function reportCsv(rows: Awaited<ReturnType<typeof municipalityNetworkReport>>, headers: string[]) {
  // Semicolons and a BOM for Norwegian Excel, formula-safe cells; lists inside a cell are quoted.
  const data = rows.map((r) => [r.name, r.meetingsHeld, r.attendanceRate === null ? '' : Math.round(r.attendanceRate * 100), r.absentLastN.map((p) => p.name).join(', '), r.topics.join(', ')])
  return `\uFEFF${Papa.unparse([headers, ...data].map((row) => row.map(safeCell)), { delimiter: ';', newline: '\r\n' })}\r\n`
}
