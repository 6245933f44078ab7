// Retention of new nurses and turnover by length of service. Pure: no database.
// Dates are ISO calendar dates (YYYY-MM-DD, Europe/Oslo).

export const HORIZONS = [6, 12, 24] as const
export type Horizon = (typeof HORIZONS)[number]

/** Reason categories for leaving. Never health or personal details. */
export const LEAVE_REASONS = ['moved', 'other_job', 'education', 'temporary_ended', 'retirement', 'other'] as const
export type LeaveReason = (typeof LEAVE_REASONS)[number]

/** Someone who started at a unit: a mentee plan or a recorded employment. */
export type Starter = { unitId: string; startedOn: string; leftOn: string | null; mentored: boolean }

/** The same date `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10)
}

/** Whole months of service from start to leaving. */
export function monthsOfService(startedOn: string, leftOn: string): number {
  const [y1, m1, d1] = startedOn.split('-').map(Number)
  const [y2, m2, d2] = leftOn.split('-').map(Number)
  let months = (y2 - y1) * 12 + (m2 - m1)
  if (d2 < d1 && addMonthsIso(startedOn, months) > leftOn) months -= 1
  return Math.max(0, months)
}

export type RetentionCell = {
  /** Outcome known: followed for the whole horizon, or left before it. */
  eligible: number
  /** Of those, still employed when the horizon was reached. */
  retained: number
  /** Still employed but not yet followed long enough to know. */
  inFollowUp: number
  /** retained / eligible, or null without anyone eligible. */
  share: number | null
}

/**
 * Share still employed `months` after starting, counting only those whose
 * outcome is known on `today`: people who left before the horizon count as not
 * retained even if the horizon has not passed; people still employed count only
 * once the horizon has passed. The rest are "in follow-up".
 */
export function retentionAt(starters: readonly Starter[], months: number, today: string): RetentionCell {
  let eligible = 0
  let retained = 0
  let inFollowUp = 0
  for (const s of starters) {
    if (s.startedOn > today) continue
    const horizon = addMonthsIso(s.startedOn, months)
    if (s.leftOn && s.leftOn < horizon) eligible++
    else if (horizon <= today) {
      eligible++
      retained++
    } else inFollowUp++
  }
  return { eligible, retained, inFollowUp, share: eligible ? retained / eligible : null }
}

export type RetentionGroup = 'all' | 'mentored' | 'notMentored'
export type RetentionRow = {
  unitId: string | null
  starters: number
  groups: Record<RetentionGroup, Record<Horizon, RetentionCell> & { starters: number }>
}

function rowOf(unitId: string | null, starters: readonly Starter[], today: string): RetentionRow {
  const group = (list: readonly Starter[]) => ({
    starters: list.length,
    6: retentionAt(list, 6, today),
    12: retentionAt(list, 12, today),
    24: retentionAt(list, 24, today),
  })
  return {
    unitId,
    starters: starters.length,
    groups: { all: group(starters), mentored: group(starters.filter((s) => s.mentored)), notMentored: group(starters.filter((s) => !s.mentored)) },
  }
}

/** Retention per unit (in the order of `unitIds`) and for them all (unitId null), for starters in [from, to]. */
export function retentionTable(starters: readonly Starter[], opts: { today: string; from?: string | null; to?: string | null; unitIds: readonly string[] }) {
  const inPeriod = starters.filter((s) => (!opts.from || s.startedOn >= opts.from) && (!opts.to || s.startedOn <= opts.to) && s.startedOn <= opts.today)
  const rows = opts.unitIds.map((id) => rowOf(id, inPeriod.filter((s) => s.unitId === id), opts.today)).filter((r) => r.starters > 0)
  return { rows, total: rowOf(null, inPeriod.filter((s) => opts.unitIds.includes(s.unitId)), opts.today) }
}

export const SERVICE_BANDS = ['lt6', '6to12', '12to24', 'gt24'] as const
export type ServiceBand = (typeof SERVICE_BANDS)[number]

export function serviceBand(startedOn: string, leftOn: string): ServiceBand {
  const m = monthsOfService(startedOn, leftOn)
  return m < 6 ? 'lt6' : m < 12 ? '6to12' : m < 24 ? '12to24' : 'gt24'
}

export type Leaver = { unitId: string; startedOn: string; leftOn: string; reason: string }
export type TurnoverRow = { unitId: string | null; bands: Record<ServiceBand, number>; total: number; retirements: number }

const emptyBands = (): Record<ServiceBand, number> => ({ lt6: 0, '6to12': 0, '12to24': 0, gt24: 0 })

/**
 * Leavers of one year per unit by length of service, like Table 1 of the 2018
 * report: retirements are counted apart and left out of the bands. When the
 * units are a sample of `unitsInMunicipality`, the municipality estimate is the
 * mean per unit of the sample times the number of units (the report: 12 leavers
 * at 6 units, 41 units → 82 a year).
 */
export function turnoverTable(leavers: readonly Leaver[], opts: { year: number; unitIds: readonly string[]; unitsInMunicipality: number }) {
  const prefix = `${opts.year}-`
  const rows: TurnoverRow[] = opts.unitIds.map((unitId) => ({ unitId, bands: emptyBands(), total: 0, retirements: 0 }))
  const byUnit = new Map(rows.map((r) => [r.unitId, r]))
  const total: TurnoverRow = { unitId: null, bands: emptyBands(), total: 0, retirements: 0 }
  for (const l of leavers) {
    const row = byUnit.get(l.unitId)
    if (!row || !l.leftOn.startsWith(prefix)) continue
    if (l.reason === 'retirement') {
      row.retirements++
      total.retirements++
      continue
    }
    const band = serviceBand(l.startedOn, l.leftOn)
    row.bands[band]++
    row.total++
    total.bands[band]++
    total.total++
  }
  const sampleUnits = opts.unitIds.length
  const perUnit = sampleUnits ? total.total / sampleUnits : 0
  const isSample = opts.unitsInMunicipality > sampleUnits
  return {
    rows,
    total,
    perUnit,
    sampleUnits,
    unitsInMunicipality: Math.max(opts.unitsInMunicipality, sampleUnits),
    estimate: isSample ? Math.round(perUnit * opts.unitsInMunicipality) : null,
  }
}
