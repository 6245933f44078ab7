import { describe, expect, it } from 'vitest'
import { addMonthsIso, monthsOfService, retentionAt, retentionTable, serviceBand, turnoverTable, type Leaver, type Starter } from '~/modules/outcomes/retention.ts'
import { median, nationalTable } from '~/modules/outcomes/national.ts'
import { suppressColumn, suppressMeasure } from '~/modules/outcomes/suppression.ts'

const TODAY = '2019-03-01'

describe('retention with incomplete follow-up', () => {
  const starters: Starter[] = [
    // followed a full year, still employed
    { unitId: 'a', startedOn: '2018-01-10', leftOn: null, mentored: true },
    // left after three months: known not retained at 6, 12 and 24 months
    { unitId: 'a', startedOn: '2018-02-01', leftOn: '2018-05-01', mentored: false },
    // left after 8 months: retained at 6, not at 12
    { unitId: 'b', startedOn: '2018-01-15', leftOn: '2018-09-20', mentored: true },
    // started in October: 6 months not reached yet, still employed → in follow-up
    { unitId: 'b', startedOn: '2018-10-01', leftOn: null, mentored: false },
    // left in month 2 although the horizon has not passed: still known
    { unitId: 'b', startedOn: '2018-12-01', leftOn: '2019-02-01', mentored: false },
    // starts in the future: not counted at all
    { unitId: 'a', startedOn: '2019-06-01', leftOn: null, mentored: true },
  ]

  it('counts only those followed long enough, and says how many are still in follow-up', () => {
    expect(retentionAt(starters, 6, TODAY)).toEqual({ eligible: 4, retained: 2, inFollowUp: 1, share: 0.5 })
    expect(retentionAt(starters, 12, TODAY)).toEqual({ eligible: 4, retained: 1, inFollowUp: 1, share: 0.25 })
    // nobody has been followed 24 months; the three leavers are known
    expect(retentionAt(starters, 24, TODAY)).toEqual({ eligible: 3, retained: 0, inFollowUp: 2, share: 0 })
    expect(retentionAt([], 12, TODAY).share).toBeNull()
  })

  it('the horizon day itself counts as reached', () => {
    const s: Starter = { unitId: 'a', startedOn: '2018-03-01', leftOn: null, mentored: true }
    expect(retentionAt([s], 12, '2019-03-01')).toMatchObject({ eligible: 1, retained: 1 })
    expect(retentionAt([s], 12, '2019-02-28')).toMatchObject({ eligible: 0, inFollowUp: 1 })
    // leaving on the horizon day: was employed for the full 12 months
    expect(retentionAt([{ ...s, leftOn: '2019-03-01' }], 12, '2019-06-01')).toMatchObject({ eligible: 1, retained: 1 })
  })

  it('per unit and in total, mentored against not mentored, within a period', () => {
    const t = retentionTable(starters, { today: TODAY, from: '2018-01-01', to: '2018-12-31', unitIds: ['a', 'b', 'c'] })
    expect(t.rows.map((r) => [r.unitId, r.starters])).toEqual([['a', 2], ['b', 3]])
    expect(t.total.starters).toBe(5)
    expect(t.total.groups.mentored[6]).toEqual({ eligible: 2, retained: 2, inFollowUp: 0, share: 1 })
    expect(t.total.groups.notMentored[6]).toEqual({ eligible: 2, retained: 0, inFollowUp: 1, share: 0 })
    const b = t.rows[1]
    expect(b.groups.all[12]).toEqual({ eligible: 2, retained: 0, inFollowUp: 1, share: 0 })
  })
})

describe('dates', () => {
  it('adds months clamped to the month end and counts whole months of service', () => {
    expect(addMonthsIso('2018-01-31', 1)).toBe('2018-02-28')
    expect(addMonthsIso('2019-08-15', 6)).toBe('2020-02-15')
    expect(monthsOfService('2018-01-15', '2018-07-14')).toBe(5)
    expect(monthsOfService('2018-01-15', '2018-07-15')).toBe(6)
    expect(serviceBand('2018-01-15', '2018-07-14')).toBe('lt6')
    expect(serviceBand('2018-01-15', '2018-07-15')).toBe('6to12')
    expect(serviceBand('2017-01-15', '2018-01-15')).toBe('12to24')
    expect(serviceBand('2010-01-01', '2017-06-01')).toBe('gt24')
  })
})

describe('turnover by length of service (Table 1 of the 2018 report)', () => {
  // The six pilot units in 2017; Bergheim's two left after 7 and 10 years.
  const units = ['dragvoll', 'ilsvika', 'zion', 'munkvoll', 'bergheim', 'valentinlyst']
  const L = (unitId: string, startedOn: string, leftOn: string, reason = 'other_job'): Leaver => ({ unitId, startedOn, leftOn, reason })
  const leavers: Leaver[] = [
    L('dragvoll', '2017-01-02', '2017-04-01', 'temporary_ended'),
    L('dragvoll', '2017-02-01', '2017-06-01', 'temporary_ended'),
    L('dragvoll', '2017-03-01', '2017-07-01'),
    L('ilsvika', '2016-11-01', '2017-06-01'),
    L('zion', '2017-01-01', '2017-03-01'),
    L('zion', '2017-02-01', '2017-05-01'),
    L('zion', '2016-10-01', '2017-06-01'),
    L('munkvoll', '2017-03-01', '2017-06-01'),
    L('bergheim', '2010-01-01', '2017-03-01', 'moved'),
    L('bergheim', '2007-01-01', '2017-09-01'),
    L('valentinlyst', '2016-09-01', '2017-05-01'),
    L('valentinlyst', '2016-08-01', '2017-04-01'),
    // left out: a retirement and another year
    L('bergheim', '1985-01-01', '2017-10-01', 'retirement'),
    L('zion', '2017-01-01', '2018-02-01'),
  ]

  it('counts leavers per unit by band and estimates 82 a year for 41 units', () => {
    const t = turnoverTable(leavers, { year: 2017, unitIds: units, unitsInMunicipality: 41 })
    const row = (id: string) => t.rows.find((r) => r.unitId === id)!
    expect(row('dragvoll').bands).toEqual({ lt6: 3, '6to12': 0, '12to24': 0, gt24: 0 })
    expect(row('zion').bands).toEqual({ lt6: 2, '6to12': 1, '12to24': 0, gt24: 0 })
    expect(row('bergheim').bands).toEqual({ lt6: 0, '6to12': 0, '12to24': 0, gt24: 2 })
    expect(row('bergheim').retirements).toBe(1)
    expect(t.total.total).toBe(12)
    expect(t.perUnit).toBe(2)
    expect(t.estimate).toBe(82)
  })

  it('gives no estimate when every unit is counted', () => {
    const t = turnoverTable(leavers, { year: 2017, unitIds: units, unitsInMunicipality: 6 })
    expect(t.estimate).toBeNull()
  })
})

describe('small-cell suppression', () => {
  it('hides cells under 5', () => {
    expect(suppressColumn([12, 7, 30]).hidden).toEqual([false, false, false])
    expect(suppressColumn([12, 3, 4, 30]).hidden).toEqual([false, true, true, false])
  })

  it('hides a second cell when one hidden cell could be recovered from the total', () => {
    // 12 + ? + 8 + 20 = 43 would give the 3 away: the smallest other cell (8) is hidden too.
    const r = suppressColumn([12, 3, 8, 20])
    expect(r.hidden).toEqual([false, true, true, false])
    expect(r.totalHidden).toBe(false)
    const shown = [12, 3, 8, 20].filter((_, i) => !r.hidden[i])
    // No hidden cell is determined: at least two unknowns remain in the sum.
    expect(r.hidden.filter(Boolean).length).toBeGreaterThanOrEqual(2)
    expect(shown.reduce((s, n) => s + n, 0)).toBe(32)
  })

  it('hides a total under 5 and needs no second cell then', () => {
    expect(suppressColumn([1, 2])).toEqual({ hidden: [true, true], totalHidden: true })
    expect(suppressColumn([3]).hidden).toEqual([true])
  })

  it('suppresses a measure by the number of people behind each value', () => {
    const r = suppressMeasure([
      { value: 0.8, n: 40 },
      { value: 1, n: 2 },
      { value: 0.5, n: 10 },
      { value: 0.7, n: 30 },
    ])
    expect(r.cells.map((c) => c.value)).toEqual([0.8, null, null, 0.7])
  })
})

describe('national table', () => {
  const stat = (id: string, certified: number, mentors: number, plans: number, eligible: number) => ({
    municipalityId: id,
    name: id,
    programmes: 1,
    certified,
    mentorMinutes: Array.from({ length: mentors }, (_, i) => 2000 + i * 60),
    plans,
    belowPlan: Math.floor(plans / 2),
    eligible12: eligible,
    retained12: eligible,
  })
  it('hides a small municipality and a second one so the total does not give it away', () => {
    const { rows, total } = nationalTable([stat('big', 40, 40, 30, 20), stat('small', 3, 3, 2, 1), stat('mid', 12, 12, 9, 8)])
    const small = rows[1]
    expect(small.certified.value).toBeNull()
    expect(small.medianHours.value).toBeNull()
    expect(small.retention12.value).toBeNull()
    // secondary: the smaller of the others ('mid') is hidden too in every column
    expect(rows[2].certified.hidden).toBe(true)
    expect(rows[2].belowPlanShare.hidden).toBe(true)
    expect(rows[0].certified.value).toBe(40)
    expect(total.certified.value).toBe(55)
    expect(total.programmes).toBe(3)
    expect(median([1, 3, 2, 10])).toBe(2.5)
  })
})
