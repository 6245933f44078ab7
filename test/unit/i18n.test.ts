import { describe, expect, it } from 'vitest'
import { createT, dictionaries, translate } from '~/i18n/index.ts'
import { formatDateTime, formatTime, sortByName } from '~/utils/format.ts'

const { nb, nn, en } = dictionaries

describe('dictionaries', () => {
  it('have the same keys and no empty texts', () => {
    const keys = Object.keys(nb).sort()
    for (const dict of [nn, en]) expect(Object.keys(dict).sort()).toEqual(keys)
    for (const dict of [nb, nn, en]) for (const [k, v] of Object.entries(dict)) expect(v.trim(), k).not.toBe('')
  })

  it('keep the same placeholders in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      expect(placeholders(nn[key]), key).toEqual(placeholders(nb[key]))
      expect(placeholders(en[key]), key).toEqual(placeholders(nb[key]))
    }
  })

  it('fill in variables', () => {
    expect(translate('en', 'users.invited', { email: 'a@b.no' })).toBe('Invitation sent to a@b.no.')
    expect(createT('nn')('common.pageOf', { page: 2, pages: 3 })).toBe('Side 2 av 3')
  })
})

describe('dates in Europe/Oslo', () => {
  it('shows UTC instants in Norwegian time, across summer time', () => {
    // 11 January 2018 09:00 Oslo = 08:00 UTC (winter); 19 June 2018 12:00 Oslo = 10:00 UTC (summer)
    expect(formatTime(new Date('2018-01-11T08:00:00Z'), 'nb')).toBe('09:00')
    expect(formatTime(new Date('2018-06-19T10:00:00Z'), 'nb')).toBe('12:00')
    expect(formatDateTime(new Date('2018-10-28T00:30:00Z'), 'en')).toContain('02:30')
  })

  it('sorts names with Æ, Ø and Å after Z', () => {
    const names = ['Åse', 'Zahl', 'Ærø', 'Aune', 'Øverås', 'Berg']
    expect(sortByName(names, (n) => n)).toEqual(['Aune', 'Berg', 'Zahl', 'Ærø', 'Øverås', 'Åse'])
  })
})

describe('enum labels', () => {
  it('labels a known value through its message and passes an unknown one through', async () => {
    const { enumLabel, translatorFor } = await import('~/i18n/lang.ts')
    const t = translatorFor(nn)
    expect(enumLabel(t, 'absence.reason', ['work', 'family', 'leave', 'other'] as const, 'work')).toBe(nn['absence.reason.work'])
    expect(enumLabel(t, 'absence.reason', ['work', 'family', 'leave', 'other'] as const, 'sick')).toBe('sick')
  })
})
