import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { isMunicipalRole } from './roles.ts'

/** Invitations waiting for the signed-in user to accept or decline. */
export async function listMyInvitations(userId: string) {
  const rows = await db.pendingMembership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, roles: true, programmeId: true, municipality: { select: { name: true } } },
  })
  const programmeIds = rows.map((r) => r.programmeId).filter((id): id is string => !!id)
  const programmes = programmeIds.length ? await db.programme.findMany({ where: { id: { in: programmeIds } }, select: { id: true, name: true } }) : []
  return rows.map((r) => ({
    id: r.id,
    municipality: r.municipality.name,
    roles: r.roles.split(',').filter(isMunicipalRole),
    programme: programmes.find((p) => p.id === r.programmeId)?.name ?? null,
  }))
}

/**
 * The person accepts an invitation: it becomes roles in that municipality (only
 * there), and an enrolment when it came from one. Only the invited account may
 * accept; anyone else gets null. Platform roles are never touched.
 */
export async function acceptInvitation(userId: string, invitationId: string): Promise<{ municipalityId: string } | null> {
  return db.$transaction(async (tx) => {
    const pending = await tx.pendingMembership.findFirst({ where: { id: invitationId, userId } })
    if (!pending) return null
    const unitId = pending.unitId && (await tx.unit.findFirst({ where: { id: pending.unitId, municipalityId: pending.municipalityId }, select: { id: true } })) ? pending.unitId : null
    for (const role of pending.roles.split(',').filter(isMunicipalRole)) {
      await tx.membership.upsert({
        where: { userId_municipalityId_role: { userId, municipalityId: pending.municipalityId, role } },
        create: { userId, municipalityId: pending.municipalityId, role, unitId },
        update: { deactivatedAt: null, ...(unitId ? { unitId } : {}) },
      })
    }
    if (pending.programmeId && pending.joinedOn) {
      const programme = await tx.programme.findFirst({ where: { id: pending.programmeId, municipalityId: pending.municipalityId }, select: { id: true } })
      if (programme) {
        await tx.enrolment.upsert({
          where: { programmeId_userId: { programmeId: programme.id, userId } },
          create: { programmeId: programme.id, userId, joinedOn: pending.joinedOn },
          update: { joinedOn: pending.joinedOn, leftOn: null, leftReason: null },
        })
      }
    }
    await tx.pendingMembership.delete({ where: { id: pending.id } })
    await audit(tx, { actorId: userId, municipalityId: pending.municipalityId, action: 'accept-invitation', entity: 'User', entityId: userId, details: { roles: pending.roles, programmeId: pending.programmeId } })
    return { municipalityId: pending.municipalityId }
  })
}

export async function declineInvitation(userId: string, invitationId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const pending = await tx.pendingMembership.findFirst({ where: { id: invitationId, userId }, select: { id: true, municipalityId: true } })
    if (!pending) return false
    await tx.pendingMembership.delete({ where: { id: pending.id } })
    await audit(tx, { actorId: userId, municipalityId: pending.municipalityId, action: 'decline-invitation', entity: 'User', entityId: userId })
    return true
  })
}

/** People invited to a programme run who have not accepted yet, as the coordinator typed them. */
export async function listPendingEnrolments(programmeId: string) {
  return db.pendingMembership.findMany({
    where: { programmeId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, joinedOn: true, user: { select: { email: true } } },
  })
}

/**
 * Addresses among `emails` whose one-time links a municipality's administrator
 * must never read in the outbox: accounts with a platform role, or with an active
 * role in another municipality.
 */
export async function protectedRecipients(emails: string[], municipalityId: string): Promise<Set<string>> {
  if (!emails.length) return new Set()
  const rows = await db.user.findMany({
    where: {
      email: { in: [...new Set(emails)] },
      OR: [{ platformRoles: { some: {} } }, { memberships: { some: { municipalityId: { not: municipalityId }, deactivatedAt: null } } }],
    },
    select: { email: true },
  })
  return new Set(rows.map((r) => r.email))
}
