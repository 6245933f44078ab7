import { describe, expect, it } from 'vitest'
import { checkSchedule, minutesBetween, osloInstant, osloParts, suggestSchedule } from '~/modules/curriculum/schedule.ts'
import { loadContent } from '~/modules/curriculum/content.server.ts'

describe('Oslo wall-clock time', () => {
  it('converts both ways in winter and summer', () => {
    expect(osloInstant('2018-01-11', '09:00').toISOString()).toBe('2018-01-11T08:00:00.000Z')
    expect(osloInstant('2018-06-19', '12:00').toISOString()).toBe('2018-06-19T10:00:00.000Z')
    expect(osloParts(new Date('2018-06-19T10:00:00Z'))).toEqual({ date: '2018-06-19', time: '12:00' })
  })

  it('counts real minutes across the autumn change', () => {
    // 28 October 2018: clocks went from 03:00 back to 02:00.
    expect(minutesBetween('2018-10-28', '01:00', '04:00')).toBe(240)
    expect(minutesBetween('2018-10-29', '01:00', '04:00')).toBe(180)
  })
})

describe('suggestSchedule', () => {
  const { content } = loadContent()
  const ntnu = content.curricula.find((c) => c.slug === 'ntnu-2018')!

  it('reproduces the 2018 dates for 2018', () => {
    const suggested = suggestSchedule(ntnu.sessions, 2018)
    expect(suggested.map((s) => s.date)).toEqual(ntnu.sessions.map((s) => s.referenceDate))
    expect(suggested[0]).toEqual({ date: '2018-01-11', start: '09:00', end: '16:00' })
    expect(suggested[1]).toEqual({ date: '2018-02-14', start: '12:00', end: '15:00' })
  })

  it('keeps the pattern in another year: kick-off in January, nothing in July, same weekdays', () => {
    const suggested = suggestSchedule(ntnu.sessions, 2027)
    expect(suggested[0].date).toBe('2027-01-14') // the 2nd Thursday, as 11 January 2018
    expect(suggested.map((s) => s.date.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06', '08', '09', '10', '11', '11', '12'])
    const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay()
    expect(suggested.map((s) => weekday(s.date))).toEqual(ntnu.sessions.map((s) => weekday(s.referenceDate)))
    expect(checkSchedule({ startsOn: '2027-01-01', endsOn: '2027-12-31' }, suggested)).toEqual([])
  })

  it('spreads sessions without reference dates monthly, skipping July', () => {
    const plain = Array.from({ length: 8 }, () => ({ kind: 'gathering', durationMinutes: 180 }))
    expect(suggestSchedule(plain, 2027).map((s) => s.date.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06', '08', '09'])
  })
})

describe('checkSchedule', () => {
  it('finds an end before the start, an overlap and a date outside the period', () => {
    const issues = checkSchedule({ startsOn: '2027-01-01', endsOn: '2027-06-30' }, [
      { date: '2027-01-14', start: '12:00', end: '11:00' },
      { date: '2027-02-11', start: '12:00', end: '15:00' },
      { date: '2027-02-11', start: '14:00', end: '16:00' },
      { date: '2027-08-12', start: '12:00', end: '15:00' },
    ])
    expect(issues).toEqual([
      { index: 0, field: 'end', message: 'schedule.endBeforeStart' },
      { index: 3, field: 'date', message: 'schedule.outsidePeriod' },
      { index: 2, field: 'start', message: 'schedule.overlap' },
    ])
  })
})
