// Pure adherence rules: planned so far vs held, overdue and next due. Only
// mentor conversations count toward "planned vs held" (as in the 2018 report's
// Table 4); every kind of item can be overdue.
import type { ItemKind } from './schedule.ts'

export type AdherenceItem = { id?: string; kind: ItemKind | string; plannedDate: string; heldDate: string | null }
export type PlanAdherence<I extends AdherenceItem = AdherenceItem> = {
  plannedSoFar: number
  held: number
  belowPlan: boolean
  overdue: I[]
  nextDue: I | null
}

/**
 * `today` is the Oslo calendar date. An item planned for today is due, not yet
 * overdue. A plan that ended early counts only what was planned before the end
 * and has nothing overdue or due.
 */
export function planAdherence<I extends AdherenceItem>(items: readonly I[], today: string, endedOn: string | null = null): PlanAdherence<I> {
  const cutoff = endedOn && endedOn < today ? endedOn : today
  let plannedSoFar = 0
  let held = 0
  const overdue: I[] = []
  let nextDue: I | null = null
  for (const item of items) {
    if (item.kind === 'conversation') {
      if (item.heldDate) held++
      if (item.plannedDate <= cutoff) plannedSoFar++
    }
    if (endedOn || item.heldDate) continue
    if (item.plannedDate < today) overdue.push(item)
    else if (!nextDue || item.plannedDate < nextDue.plannedDate) nextDue = item
  }
  overdue.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))
  return { plannedSoFar, held, belowPlan: held < plannedSoFar, overdue, nextDue }
}

export type AdherenceRow = { planned: number; held: number }

/** How many mentees had fewer conversations than planned, and the share. */
export function summarise(rows: readonly AdherenceRow[]): { total: number; below: number; share: number } {
  const below = rows.filter((r) => r.held < r.planned).length
  return { total: rows.length, below, share: rows.length ? below / rows.length : 0 }
}

export const SORT_KEYS = ['name', 'unit', 'planned', 'held', 'gap', 'overdue'] as const
export type SortKey = (typeof SORT_KEYS)[number]

const collator = new Intl.Collator('nb')
export function sortRows<R extends { name: string; unit: string; planned: number; held: number; overdue: number }>(rows: R[], key: SortKey, dir: 'asc' | 'desc'): R[] {
  const value = (r: R): number | string => (key === 'gap' ? r.planned - r.held : r[key])
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number)
    return sign * c || collator.compare(a.name, b.name)
  })
}
