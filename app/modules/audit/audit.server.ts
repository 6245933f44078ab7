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

export async function listAuditEvents({ municipalityId, take = 100 }: { municipalityId: string | null; take?: number }) {
  return db.auditEvent.findMany({
    where: municipalityId ? { municipalityId } : {},
    orderBy: { at: 'desc' },
    take,
  })
}
