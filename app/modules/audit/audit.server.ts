import type { Tx } from '~/db.server.ts'
import { db } from '~/db.server.ts'

export type AuditInput = {
  actorId: string | null
  municipalityId?: string | null
  action: string
  entity: string
  entityId?: string | null
  details?: Record<string, unknown>
  ip?: string | null
}

/** Records who did what to which record. Pass the transaction that made the change. */
export async function audit(client: Tx | typeof db, input: AuditInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: input.actorId,
      municipalityId: input.municipalityId ?? null,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      details: input.details ? JSON.stringify(input.details) : null,
      ip: input.ip ?? null,
    },
  })
}

/** The latest events (of one municipality, or all for the platform), with the actor's name. */
export async function listAuditEvents({ municipalityId, take = 100 }: { municipalityId: string | null; take?: number }) {
  const events = await db.auditEvent.findMany({
    where: municipalityId ? { municipalityId } : {},
    orderBy: { at: 'desc' },
    take,
  })
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))]
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : []
  const names = new Map(actors.map((a) => [a.id, a.name]))
  return events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null }))
}
