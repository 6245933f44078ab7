import Papa from 'papaparse'
import { db, Prisma } from '~/db.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { createT, type Lang } from '~/i18n/index.ts'
import { sortRows, summarise, type SortKey } from './adherence.ts'
import { isPlanManager, managedPlansWhere, managesWholeMunicipality, osloToday } from './plans.server.ts'

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

/**
 * Planned-so-far vs held per plan, computed in one grouped SQL query (the rule
 * is `planAdherence` in adherence.ts; an integration test checks they agree).
 */
export async function adherenceTable(viewer: Viewer, opts: { unitId?: string | null; sort?: SortKey; dir?: 'asc' | 'desc' } = {}) {
  const municipalityId = viewer.municipality!.id
  const today = osloToday()
  if (!isPlanManager(viewer)) return { rows: [] as AdherenceTableRow[], summary: summarise([]), today }
  const unitFilter = opts.unitId ? Prisma.sql`AND p."unitId" = ${opts.unitId}` : Prisma.empty
  const scopeFilter = managesWholeMunicipality(viewer)
    ? Prisma.empty
    : viewer.unitIds.length
      ? Prisma.sql`AND (p."unitId" IN (${Prisma.join(viewer.unitIds)}) OR p."leaderId" = ${viewer.userId})`
      : Prisma.sql`AND p."leaderId" = ${viewer.userId}`
  const raw = await db.$queryRaw<{ planId: string; name: string; unit: string; unitId: string; endedOn: string | null; planned: bigint | number | null; held: bigint | number | null; overdue: bigint | number | null; nextDue: string | null }[]>`
    SELECT p."id" AS "planId", p."menteeName" AS "name", u."name" AS "unit", p."unitId" AS "unitId", p."endedOn" AS "endedOn",
      SUM(CASE WHEN i."kind" = 'conversation' AND i."plannedDate" <= (CASE WHEN p."endedOn" IS NOT NULL AND p."endedOn" < ${today} THEN p."endedOn" ELSE ${today} END) THEN 1 ELSE 0 END) AS "planned",
      SUM(CASE WHEN i."kind" = 'conversation' AND i."heldDate" IS NOT NULL THEN 1 ELSE 0 END) AS "held",
      SUM(CASE WHEN p."endedOn" IS NULL AND i."heldDate" IS NULL AND i."plannedDate" < ${today} THEN 1 ELSE 0 END) AS "overdue",
      MIN(CASE WHEN p."endedOn" IS NULL AND i."heldDate" IS NULL AND i."plannedDate" >= ${today} THEN i."plannedDate" END) AS "nextDue"
    FROM "MenteePlan" p
    JOIN "Unit" u ON u."id" = p."unitId"
    LEFT JOIN "PlanItem" i ON i."planId" = p."id"
    WHERE p."municipalityId" = ${municipalityId} ${unitFilter} ${scopeFilter}
    GROUP BY p."id", p."menteeName", u."name", p."unitId", p."endedOn"`
  const rows: AdherenceTableRow[] = raw.map((r) => ({
    planId: r.planId,
    name: r.name,
    unit: r.unit,
    unitId: r.unitId,
    endedOn: r.endedOn,
    planned: Number(r.planned ?? 0),
    held: Number(r.held ?? 0),
    overdue: Number(r.overdue ?? 0),
    nextDue: r.nextDue,
  }))
  return { rows: sortRows(rows, opts.sort ?? 'name', opts.dir ?? 'asc'), summary: summarise(rows), today }
}

/** Open items past their date, oldest first, for leaders. */
export async function overdueItems(viewer: Viewer, opts: { unitId?: string | null; take?: number } = {}) {
  const today = osloToday()
  const items = await db.planItem.findMany({
    where: { heldDate: null, plannedDate: { lt: today }, plan: { ...managedPlansWhere(viewer, opts.unitId), endedOn: null } },
    orderBy: [{ plannedDate: 'asc' }, { id: 'asc' }],
    take: opts.take ?? 100,
    select: { id: true, kind: true, seq: true, plannedDate: true, plan: { select: { id: true, menteeName: true, unit: { select: { name: true } }, mentor: { select: { name: true } } } } },
  })
  return items.map((i) => ({ id: i.id, kind: i.kind, seq: i.seq, plannedDate: i.plannedDate, planId: i.plan.id, menteeName: i.plan.menteeName, unit: i.plan.unit.name, mentor: i.plan.mentor.name }))
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
