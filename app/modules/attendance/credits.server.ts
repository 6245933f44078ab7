// Make-up credits: minutes granted toward the requirement outside the register.
import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { Actor } from '~/utils/actor.ts'

export async function grantCredit(actor: Actor, programmeId: string, input: { userId: string; minutes: number; kind: string; reason: string }) {
  const enrolled = await db.enrolment.findUnique({ where: { programmeId_userId: { programmeId, userId: input.userId } }, select: { id: true } })
  if (!enrolled) return false
  await db.$transaction(async (tx) => {
    const credit = await tx.attendanceCredit.create({ data: { programmeId, userId: input.userId, minutes: input.minutes, kind: input.kind, reason: input.reason, grantedById: actor.userId } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'grant-credit', entity: 'Programme', entityId: programmeId, details: { creditId: credit.id, userId: input.userId, minutes: input.minutes, kind: input.kind }, ip: actor.ip })
  })
  return true
}
