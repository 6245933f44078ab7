// Dates and times of a programme run. Everything is stored in UTC and entered
// and shown as wall-clock time in Europe/Oslo, which moves between UTC+1 and
// UTC+2 with summer time.
import { TIME_ZONE } from '~/i18n/lang.ts'

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** Oslo wall-clock parts of an instant. */
export function osloParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/** The instant at which Oslo clocks show `date` `time` (YYYY-MM-DD, HH:MM). */
export function osloInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const asUtc = Date.UTC(y, m - 1, d, hh, mm)
  // Try the two offsets Oslo uses; keep the one that reads back as the wall time.
  // In the repeated hour of the autumn change the first occurrence (summer time) wins.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000)
    const back = osloParts(candidate)
    if (back.date === date && back.time === time.padStart(5, '0')) return candidate
  }
  // A time that does not exist (skipped at the spring change): take the later offset.
  return new Date(asUtc - 3_600_000)
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000)
}

/** Minutes between two Oslo wall times on the same day (real elapsed minutes). */
export function minutesBetween(date: string, start: string, end: string): number {
  return Math.round((osloInstant(date, end).getTime() - osloInstant(date, start).getTime()) / 60_000)
}

export type PlannedSession = { kind: string; durationMinutes: number; referenceDate?: string | null }
export type ScheduledSession = { date: string; start: string; end: string }

const WEEKDAY = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1, 12))
  const offset = (weekday - first.getUTCDay() + 7) % 7
  let day = 1 + offset + (n - 1) * 7
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  while (day > daysInMonth) day -= 7
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function startTime(s: PlannedSession) {
  return s.durationMinutes >= 360 ? '09:00' : '12:00'
}

function endTime(start: string, minutes: number) {
  const [h, m] = start.split(':').map(Number)
  const total = h * 60 + m + minutes
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/**
 * A first proposal the coordinator can change: the kick-off in January, then
 * about one gathering a month with no gathering in July. A session with a
 * reference date (the 2018 programme) keeps its month and its weekday of the
 * month (the 2nd Thursday stays the 2nd Thursday); others follow a month after
 * the previous one. Full days start at 09:00, three-hour gatherings at 12:00.
 */
export function suggestSchedule(sessions: PlannedSession[], year: number): ScheduledSession[] {
  const out: ScheduledSession[] = []
  let month = 1
  let lastDate = ''
  for (const s of sessions) {
    let date: string
    if (s.referenceDate && Number(s.referenceDate.slice(5, 7)) >= month) {
      const ref = s.referenceDate
      month = Number(ref.slice(5, 7))
      const n = Math.ceil(Number(ref.slice(8, 10)) / 7)
      date = nthWeekday(year, month, WEEKDAY(ref), n)
    } else {
      if (out.length) month += 1
      if (month === 7) month = 8
      if (month > 12) month = 12
      date = nthWeekday(year, month, 4, 2) // 2nd Thursday
    }
    while (date <= lastDate) {
      // Two sessions in one month (the seminar and a gathering in November): same weekday, a week on.
      const next = new Date(`${date}T12:00:00Z`)
      next.setUTCDate(next.getUTCDate() + 7)
      date = next.toISOString().slice(0, 10)
    }
    lastDate = date
    const start = startTime(s)
    out.push({ date, start, end: endTime(start, s.durationMinutes) })
  }
  return out
}

export type ScheduleIssue = { index: number; field: 'date' | 'start' | 'end'; message: 'schedule.endBeforeStart' | 'schedule.overlap' | 'schedule.outsidePeriod' }

/** Checks a run's dates: each session ends after it starts, inside the period, without overlapping another. */
export function checkSchedule(period: { startsOn: string; endsOn: string }, sessions: ScheduledSession[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = []
  const spans = sessions.map((s) => ({ start: osloInstant(s.date, s.start).getTime(), end: osloInstant(s.date, s.end).getTime() }))
  sessions.forEach((s, index) => {
    if (spans[index].end <= spans[index].start) issues.push({ index, field: 'end', message: 'schedule.endBeforeStart' })
    if (s.date < period.startsOn || s.date > period.endsOn) issues.push({ index, field: 'date', message: 'schedule.outsidePeriod' })
  })
  const order = spans.map((span, index) => ({ ...span, index })).sort((a, b) => a.start - b.start)
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1]
    const cur = order[i]
    if (cur.start < prev.end && !issues.some((x) => x.index === cur.index && x.field === 'start')) issues.push({ index: cur.index, field: 'start', message: 'schedule.overlap' })
  }
  return issues
}
