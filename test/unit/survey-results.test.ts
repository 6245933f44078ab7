import { describe, expect, it } from 'vitest'
import { median, questionResult, roundResults, shuffled, suppressedGroups, type ResponseRow } from '~/modules/outcomes/survey-results.ts'
import type { SurveyQuestion } from '~/modules/outcomes/survey-schema.ts'
import { answerSchema } from '~/modules/outcomes/survey-schemas.ts'

const text = (label: string) => ({ nb: { label }, nn: { label }, en: { label } })
const scale: SurveyQuestion = { key: 'useful', type: 'scale', required: true, text: text('Nyttig?') }
const multiple: SurveyQuestion = { key: 'helped', type: 'multiple', options: ['a', 'b'], required: true, text: text('Hva hjalp?') }
const number: SurveyQuestion = { key: 'talks', type: 'number', min: 0, max: 60, bins: [0, 5, 10], required: true, text: text('Samtaler?') }
const free: SurveyQuestion = { key: 'more', type: 'text', required: false, text: text('Mer?') }
const labels = { option: (_q: SurveyQuestion, o: string) => o.toUpperCase(), bin: (from: number, to: number | null) => (to === null ? `${from}+` : `${from}–${to}`) }
const row = (subgroup: string, answers: ResponseRow['answers'], name: string | null = null): ResponseRow => ({ subgroup, answers, name })

describe('suppression of small groups', () => {
  it('hides groups under the threshold', () => {
    expect([...suppressedGroups([{ key: 'a', n: 7 }, { key: 'b', n: 6 }, { key: 'c', n: 8 }], 5)]).toEqual([])
    expect([...suppressedGroups([{ key: 'a', n: 3 }, { key: 'b', n: 6 }, { key: 'c', n: 8 }], 5)].sort()).toEqual(['a', 'b'])
  })
  it('hides a second group when the total would give the first away', () => {
    // total 14 shown: with only "small" hidden, 14 − 9 would reveal it.
    expect([...suppressedGroups([{ key: 'small', n: 2 }, { key: 'big', n: 12 }], 5)].sort()).toEqual(['big', 'small'])
  })
  it('needs no second group when the hidden ones together reach the threshold', () => {
    expect([...suppressedGroups([{ key: 'a', n: 3 }, { key: 'b', n: 3 }, { key: 'c', n: 9 }], 5)].sort()).toEqual(['a', 'b'])
  })
  it('hides the smallest shown group first', () => {
    expect([...suppressedGroups([{ key: 'a', n: 1 }, { key: 'b', n: 9 }, { key: 'c', n: 6 }], 5)].sort()).toEqual(['a', 'c'])
  })
})

describe('round results', () => {
  it('show nothing under the threshold', () => {
    const rows = [1, 2, 3, 4].map((n) => row('hvs', { useful: n }))
    expect(roundResults([scale], rows, 5, labels, { anonymous: true })).toEqual({ visible: false, answered: 4, threshold: 5 })
  })
  it('count each answer, the mean of a scale and the median of a number in bins', () => {
    const rows = [1, 2, 2, 5, 5, 5].map((n, i) => row(i < 3 ? 'hvs' : 'home_care', { useful: n, talks: [0, 4, 5, 9, 12, 30][i], helped: i % 2 ? ['a', 'b'] : ['b'] }))
    const r = roundResults([scale, number, multiple], rows, 3, labels, { anonymous: true })
    if (!r.visible) throw new Error('hidden')
    expect(r.questions[0].bars.map((b) => b.count)).toEqual([1, 2, 0, 0, 3])
    expect(r.questions[0].centre).toBe(3.3)
    expect(r.questions[1].bars.map((b) => [b.label, b.count])).toEqual([['0–4', 2], ['5–9', 2], ['10+', 2]])
    expect(r.questions[1].centre).toBe(7)
    expect(r.questions[2].bars.map((b) => [b.label, b.count, b.share])).toEqual([['A', 3, 0.5], ['B', 6, 1]])
    expect(r.subgroups).toEqual([
      { key: 'home_care', n: 3, hidden: false, means: { useful: 5 } },
      { key: 'hvs', n: 3, hidden: false, means: { useful: 1.7 } },
    ])
  })
  it('give free texts with names only when the round is not anonymous', () => {
    const rows = [row('hvs', { more: 'Mer tid' }, 'Kari'), row('hvs', { more: '' }, 'Ola')]
    expect(questionResult(free, rows, labels, { withTexts: true }).texts).toEqual([{ text: 'Mer tid', name: 'Kari' }])
    expect(questionResult(free, rows, labels, { withTexts: false }).texts).toEqual([])
  })
  it('compare with the previous round only when it passed the threshold itself', () => {
    const rows = [1, 1, 1].map((n) => row('hvs', { useful: n }))
    const few = roundResults([scale], rows, 3, labels, { anonymous: true, previous: [row('hvs', { useful: 5 })] })
    const enough = roundResults([scale], rows, 3, labels, { anonymous: true, previous: rows.map(() => row('hvs', { useful: 5 })) })
    expect(few.visible && few.questions[0].previousCentre).toBeNull()
    expect(enough.visible && enough.questions[0].bars[4].previousShare).toBe(1)
  })
})

describe('helpers', () => {
  it('median of odd, even and no values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
    expect(median([])).toBeNull()
  })
  it('shuffled draws each position from the random source', () => {
    expect(shuffled([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1])
    expect(shuffled([1, 2, 3, 4], (n) => n - 1)).toEqual([1, 2, 3, 4])
  })
  it('the answer form checks each question type', () => {
    const schema = answerSchema([scale, multiple, number, free])
    expect(schema.safeParse({ useful: '4', helped: 'a', talks: '12' }).data).toEqual({ useful: 4, helped: ['a'], talks: 12 })
    const bad = schema.safeParse({ useful: '6', talks: '61', more: 'x'.repeat(501) })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['useful', 'surveys.pickOne'],
      ['helped', 'surveys.pickSome'],
      ['talks', 'surveys.numberRange'],
      ['more', 'error.tooLong'],
    ])
  })
})
