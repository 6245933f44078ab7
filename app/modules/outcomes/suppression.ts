// Small-cell suppression for published tables. Pure: no database.
//
// Primary: any cell counting fewer than `min` people is hidden. Secondary: in a
// column whose total is shown, a single hidden cell could be recovered as the
// total minus the others, so the smallest other cell is hidden as well; a total
// counting fewer than `min` is hidden itself.

export const MIN_CELL = 5

/** Which cells of one column (and its total) to hide. */
export function suppressColumn(counts: readonly number[], min = MIN_CELL): { hidden: boolean[]; totalHidden: boolean } {
  const hidden = counts.map((n) => n < min)
  const total = counts.reduce((s, n) => s + n, 0)
  const totalHidden = total < min
  if (!totalHidden) {
    const count = hidden.filter(Boolean).length
    if (count === 1 && counts.length > 1) {
      // The smallest shown cell (ties: the first) goes too, so neither can be recovered.
      let pick = -1
      counts.forEach((n, i) => {
        if (!hidden[i] && (pick < 0 || n < counts[pick])) pick = i
      })
      if (pick >= 0) hidden[pick] = true
    }
  }
  return { hidden, totalHidden }
}

/** A value with the number of people behind it; `null` value when hidden. */
export type Cell<V> = { value: V | null; n: number; hidden: boolean }

/**
 * Suppresses one measure across rows: `n` is the number of people each row's
 * value is about (and the column sum of n is published beside the total), so
 * the same primary and secondary rule applies to it.
 */
export function suppressMeasure<V>(rows: readonly { value: V | null; n: number }[], min = MIN_CELL): { cells: Cell<V>[]; totalHidden: boolean } {
  const { hidden, totalHidden } = suppressColumn(
    rows.map((r) => r.n),
    min,
  )
  return { cells: rows.map((r, i) => ({ value: hidden[i] ? null : r.value, n: r.n, hidden: hidden[i] })), totalHidden }
}
