import { describe, expect, it } from 'vitest'
import { isoDay, monthsBefore, planEnd, RETENTION_KEYS, RETENTION_RULES } from '~/modules/privacy/retention.ts'

describe('retention rules', () => {
  it('have one rule per kind, each a positive number of months', () => {
    expect(RETENTION_RULES.map((r) => r.key).sort()).toEqual([...RETENTION_KEYS].sort())
    for (const r of RETENTION_RULES) expect(r.months).toBeGreaterThan(0)
    expect(RETENTION_RULES.find((r) => r.key === 'inactiveAccounts')!.action).toBe('anonymise')
  })

  it('count calendar months back, the 31st becoming the month’s last day', () => {
    expect(monthsBefore(new Date('2026-12-01T12:00:00Z'), 24).toISOString()).toBe('2024-12-01T12:00:00.000Z')
    expect(isoDay(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1))).toBe('2026-02-28')
    expect(isoDay(monthsBefore(new Date('2024-05-31T00:00:00Z'), 3))).toBe('2024-02-29')
    expect(isoDay(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13))).toBe('2024-12-15')
  })

  it('end a plan when it was ended, else a year after it started', () => {
    expect(planEnd({ startDate: '2025-03-10', endedOn: '2025-06-01' })).toBe('2025-06-01')
    expect(planEnd({ startDate: '2025-03-10', endedOn: null })).toBe('2026-03-10')
    expect(planEnd({ startDate: '2024-02-29', endedOn: null })).toBe('2025-02-28')
  })
})
