import { describe, expect, it } from 'vitest'
import { planAdherence, sortRows, summarise } from '~/modules/mentee-plans/adherence.ts'
import { addMonths, generateItems, planWeek } from '~/modules/mentee-plans/schedule.ts'
import { loadPlanTemplates } from '~/modules/mentee-plans/templates.server.ts'

const { templates, errors } = loadPlanTemplates()
const template = (slug: string) => templates.find((t) => t.slug === slug)!
// A Wednesday, so week boundaries are not the start date itself.
const START = '2018-08-15'

const of = (items: ReturnType<typeof generateItems>, kind: string) => items.filter((i) => i.kind === kind)

describe('plan templates in content/', () => {
  it('load without errors: Trondheim, Farsund and Kristiansand in nb, nn and en', () => {
    expect(errors).toEqual([])
    expect(templates.map((t) => t.slug)).toEqual(['farsund', 'kristiansand', 'trondheim'])
    for (const t of templates) expect(Object.keys(t.text)).toEqual(['nb', 'nn', 'en'])
  })
})

describe('week arithmetic', () => {
  it('week 1 is the week containing the start date', () => {
    expect(planWeek(START, '2018-08-13')).toBe(1) // Monday of that week
    expect(planWeek(START, '2018-08-19')).toBe(1) // Sunday
    expect(planWeek(START, '2018-08-20')).toBe(2)
  })
  it('adds months without overflowing short months', () => {
    expect(addMonths('2018-01-31', 1)).toBe('2018-02-28')
    expect(addMonths('2018-08-15', 5)).toBe('2019-01-15')
  })
})

describe('Trondheim template', () => {
  const items = generateItems(template('trondheim'), START)
  it('has 19 conversations in the logged weeks', () => {
    const conv = of(items, 'conversation')
    expect(conv).toHaveLength(19)
    expect(conv.map((c) => c.week)).toEqual([3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 22, 26, 30, 34, 38, 42, 46, 50, 52])
    for (const c of conv) expect(planWeek(START, c.plannedDate)).toBe(c.week)
    expect(conv[0].plannedDate).toBe('2018-08-29')
  })
  it('has 10 training shifts, 3 with the mentor (start, middle, end)', () => {
    const shifts = of(items, 'training_shift')
    expect(shifts).toHaveLength(10)
    expect(shifts.filter((s) => s.withMentor).map((s) => s.seq)).toEqual([1, 5, 10])
    expect(shifts[0].plannedDate).toBe(START)
  })
  it('has probation talks at 14 days, 3 and 5 months', () => {
    expect(of(items, 'probation_talk').map((p) => p.plannedDate)).toEqual(['2018-08-29', '2018-11-15', '2019-01-15'])
    expect(of(items, 'leader_mentor')).toHaveLength(0)
  })
})

describe('Farsund template', () => {
  const items = generateItems(template('farsund'), START)
  it('has four weekly talks in weeks 3–8 and fortnightly talks to week 22', () => {
    const conv = of(items, 'conversation')
    expect(conv.map((c) => c.week)).toEqual([3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 22])
    expect(conv.filter((c) => c.week <= 8 && c.week >= 3 && c.expectedMinutes === 30).length).toBeGreaterThanOrEqual(4)
    expect(conv.filter((c) => c.week >= 8).map((c) => c.expectedMinutes)).toEqual([15, 15, 15, 15, 15, 15, 15, 15])
  })
  it('has at least 10 training days, probation talks at 14 days, 2 and 6 months, leader–mentor meetings at 2 and 4 months', () => {
    expect(of(items, 'training_shift').length).toBeGreaterThanOrEqual(10)
    expect(of(items, 'probation_talk').map((p) => p.plannedDate)).toEqual(['2018-08-29', '2018-10-15', '2019-02-15'])
    expect(of(items, 'leader_mentor').map((p) => p.plannedDate)).toEqual(['2018-10-15', '2018-12-15'])
  })
})

describe('Kristiansand template', () => {
  const items = generateItems(template('kristiansand'), START)
  it('has weekly talks in weeks 3–6, fortnightly in 7–18, monthly in 19–52', () => {
    const weeks = of(items, 'conversation').map((c) => c.week)
    expect(weeks).toEqual([3, 4, 5, 6, 7, 9, 11, 13, 15, 17, 20, 24, 28, 32, 36, 40, 44, 48, 52])
  })
  it('has 10 training shifts, 3 with the mentor, and probation talks at 14 days, 2 months and 4½ months', () => {
    expect(of(items, 'training_shift').filter((s) => s.withMentor)).toHaveLength(3)
    const talks = of(items, 'probation_talk').map((p) => p.plannedDate)
    expect(talks).toEqual(['2018-08-29', '2018-10-15', '2018-12-29'])
  })
})

describe('adherence', () => {
  const items = generateItems(template('trondheim'), START).map((i, n) => ({ ...i, id: String(n), heldDate: null as string | null }))
  it('counts planned conversations so far, held, overdue and next due', () => {
    const today = '2018-09-20' // week 6: the conversations of weeks 3–6 are past
    const a = planAdherence(items, today)
    expect(a.plannedSoFar).toBe(4)
    expect(a.held).toBe(0)
    expect(a.belowPlan).toBe(true)
    expect(a.overdue.some((i) => i.kind === 'conversation' && i.week === 3)).toBe(true)
    expect(a.nextDue).toMatchObject({ kind: 'conversation', week: 8, plannedDate: '2018-10-03' })
  })
  it('a moved item is no longer overdue and counts at its new date', () => {
    const today = '2018-09-03' // week 4: only week 3's conversation (29 Aug) is past
    const moved = items.map((i) => (i.kind === 'conversation' && i.week === 3 ? { ...i, plannedDate: '2018-09-10' } : i))
    const before = planAdherence(items, today)
    const after = planAdherence(moved, today)
    expect(before.overdue.filter((i) => i.kind === 'conversation')).toHaveLength(1)
    expect(after.overdue.filter((i) => i.kind === 'conversation')).toHaveLength(0)
    expect(after.plannedSoFar).toBe(before.plannedSoFar - 1)
  })
  it('a plan ended early stops counting as overdue and counts only what was planned before the end', () => {
    const a = planAdherence(items, '2019-03-01', '2018-10-01')
    expect(a.overdue).toEqual([])
    expect(a.nextDue).toBeNull()
    expect(a.plannedSoFar).toBe(4) // weeks 3–6 are before 1 Oct; week 8 (3 Oct) is after
  })
})

describe('Table 4 (2018 report)', () => {
  // Planned per the plan vs held, as reported for 14 mentees (HVS, then home care).
  // Where the report gives a range ("5-6", "ca 11", "10-15") the upper value is used.
  const table4 = [
    [5, 0], [9, 6], [4, 4], [9, 2], [10, 2], [7, 8], [9, 4],
    [5, 1], [9, 6], [3, 1], [7, 7], [11, 11], [14, 15], [11, 5],
  ].map(([planned, held], i) => ({ name: `Mentee ${i + 1}`, unit: i < 7 ? 'HVS' : 'Home care', planned, held, overdue: 0 }))
  it('says 9 of 14 below plan', () => {
    expect(summarise(table4)).toEqual({ total: 14, below: 9, share: 9 / 14 })
  })
  it('sorts by the gap between planned and held', () => {
    const sorted = sortRows(table4, 'gap', 'desc')
    expect(sorted[0]).toMatchObject({ planned: 10, held: 2 })
    expect(sorted.at(-1)).toMatchObject({ planned: 7, held: 8 })
  })
})
