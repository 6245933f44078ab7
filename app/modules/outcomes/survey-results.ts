// Pure rules of survey results: distributions per question, the small-group
// threshold with secondary suppression, and the comparison with an earlier round.
import type { SurveyQuestion } from './survey-schema.ts'

export type AnswerValue = number | string | string[]
export type Answers = Record<string, AnswerValue>
export type ResponseRow = { subgroup: string; answers: Answers; name?: string | null }

export type Bar = { key: string; label: string; count: number; share: number; previousShare: number | null }
export type QuestionResult = {
  key: string
  type: SurveyQuestion['type']
  /** how many answered this question */
  answered: number
  bars: Bar[]
  /** scale: mean; number: median */
  centre: number | null
  previousCentre: number | null
  /** free texts, only in rounds that are not anonymous */
  texts: { text: string; name: string | null }[]
}

type Labels = { option: (q: SurveyQuestion, option: string) => string; bin: (from: number, to: number | null) => string }

function barKeys(q: SurveyQuestion): { key: string; label: (l: Labels) => string; match: (v: AnswerValue) => boolean }[] {
  if (q.type === 'scale') return [1, 2, 3, 4, 5].map((n) => ({ key: String(n), label: () => String(n), match: (v) => v === n }))
  if (q.type === 'single') return q.options!.map((o) => ({ key: o, label: (l) => l.option(q, o), match: (v) => v === o }))
  if (q.type === 'multiple') return q.options!.map((o) => ({ key: o, label: (l) => l.option(q, o), match: (v) => Array.isArray(v) && v.includes(o) }))
  if (q.type === 'number') {
    const bins = q.bins!
    return bins.map((from, i) => {
      const next = bins[i + 1]
      return { key: String(from), label: (l) => l.bin(from, next === undefined ? null : next - 1), match: (v) => typeof v === 'number' && v >= from && (next === undefined || v < next) }
    })
  }
  return []
}

export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

function centreOf(q: SurveyQuestion, values: AnswerValue[]): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number')
  if (q.type === 'scale') return nums.length ? round1(nums.reduce((a, b) => a + b, 0) / nums.length) : null
  if (q.type === 'number') return median(nums)
  return null
}

function isAnswered(v: AnswerValue | undefined): v is AnswerValue {
  return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)
}

/** Distribution of one question over the responses; shares are of those who answered it. */
export function questionResult(q: SurveyQuestion, rows: readonly ResponseRow[], labels: Labels, opts: { withTexts: boolean; previous?: readonly ResponseRow[] | null }): QuestionResult {
  const values = rows.map((r) => r.answers[q.key]).filter(isAnswered)
  const prevValues = opts.previous ? opts.previous.map((r) => r.answers[q.key]).filter(isAnswered) : null
  const bars = barKeys(q).map((b) => {
    const count = values.filter(b.match).length
    const prevCount = prevValues ? prevValues.filter(b.match).length : 0
    return {
      key: b.key,
      label: b.label(labels),
      count,
      share: values.length ? count / values.length : 0,
      previousShare: prevValues && prevValues.length ? prevCount / prevValues.length : null,
    }
  })
  const texts =
    q.type === 'text' && opts.withTexts
      ? rows.filter((r) => typeof r.answers[q.key] === 'string' && r.answers[q.key] !== '').map((r) => ({ text: r.answers[q.key] as string, name: r.name ?? null }))
      : []
  return { key: q.key, type: q.type, answered: values.length, bars, centre: centreOf(q, values), previousCentre: prevValues && prevValues.length ? centreOf(q, prevValues) : null, texts }
}

/**
 * Which groups to hide. A group under the threshold is hidden (primary). If the
 * hidden groups together count fewer than the threshold (but more than none),
 * the shown total would give them away by subtraction, so the smallest shown
 * groups are hidden too until the hidden ones together reach the threshold
 * (secondary suppression).
 */
export function suppressedGroups(groups: readonly { key: string; n: number }[], threshold: number): Set<string> {
  const present = groups.filter((g) => g.n > 0)
  const hidden = new Set(present.filter((g) => g.n < threshold).map((g) => g.key))
  const shown = present.filter((g) => !hidden.has(g.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))
  let hiddenSum = present.filter((g) => hidden.has(g.key)).reduce((s, g) => s + g.n, 0)
  while (hiddenSum > 0 && hiddenSum < threshold && shown.length) {
    const next = shown.shift()!
    hidden.add(next.key)
    hiddenSum += next.n
  }
  return hidden
}

export type SubgroupResult = { key: string; n: number; hidden: boolean; means: Record<string, number | null> }

export type RoundResults =
  | { visible: false; answered: number; threshold: number }
  | { visible: true; answered: number; threshold: number; questions: QuestionResult[]; subgroups: SubgroupResult[]; previousAnswered: number | null }

/**
 * The results of a round: nothing until `threshold` have answered; per sub-group
 * only the scale means of groups that pass suppression. The previous round is
 * used only if it passed the threshold itself.
 */
export function roundResults(
  questions: readonly SurveyQuestion[],
  rows: readonly ResponseRow[],
  threshold: number,
  labels: Labels,
  opts: { anonymous: boolean; previous?: readonly ResponseRow[] | null },
): RoundResults {
  if (rows.length < threshold) return { visible: false, answered: rows.length, threshold }
  const previous = opts.previous && opts.previous.length >= threshold ? opts.previous : null
  const results = questions.map((q) => questionResult(q, rows, labels, { withTexts: !opts.anonymous, previous }))
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.subgroup, (counts.get(r.subgroup) ?? 0) + 1)
  const groups = [...counts].map(([key, n]) => ({ key, n })).sort((a, b) => a.key.localeCompare(b.key))
  const hidden = suppressedGroups(groups, threshold)
  const scale = questions.filter((q) => q.type === 'scale')
  const subgroups = groups.length > 1
    ? groups.map((g) => ({
        key: g.key,
        n: hidden.has(g.key) ? 0 : g.n,
        hidden: hidden.has(g.key),
        means: hidden.has(g.key) ? {} : Object.fromEntries(scale.map((q) => [q.key, centreOf(q, rows.filter((r) => r.subgroup === g.key).map((r) => r.answers[q.key]).filter(isAnswered))])),
      }))
    : []
  return { visible: true, answered: rows.length, threshold, questions: results, subgroups, previousAnswered: previous ? previous.length : null }
}

/** Random order (Fisher–Yates with crypto randomness): anonymous responses are stored shuffled. */
export function shuffled<T>(items: readonly T[], random: (n: number) => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
