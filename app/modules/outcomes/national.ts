// National figures from opted-in municipalities, with small cells suppressed.
// Pure: the server module gathers the raw numbers, this builds the table.
import { suppressColumn, suppressMeasure, MIN_CELL, type Cell } from './suppression.ts'

export type MunicipalityStats = {
  municipalityId: string
  name: string
  programmes: number
  /** People holding an active diploma. */
  certified: number
  /** Hours (minutes) toward the requirement of each mentor in a completed run. */
  mentorMinutes: number[]
  /** Mentee plans and how many are below plan (fewer conversations held than planned so far). */
  plans: number
  belowPlan: number
  /** Starters whose 12-month outcome is known, and how many stayed. */
  eligible12: number
  retained12: number
}

export type NationalRow = {
  municipalityId: string | null
  name: string
  programmes: number
  certified: Cell<number>
  medianHours: Cell<number>
  belowPlanShare: Cell<number>
  retention12: Cell<number>
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const ratio = (a: number, b: number) => (b ? a / b : null)

/**
 * One row per municipality and a total. Any cell about fewer than `min` people
 * is hidden, and a second one in its column when the total would give it away
 * (see suppression.ts). Programmes run count no people and are always shown.
 */
export function nationalTable(stats: readonly MunicipalityStats[], min = MIN_CELL) {
  const certified = suppressColumn(
    stats.map((s) => s.certified),
    min,
  )
  const hours = suppressMeasure(
    stats.map((s) => ({ value: median(s.mentorMinutes), n: s.mentorMinutes.length })),
    min,
  )
  const below = suppressMeasure(
    stats.map((s) => ({ value: ratio(s.belowPlan, s.plans), n: s.plans })),
    min,
  )
  const retention = suppressMeasure(
    stats.map((s) => ({ value: ratio(s.retained12, s.eligible12), n: s.eligible12 })),
    min,
  )
  const rows: NationalRow[] = stats.map((s, i) => ({
    municipalityId: s.municipalityId,
    name: s.name,
    programmes: s.programmes,
    certified: { value: certified.hidden[i] ? null : s.certified, n: s.certified, hidden: certified.hidden[i] },
    medianHours: hours.cells[i],
    belowPlanShare: below.cells[i],
    retention12: retention.cells[i],
  }))
  const sum = (f: (s: MunicipalityStats) => number) => stats.reduce((a, s) => a + f(s), 0)
  const allMinutes = stats.flatMap((s) => s.mentorMinutes)
  const cell = (value: number | null, n: number, hidden: boolean): Cell<number> => ({ value: hidden ? null : value, n, hidden })
  const total: NationalRow = {
    municipalityId: null,
    name: '',
    programmes: sum((s) => s.programmes),
    certified: cell(sum((s) => s.certified), sum((s) => s.certified), certified.totalHidden),
    medianHours: cell(median(allMinutes), allMinutes.length, hours.totalHidden),
    belowPlanShare: cell(ratio(sum((s) => s.belowPlan), sum((s) => s.plans)), sum((s) => s.plans), below.totalHidden),
    retention12: cell(ratio(sum((s) => s.retained12), sum((s) => s.eligible12)), sum((s) => s.eligible12), retention.totalHidden),
  }
  return { rows, total }
}
