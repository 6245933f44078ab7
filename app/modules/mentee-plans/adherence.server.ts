import Papa from 'papaparse'
import { db } from '~/db.server.ts'
import { memo } from '~/utils/request-context.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { createT, type Lang } from '~/i18n/index.ts'
import { sortRows, summarise, type SortKey } from './adherence.ts'
import { isPlanManager, managesWholeMunicipality, osloToday } from './plans.server.ts'

export type AdherenceTableRow = {
  planId: string
  name: string
  unit: string
  unitId: string
  planned: number
  held: number
  overdue: number
  nextDue: string | null
  endedOn: string | null
}

type CachedRow = AdherenceTableRow & { leaderId: string }
type OverdueRow = { id: string; kind: string; seq: number; plannedDate: string; planId: string; menteeName: string; unit: string; unitId: string; leaderId: string; mentor: string }
type Snapshot = {
  stamp: string
  today: string
  at: number
  rows: CachedRow[]
  overdue: OverdueRow[]
  sorted: Map<string, CachedRow[]>
  /** The table per order, unit filter and scope of viewer (see `adherenceTable`). */
  tables: Map<string, { rows: AdherenceTableRow[]; summary: ReturnType<typeof summarise> }>
}

/**
 * The municipality's adherence figures are computed by two grouped SQL queries
 * and kept in memory until a plan of the municipality changes (every write
 * touches MenteePlan.updatedAt), the day changes or a minute passes. A request
 * then costs one indexed aggregate to check the stamp; with several instances
 * each keeps its own copy and sees the same stamp.
 */
const cache = new Map<string, Snapshot>()
const CACHE_TTL_MS = 60_000
const CACHE_MAX = 200

async function stampOf(municipalityId: string): Promise<string> {
  const a = await db.menteePlan.aggregate({ where: { municipalityId }, _max: { updatedAt: true }, _count: { _all: true } })
  return `${a._count._all}|${a._max.updatedAt ? new Date(a._max.updatedAt).getTime() : 0}`
}

const inflight = new Map<string, Promise<Snapshot>>()

/** One snapshot per request, and one computation at a time per municipality. */
function snapshot(municipalityId: string): Promise<Snapshot> {
  return memo(`mentee-plans:snapshot:${municipalityId}`, () => {
    let running = inflight.get(municipalityId)
    if (!running) {
      running = loadSnapshot(municipalityId).finally(() => inflight.delete(municipalityId))
      inflight.set(municipalityId, running)
    }
    return running
  })
}

async function loadSnapshot(municipalityId: string): Promise<Snapshot> {
  const today = osloToday()
  const stamp = await stampOf(municipalityId)
  const hit = cache.get(municipalityId)
  if (hit && hit.stamp === stamp && hit.today === today && Date.now() - hit.at < CACHE_TTL_MS) return hit
  const [raw, overdue] = await Promise.all([
    db.$queryRaw<{ planId: string; name: string; unit: string; unitId: string; leaderId: string; endedOn: string | null; planned: bigint | number | null; held: bigint | number | null; overdue: bigint | number | null; nextDue: string | null }[]>`
      SELECT p."id" AS "planId", p."menteeName" AS "name", u."name" AS "unit", p."unitId" AS "unitId", p."leaderId" AS "leaderId", p."endedOn" AS "endedOn",
        SUM(CASE WHEN i."kind" = 'conversation' AND i."plannedDate" <= (CASE WHEN p."endedOn" IS NOT NULL AND p."endedOn" < ${today} THEN p."endedOn" ELSE ${today} END) THEN 1 ELSE 0 END) AS "planned",
        SUM(CASE WHEN i."kind" = 'conversation' AND i."heldDate" IS NOT NULL THEN 1 ELSE 0 END) AS "held",
        SUM(CASE WHEN p."endedOn" IS NULL AND i."heldDate" IS NULL AND i."plannedDate" < ${today} THEN 1 ELSE 0 END) AS "overdue",
        MIN(CASE WHEN p."endedOn" IS NULL AND i."heldDate" IS NULL AND i."plannedDate" >= ${today} THEN i."plannedDate" END) AS "nextDue"
      FROM "MenteePlan" p
      JOIN "Unit" u ON u."id" = p."unitId"
      LEFT JOIN "PlanItem" i ON i."planId" = p."id"
      WHERE p."municipalityId" = ${municipalityId}
      GROUP BY p."id", p."menteeName", u."name", p."unitId", p."leaderId", p."endedOn"`,
    db.$queryRaw<OverdueRow[]>`
      SELECT i."id" AS "id", i."kind" AS "kind", i."seq" AS "seq", i."plannedDate" AS "plannedDate", p."id" AS "planId", p."menteeName" AS "menteeName",
        u."name" AS "unit", p."unitId" AS "unitId", p."leaderId" AS "leaderId", m."name" AS "mentor"
      FROM "PlanItem" i
      JOIN "MenteePlan" p ON p."id" = i."planId"
      JOIN "Unit" u ON u."id" = p."unitId"
      JOIN "User" m ON m."id" = p."mentorId"
      WHERE p."municipalityId" = ${municipalityId} AND p."endedOn" IS NULL AND i."heldDate" IS NULL AND i."plannedDate" < ${today}
      ORDER BY i."plannedDate", i."id"`,
  ])
  const rows: CachedRow[] = raw.map((r) => ({
    planId: r.planId,
    name: r.name,
    unit: r.unit,
    unitId: r.unitId,
    leaderId: r.leaderId,
    endedOn: r.endedOn,
    planned: Number(r.planned ?? 0),
    held: Number(r.held ?? 0),
    overdue: Number(r.overdue ?? 0),
    nextDue: r.nextDue,
  }))
  const snap: Snapshot = { stamp, today, at: Date.now(), rows, overdue: overdue.map((o) => ({ ...o, seq: Number(o.seq) })), sorted: new Map(), tables: new Map() }
  cache.delete(municipalityId)
  cache.set(municipalityId, snap)
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!)
  return snap
}

/** The same rule as `managedPlansWhere`, for rows already in memory. */
function visibleTo(viewer: Viewer, unitId?: string | null) {
  const wide = managesWholeMunicipality(viewer)
  return (r: { unitId: string; leaderId: string }) => (!unitId || r.unitId === unitId) && (wide || viewer.unitIds.includes(r.unitId) || r.leaderId === viewer.userId)
}

/**
 * Planned-so-far vs held per plan the viewer may see (the rule is
 * `planAdherence` in adherence.ts; an integration test checks they agree),
 * sorted, with the share below plan over all of them.
 */
export async function adherenceTable(viewer: Viewer, opts: { unitId?: string | null; sort?: SortKey; dir?: 'asc' | 'desc' } = {}) {
  const today = osloToday()
  if (!viewer.municipality || !isPlanManager(viewer)) return { rows: [] as AdherenceTableRow[], summary: summarise([]), today }
  const snap = await snapshot(viewer.municipality.id)
  // Sorting 2,000 names with the Norwegian collator is the costly part: each order is sorted once per snapshot.
  const order = `${opts.sort ?? 'name'}:${opts.dir ?? 'asc'}`
  // What a viewer sees depends only on whether they see the whole municipality, else on their units and id.
  const scope = managesWholeMunicipality(viewer) ? '*' : `${viewer.userId}:${[...viewer.unitIds].sort().join(',')}`
  const key = `${order}|${opts.unitId ?? ''}|${scope}`
  let table = snap.tables.get(key)
  if (!table) {
    let sorted = snap.sorted.get(order)
    if (!sorted) snap.sorted.set(order, (sorted = sortRows(snap.rows, opts.sort ?? 'name', opts.dir ?? 'asc')))
    const rows: AdherenceTableRow[] = sorted.filter(visibleTo(viewer, opts.unitId)).map(({ leaderId: _l, ...r }) => r)
    table = { rows, summary: summarise(rows) }
    if (snap.tables.size >= 50) snap.tables.delete(snap.tables.keys().next().value!)
    snap.tables.set(key, table)
  }
  // Shared with later requests under the same snapshot: callers slice, never mutate.
  return { rows: table.rows, summary: table.summary, today: snap.today }
}

/** Open items past their date, oldest first, for leaders. */
export async function overdueItems(viewer: Viewer, opts: { unitId?: string | null; take?: number } = {}) {
  if (!viewer.municipality || !isPlanManager(viewer)) return []
  const snap = await snapshot(viewer.municipality.id)
  const visible = visibleTo(viewer, opts.unitId)
  const take = opts.take ?? 100
  const out: Omit<OverdueRow, 'unitId' | 'leaderId'>[] = []
  for (const { unitId, leaderId, ...o } of snap.overdue) {
    if (out.length >= take) break
    if (visible({ unitId, leaderId })) out.push(o)
  }
  return out
}

function safeCell(value: string | number | null): string {
  const s = value === null ? '' : String(value)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/** The adherence table as CSV for Norwegian Excel (semicolons, BOM, formula-safe). */
export function adherenceCsv(rows: AdherenceTableRow[], lang: Lang): string {
  const t = createT(lang)
  const out: (string | number | null)[][] = [[t('plans.mentee'), t('plans.unit'), t('plans.plannedSoFar'), t('plans.held'), t('plans.belowPlan'), t('plans.overdue'), t('plans.nextDue'), t('plans.endedOn')]]
  for (const r of rows) out.push([r.name, r.unit, r.planned, r.held, r.held < r.planned ? t('plans.yes') : t('plans.no'), r.overdue, r.nextDue, r.endedOn])
  return `\uFEFF${Papa.unparse(out.map((row) => row.map(safeCell)), { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`
}
