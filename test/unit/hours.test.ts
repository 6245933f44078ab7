import { describe, expect, it } from 'vitest'
import { capMinutes, computeHours, minutesFromTimes, rescaleMinutes, statusForMinutes, type HoursGathering } from '~/modules/attendance/hours.ts'
import { minutesBetween, osloInstant } from '~/modules/curriculum/schedule.ts'

// The 2018 programme: kick-off and seminar 7 h, ten gatherings of 3 h = 44 h.
const DATES: [string, string, string][] = [
  ['2018-01-11', '09:00', '16:00'], ['2018-02-14', '12:00', '15:00'], ['2018-03-22', '12:00', '15:00'], ['2018-04-19', '12:00', '15:00'],
  ['2018-05-15', '12:00', '15:00'], ['2018-06-19', '12:00', '15:00'], ['2018-08-21', '12:00', '15:00'], ['2018-09-27', '12:00', '15:00'],
  ['2018-10-16', '12:00', '15:00'], ['2018-11-02', '09:00', '16:00'], ['2018-11-07', '12:00', '15:00'], ['2018-12-06', '12:00', '15:00'],
]
const gatherings: HoursGathering[] = DATES.map(([d, s, e], i) => ({ id: `g${i + 1}`, startsAt: osloInstant(d, s), durationMinutes: minutesBetween(d, s, e) }))
const REQUIRED = 44 * 60
const all = (minutes?: (g: HoursGathering) => number) => new Map(gatherings.map((g) => [g.id, minutes ? minutes(g) : g.durationMinutes]))
const enrolled = { joinedOn: osloInstant('2018-01-11', '00:00'), leftOn: null }
const endOfYear = new Date('2019-01-01T00:00:00Z')

describe('hours toward the requirement', () => {
  it('a mentor present at everything has 44 of 44 hours', () => {
    const h = computeHours({ gatherings, enrolment: enrolled, attendance: all(), credits: [], requiredMinutes: REQUIRED, now: endOfYear })
    expect(h).toMatchObject({ attendedMinutes: REQUIRED, totalMinutes: REQUIRED, possibleSinceJoinedMinutes: REQUIRED, eligible: true, missed: [] })
  })

  it('judges a late joiner by what was possible since joining', () => {
    const late = { joinedOn: osloInstant('2018-08-21', '00:00'), leftOn: null }
    const attendance = new Map(gatherings.slice(6).map((g) => [g.id, g.durationMinutes]))
    const h = computeHours({ gatherings, enrolment: late, attendance, credits: [], requiredMinutes: REQUIRED, now: endOfYear })
    expect(h.possibleSinceJoinedMinutes).toBe(22 * 60) // 3+3+3+7+3+3
    expect(h.attendedMinutes).toBe(22 * 60)
    expect(h.missed).toEqual([])
    expect(h.eligible).toBe(false)
    expect(h.canStillReach).toBe(false)
  })

  it('stops counting what was possible when a mentor leaves', () => {
    const leaver = { joinedOn: enrolled.joinedOn, leftOn: osloInstant('2018-05-31', '23:59') }
    const h = computeHours({ gatherings, enrolment: leaver, attendance: new Map([['g1', 420], ['g2', 180]]), credits: [], requiredMinutes: REQUIRED, now: endOfYear })
    expect(h.possibleSinceJoinedMinutes).toBe(7 * 60 + 4 * 180)
    expect(h.missed.map((g) => g.id)).toEqual(['g3', 'g4', 'g5'])
    expect(h.remainingPossibleMinutes).toBe(0)
  })

  it('adds make-up credits, and caps minutes at the duration', () => {
    const attendance = all((g) => (g.id === 'g2' ? 999 : g.id === 'g3' ? 0 : g.durationMinutes))
    const h = computeHours({ gatherings, enrolment: enrolled, attendance, credits: [180], requiredMinutes: REQUIRED, now: endOfYear })
    expect(h.attendedMinutes).toBe(REQUIRED - 180)
    expect(h.creditedMinutes).toBe(180)
    expect(h.totalMinutes).toBe(REQUIRED)
    expect(h.eligible).toBe(true)
    expect(h.missed.map((g) => g.id)).toEqual(['g3'])
    expect(capMinutes(-5, 180)).toBe(0)
    expect(capMinutes(200.4, 180)).toBe(180)
  })

  it('tells whether the requirement can still be reached mid-year', () => {
    const now = osloInstant('2018-09-01', '12:00')
    const attendance = new Map(gatherings.filter((g) => g.startsAt < now).map((g) => [g.id, g.id === 'g2' || g.id === 'g3' ? 0 : g.durationMinutes]))
    const h = computeHours({ gatherings, enrolment: enrolled, attendance, credits: [], requiredMinutes: REQUIRED, now })
    expect(h.remainingPossibleMinutes).toBe(4 * 180 + 420)
    expect(h.totalMinutes).toBe(420 + 4 * 180)
    expect(h.canStillReach).toBe(false)
    expect(computeHours({ gatherings, enrolment: enrolled, attendance, credits: [], requiredMinutes: 38 * 60, now }).canStillReach).toBe(true)
  })

  it('counts real minutes for a session across the change from summer time', () => {
    // 28 October 2018 01:00–04:00 Oslo time lasted four hours.
    const night: HoursGathering = { id: 'night', startsAt: osloInstant('2018-10-28', '01:00'), durationMinutes: minutesBetween('2018-10-28', '01:00', '04:00') }
    expect(night.durationMinutes).toBe(240)
    // Arriving at 02:30 (the first time, in summer time): 30 min, the repeated hour, and 03:00–04:00.
    expect(minutesFromTimes(night, osloInstant('2018-10-28', '02:30'), null)).toBe(150)
    expect(minutesFromTimes(night, null, osloInstant('2018-10-28', '01:30'))).toBe(30)
    expect(minutesFromTimes(night, osloInstant('2018-10-27', '23:00'), osloInstant('2018-10-28', '05:00'))).toBe(240)
  })
})

describe('rescaling recorded minutes to a new length', () => {
  it('keeps present present, absent absent and a part its share', () => {
    expect(rescaleMinutes(180, 180, 240)).toBe(240)
    expect(rescaleMinutes(0, 180, 240)).toBe(0)
    expect(rescaleMinutes(90, 180, 240)).toBe(120)
    expect(rescaleMinutes(90, 180, 60)).toBe(30)
    expect(statusForMinutes(240, 240)).toBe('present')
    expect(statusForMinutes(0, 240)).toBe('absent')
    expect(statusForMinutes(120, 240)).toBe('partial')
  })
})
