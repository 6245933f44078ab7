// Pure rules for network meetings: the suggested rhythm and the report.

/** Adds whole months in UTC, keeping the day where the month has it (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime())
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

/**
 * The suggested date of the next meeting: `rhythmMonths` after the latest
 * meeting (every second month by default), never in the past: when that date
 * has gone by, the first step of the rhythm after `now` (at least a week ahead,
 * so the reminder can go out).
 */
export function suggestNextMeeting(last: Date | null, rhythmMonths: number, now: Date): Date {
  const months = Math.max(1, Math.min(12, Math.round(rhythmMonths) || 2))
  const earliest = now.getTime() + 7 * 86_400_000
  if (!last) return addMonths(now, months)
  let next = addMonths(last, months)
  for (let i = 0; next.getTime() < earliest && i < 240; i++) next = addMonths(next, months)
  return next
}

export type ReportMeeting = { id: string; networkId: string; startsAt: Date; durationMinutes: number; topic: string }
export type ReportMember = { networkId: string; userId: string; name: string; joinedAt: Date | null; leftAt: Date | null }
export type ReportAttendance = { meetingId: string; userId: string; minutesPresent: number }

export type NetworkReportRow = {
  networkId: string
  meetingsHeld: number
  /** Present member-meetings / possible member-meetings, 0..1, null with no meetings. */
  attendanceRate: number | null
  /** Active members with no minutes at any of the last N meetings held (at least N held). */
  absentLastN: { userId: string; name: string }[]
  topics: string[]
}

/** Whether a member belonged to the network when a meeting took place. */
function memberAt(m: ReportMember, at: Date) {
  if (m.joinedAt && m.joinedAt.getTime() > at.getTime()) return false
  if (m.leftAt && m.leftAt.getTime() < at.getTime()) return false
  return true
}

/**
 * The programme lead's report, per network, for meetings held in the period
 * (`meetings` already filtered to it and to the past). Attendance rate counts
 * only people who were members on the day.
 */
export function networkReport(
  networkIds: readonly string[],
  meetings: readonly ReportMeeting[],
  members: readonly ReportMember[],
  attendance: readonly ReportAttendance[],
  lastN: number,
  /** Present member-meetings per network when counted by the database; then `attendance` need only cover the last N meetings. */
  cameByNetwork?: ReadonlyMap<string, number>,
): NetworkReportRow[] {
  const present = new Set(attendance.filter((a) => a.minutesPresent > 0).map((a) => `${a.meetingId}|${a.userId}`))
  const meetingsBy = new Map<string, ReportMeeting[]>()
  for (const m of meetings) (meetingsBy.get(m.networkId) ?? meetingsBy.set(m.networkId, []).get(m.networkId)!).push(m)
  const membersBy = new Map<string, ReportMember[]>()
  for (const m of members) (membersBy.get(m.networkId) ?? membersBy.set(m.networkId, []).get(m.networkId)!).push(m)
  return networkIds.map((networkId) => {
    const held = (meetingsBy.get(networkId) ?? []).slice().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    const people = membersBy.get(networkId) ?? []
    let possible = 0
    let came = 0
    for (const meeting of held) {
      for (const p of people) {
        if (!memberAt(p, meeting.startsAt)) continue
        possible++
        if (!cameByNetwork && present.has(`${meeting.id}|${p.userId}`)) came++
      }
    }
    if (cameByNetwork) came = cameByNetwork.get(networkId) ?? 0
    const n = Math.max(1, Math.round(lastN))
    const recent = held.slice(-n)
    const absentLastN =
      recent.length < n
        ? []
        : people
            .filter((p) => !p.leftAt && recent.every((m) => !memberAt(p, m.startsAt) || !present.has(`${m.id}|${p.userId}`)) && recent.some((m) => memberAt(p, m.startsAt)))
            .map((p) => ({ userId: p.userId, name: p.name }))
    const topics = [...new Set(held.map((m) => m.topic.trim()).filter(Boolean))]
    return { networkId, meetingsHeld: held.length, attendanceRate: possible ? came / possible : null, absentLastN, topics }
  })
}
