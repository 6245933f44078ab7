import Papa from 'papaparse'
import { createT, type Lang } from '~/i18n/index.ts'
import { localiseGatheringText } from '~/modules/curriculum/index.ts'
import { formatDateShort, formatHours } from '~/utils/format.ts'
import type { attendanceGrid } from './grid.server.ts'

/** Spreadsheets run cells that start with = + - @ (or tab/CR) as formulas: prefix them with '. */
export function safeCell(value: string | number | null): string {
  const s = value === null ? '' : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/**
 * One row per mentor and session with the minutes present, and a total row per
 * mentor (minutes present, credited, required, possible while enrolled, total hours). Semicolon separated with a UTF-8 BOM, which Norwegian Excel opens as is.
 */
export function attendanceCsv(grid: Awaited<ReturnType<typeof attendanceGrid>>, lang: Lang): string {
  const t = createT(lang)
  const rows: (string | number | null)[][] = [[t('csv.mentor'), t('csv.number'), t('csv.session'), t('csv.date'), t('csv.minutes'), t('csv.duration'), t('csv.credited'), t('csv.required'), t('csv.possible'), t('csv.totalHours')]]
  for (const r of grid.rows) {
    grid.gatherings.forEach((g, i) => {
      rows.push([r.name, g.order, localiseGatheringText(g, lang).title, formatDateShort(g.startsAt, lang), r.cells[i], g.durationMinutes, null, null, null, null])
    })
    // The total row keeps every column's meaning: the duration column stays empty (it is one gathering's length).
    rows.push([r.name, null, t('csv.total'), null, r.hours.attendedMinutes, null, r.hours.creditedMinutes, r.hours.requiredMinutes, r.hours.possibleSinceJoinedMinutes, formatHours(r.hours.totalMinutes, lang)])
  }
  return `\uFEFF${Papa.unparse(rows.map((row) => row.map(safeCell)), { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`
}
