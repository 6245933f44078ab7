// Retention rules in one place: how long each kind of record is kept and what
// happens when it expires. The job (retention.server.ts), the dry-run page and
// the default privacy notice all read this table.

export type RetentionAction = 'delete' | 'anonymise'

export type RetentionRule = {
  key: RetentionKey
  /** Months after the record's end date (see `from`) before it expires. */
  months: number
  action: RetentionAction
}

export const RETENTION_KEYS = ['menteePlans', 'inactiveAccounts', 'outbox', 'tokens', 'checkInCodes', 'auditEvents'] as const
export type RetentionKey = (typeof RETENTION_KEYS)[number]

/**
 * - menteePlans: a mentee plan, counted from the day it ended (ended early, or a
 *   year after it started), with its items and checklist ticks.
 * - inactiveAccounts: an account whose every role ended this long ago (no active
 *   role, no platform role, no open invitation): anonymised, because attendance,
 *   minutes and plans of others refer to it.
 * - outbox: e-mails (sent, failed or never sent), from when they were queued.
 * - tokens: invitation and password-reset links, from when they expired.
 * - checkInCodes: self check-in codes, from when they expired.
 * - auditEvents: the change log, from the event.
 * Diplomas are not in the table: they stay verifiable until the holder asks for
 * erasure including diplomas (see erasure.server.ts).
 */
export const RETENTION_RULES: readonly RetentionRule[] = [
  { key: 'menteePlans', months: 24, action: 'delete' },
  { key: 'inactiveAccounts', months: 24, action: 'anonymise' },
  { key: 'outbox', months: 3, action: 'delete' },
  { key: 'tokens', months: 1, action: 'delete' },
  { key: 'checkInCodes', months: 1, action: 'delete' },
  { key: 'auditEvents', months: 36, action: 'delete' },
]

export function ruleFor(key: RetentionKey): RetentionRule {
  return RETENTION_RULES.find((r) => r.key === key)!
}

/** The instant `months` calendar months before `now` (the 31st becomes the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth() - months
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), last), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()))
}

/** YYYY-MM-DD of an instant (UTC calendar day; plan dates are whole days). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** The day a mentee plan ends: the day it was ended, else a year after it started. */
export function planEnd(plan: { startDate: string; endedOn: string | null }): string {
  if (plan.endedOn) return plan.endedOn
  const [y, m, d] = plan.startDate.split('-').map(Number)
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate()
  return isoDay(new Date(Date.UTC(y + 1, m - 1, Math.min(d, last))))
}
