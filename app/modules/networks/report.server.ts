import Papa from 'papaparse'
import { db } from '~/db.server.ts'
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

/**
 * The programme lead's report for the municipality's networks: meetings held
 * in [from, to), attendance rates, members absent from the last N meetings,
 * topics. Four queries whatever the number of networks.
 */
export async function municipalityNetworkReport(municipalityId: string, period: { from: Date; to: Date }, lastN: number, now = new Date()) {
  const until = new Date(Math.min(period.to.getTime(), now.getTime()))
  const [networks, meetings, members] = await Promise.all([
    db.network.findMany({ where: { municipalityId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.networkMeeting.findMany({ where: { municipalityId, startsAt: { gte: period.from, lt: until } }, select: { id: true, networkId: true, startsAt: true, durationMinutes: true, topic: true } }),
    db.networkMember.findMany({ where: { network: { municipalityId }, status: { in: ['active', 'left'] } }, select: { networkId: true, userId: true, joinedAt: true, leftAt: true } }),
  ])
  const [attendance, users] = await Promise.all([
    db.networkAttendance.findMany({ where: { meeting: { municipalityId, startsAt: { gte: period.from, lt: until } }, minutesPresent: { gt: 0 } }, select: { meetingId: true, userId: true, minutesPresent: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(members.map((m) => m.userId))] } }, select: { id: true, name: true } }),
  ])
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  const rows = networkReport(
    networks.map((n) => n.id),
    meetings,
    members.map((m) => ({ ...m, name: nameOf.get(m.userId) ?? '–' })),
    attendance,
    lastN,
  )
  return rows.map((r, i) => ({ ...r, name: networks[i].name }))
}

export function reportCsv(rows: Awaited<ReturnType<typeof municipalityNetworkReport>>, headers: string[]) {
  // Semicolons and a BOM for Norwegian Excel, formula-safe cells; lists inside a cell are quoted.
  const data = rows.map((r) => [r.name, r.meetingsHeld, r.attendanceRate === null ? '' : Math.round(r.attendanceRate * 100), r.absentLastN.map((p) => p.name).join(', '), r.topics.join(', ')])
  return `\uFEFF${Papa.unparse([headers, ...data].map((row) => row.map(safeCell)), { delimiter: ';', newline: '\r\n' })}\r\n`
}
