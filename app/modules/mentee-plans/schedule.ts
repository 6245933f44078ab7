// Pure schedule arithmetic for mentee plans. Dates are calendar dates
// (YYYY-MM-DD) in Europe/Oslo; week 1 is the Monday–Sunday week that contains
// the start date, and a conversation in week w is planned on the same weekday
// as the start date, i.e. start + 7·(w − 1) days.
import type { Offset, PlanStructure } from './template-schema.ts'

export const ITEM_KINDS = ['training_shift', 'conversation', 'probation_talk', 'leader_mentor'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export type GeneratedItem = {
  kind: ItemKind
  /** 1-based order within its kind */
  seq: number
  /** offset key for probation talks and leader–mentor meetings */
  key: string | null
  plannedDate: string
  week: number
  expectedMinutes: number | null
  withMentor: boolean
}

const DAY = 86_400_000
const toTime = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10)

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return fromTime(toTime(value)) === value
}

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY)
}

/** Same day of month `months` later; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return fromTime(Date.UTC(y, m - 1 + months, Math.min(d, last)))
}

export function applyOffset(start: string, o: Omit<Offset, 'key'>): string {
  return addDays(addMonths(start, o.months ?? 0), (o.weeks ?? 0) * 7 + (o.days ?? 0))
}

/** Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  const weekday = (new Date(toTime(date)).getUTCDay() + 6) % 7
  return addDays(date, -weekday)
}

/** Plan week of `date` for a plan starting on `start` (week 1 contains the start date). */
export function planWeek(start: string, date: string): number {
  return Math.floor((toTime(mondayOf(date)) - toTime(mondayOf(start))) / (7 * DAY)) + 1
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY)
}

/** Index (0-based) of the shift the mentor joins for start / middle / end. */
export function mentorShiftIndexes(count: number, positions: readonly ('start' | 'middle' | 'end')[]): Set<number> {
  const at = { start: 0, middle: Math.floor((count - 1) / 2), end: count - 1 }
  return new Set(count > 0 ? positions.map((p) => at[p]) : [])
}

/** Every item of a plan from its template and start date, sorted by date. */
export function generateItems(template: Pick<PlanStructure, 'trainingShifts' | 'conversations' | 'probationTalks' | 'leaderMentorMeetings'>, start: string): GeneratedItem[] {
  const items: GeneratedItem[] = []
  const mentorShifts = mentorShiftIndexes(template.trainingShifts.count, template.trainingShifts.withMentor)
  template.trainingShifts.dayOffsets.forEach((offset, i) => {
    const plannedDate = addDays(start, offset)
    items.push({ kind: 'training_shift', seq: i + 1, key: null, plannedDate, week: planWeek(start, plannedDate), expectedMinutes: null, withMentor: mentorShifts.has(i) })
  })
  let seq = 0
  for (const phase of template.conversations)
    for (const week of phase.weeks)
      items.push({ kind: 'conversation', seq: ++seq, key: null, plannedDate: addDays(start, 7 * (week - 1)), week, expectedMinutes: phase.minutes, withMentor: true })
  const offsets = (kind: ItemKind, list: Offset[]) =>
    list.forEach((o, i) => {
      const plannedDate = applyOffset(start, o)
      items.push({ kind, seq: i + 1, key: o.key, plannedDate, week: planWeek(start, plannedDate), expectedMinutes: null, withMentor: kind === 'leader_mentor' })
    })
  offsets('probation_talk', template.probationTalks)
  offsets('leader_mentor', template.leaderMentorMeetings)
  const order = (k: ItemKind) => ITEM_KINDS.indexOf(k)
  return items.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || order(a.kind) - order(b.kind) || a.seq - b.seq)
}
