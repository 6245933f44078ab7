// The audit-log viewer: filtered, paged events of one municipality (or all, for
// the platform), and the same selection as CSV.
import Papa from 'papaparse'
import { db, type Prisma } from '~/db.server.ts'
import { sortKey } from '~/modules/users/index.ts'
import { audit } from './audit.server.ts'

export const AUDIT_PAGE_SIZE = 50
const CSV_LIMIT = 50_000

export type AuditQuery = { actor?: string; action?: string; entity?: string; from?: string; to?: string; page: number }

/** Oslo-independent whole days: from 00:00 UTC of `from` to the end of `to`. */
async function whereOf(municipalityId: string | null, q: AuditQuery): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = municipalityId ? { municipalityId } : {}
  if (q.action) where.action = q.action
  if (q.entity) where.entity = q.entity
  if (q.from || q.to) {
    where.at = {
      ...(q.from ? { gte: new Date(`${q.from}T00:00:00.000Z`) } : {}),
      ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    }
  }
  if (q.actor) {
    const actors = await db.user.findMany({ where: { sortName: { contains: sortKey(q.actor) } }, select: { id: true }, take: 500 })
    where.actorId = { in: actors.map((a) => a.id) }
  }
  return where
}

async function withActorNames<T extends { actorId: string | null }>(events: T[]) {
  const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))]
  const actors = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []
  const names = new Map(actors.map((a) => [a.id, a.name]))
  return events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null }))
}

/** One page of matching events, newest first, with the choices for the filter's lists. */
export async function searchAuditEvents(municipalityId: string | null, q: AuditQuery) {
  const where = await whereOf(municipalityId, q)
  const scope = municipalityId ? { municipalityId } : {}
  const [total, actions, entities] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.groupBy({ by: ['action'], where: scope, orderBy: { action: 'asc' } }),
    db.auditEvent.groupBy({ by: ['entity'], where: scope, orderBy: { entity: 'asc' } }),
  ])
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
  const page = Math.min(q.page, pages)
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, at: true, actorId: true, action: true, entity: true, entityId: true },
  })
  return { events: await withActorNames(events), total, page, pages, actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) }
}

function safeCell(value: string | null): string {
  const s = value ?? ''
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/** The matching events as CSV (semicolons, BOM), the export itself recorded in the log. */
export async function auditCsv(actor: { userId: string; municipalityId: string | null; ip?: string | null }, q: AuditQuery): Promise<string> {
  const where = await whereOf(actor.municipalityId, q)
  const events = await withActorNames(
    await db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: CSV_LIMIT, select: { at: true, actorId: true, action: true, entity: true, entityId: true, details: true } }),
  )
  await audit(db, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'export', entity: 'AuditEvent', details: { rows: events.length, filter: { ...q, page: undefined } }, ip: actor.ip })
  const rows = events.map((e) => ({
    time: new Date(e.at).toISOString(),
    actor: safeCell(e.actorName),
    action: safeCell(e.action),
    record: safeCell(e.entity),
    recordId: safeCell(e.entityId),
    details: safeCell(e.details),
  }))
  return '\uFEFF' + Papa.unparse(rows.length ? rows : [{ time: '', actor: '', action: '', record: '', recordId: '', details: '' }].slice(0, 0), { delimiter: ';', columns: ['time', 'actor', 'action', 'record', 'recordId', 'details'] })
}
