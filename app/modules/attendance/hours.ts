// The hour rules, pure: what a mentor attended, what was possible for them,
// and whether they can still reach the requirement. Minutes are whole minutes;
// a gathering's duration is real elapsed time (a summer-time change included).

export type HoursGathering = { id: string; title?: string; startsAt: Date; durationMinutes: number }
export type HoursEnrolment = { joinedOn: Date; leftOn: Date | null }

export type HoursInput = {
  gatherings: HoursGathering[]
  enrolment: HoursEnrolment
  /** Minutes present per gathering id (recorded registers only). */
  attendance: ReadonlyMap<string, number>
  /** Minutes of make-up credits granted. */
  credits: readonly number[]
  requiredMinutes: number
  now: Date
}

export type Hours = {
  attendedMinutes: number
  creditedMinutes: number
  totalMinutes: number
  requiredMinutes: number
  /** Minutes of all gatherings held or planned while the mentor was enrolled. */
  possibleSinceJoinedMinutes: number
  /** Minutes of gatherings still to come while enrolled. */
  remainingPossibleMinutes: number
  eligible: boolean
  canStillReach: boolean
  /** Past gatherings in the mentor's enrolment where they had no minutes. */
  missed: HoursGathering[]
  /** Past gatherings in the enrolment where they were there only part of the time. */
  partial: HoursGathering[]
}

/** Minutes present, never below zero nor above the session's duration. */
export function capMinutes(minutes: number, durationMinutes: number): number {
  if (!Number.isFinite(minutes)) return 0
  return Math.min(Math.max(0, Math.round(minutes)), durationMinutes)
}

/** Whether a gathering falls inside the enrolment (joined on or before it, left on or after it). */
export function inEnrolment(g: HoursGathering, e: HoursEnrolment): boolean {
  const end = g.startsAt.getTime() + g.durationMinutes * 60_000
  if (end <= e.joinedOn.getTime()) return false
  if (e.leftOn && g.startsAt.getTime() > e.leftOn.getTime()) return false
  return true
}

export function computeHours(input: HoursInput): Hours {
  const { gatherings, enrolment, attendance, credits, requiredMinutes, now } = input
  let attendedMinutes = 0
  let possibleSinceJoinedMinutes = 0
  let remainingPossibleMinutes = 0
  const missed: HoursGathering[] = []
  const partial: HoursGathering[] = []
  for (const g of gatherings) {
    const recorded = attendance.get(g.id)
    const minutes = recorded === undefined ? 0 : capMinutes(recorded, g.durationMinutes)
    // Minutes recorded are counted even outside the enrolment window (a guest who came).
    attendedMinutes += minutes
    if (!inEnrolment(g, enrolment)) continue
    possibleSinceJoinedMinutes += g.durationMinutes
    const past = g.startsAt.getTime() + g.durationMinutes * 60_000 <= now.getTime()
    if (!past) {
      if (recorded === undefined) remainingPossibleMinutes += g.durationMinutes
      continue
    }
    if (minutes === 0) missed.push(g)
    else if (minutes < g.durationMinutes) partial.push(g)
  }
  const creditedMinutes = credits.reduce((sum, m) => sum + Math.max(0, Math.round(m)), 0)
  const totalMinutes = attendedMinutes + creditedMinutes
  return {
    attendedMinutes,
    creditedMinutes,
    totalMinutes,
    requiredMinutes,
    possibleSinceJoinedMinutes,
    remainingPossibleMinutes,
    eligible: totalMinutes >= requiredMinutes,
    canStillReach: totalMinutes + remainingPossibleMinutes >= requiredMinutes,
    missed,
    partial,
  }
}

/** Minutes between an arrival and a departure, clipped to the session. */
export function minutesFromTimes(session: { startsAt: Date; durationMinutes: number }, arrived: Date | null, left: Date | null): number {
  const start = session.startsAt.getTime()
  const end = start + session.durationMinutes * 60_000
  const from = Math.max(start, arrived ? arrived.getTime() : start)
  const to = Math.min(end, left ? left.getTime() : end)
  return capMinutes((to - from) / 60_000, session.durationMinutes)
}

/**
 * Recorded minutes after a gathering's length changed (the coordinator chose to
 * rescale): present stays present for the new length, absent stays absent, a
 * partial attendance keeps its share of the session.
 */
export function rescaleMinutes(minutes: number, oldDurationMinutes: number, newDurationMinutes: number): number {
  if (oldDurationMinutes <= 0 || minutes <= 0) return 0
  if (minutes >= oldDurationMinutes) return newDurationMinutes
  return capMinutes((minutes * newDurationMinutes) / oldDurationMinutes, newDurationMinutes)
}

/** The status that goes with a number of minutes in a session of a given length. */
export function statusForMinutes(minutes: number, durationMinutes: number): 'present' | 'partial' | 'absent' {
  return minutes >= durationMinutes ? 'present' : minutes <= 0 ? 'absent' : 'partial'
}
