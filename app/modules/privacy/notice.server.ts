// The privacy notice: the municipality's own texts, with defaults where a field is empty.
import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'

export type NoticeInput = { controller?: string; purposes?: string; retention?: string; privacyContactEmail?: string }

/** The municipality's saved texts (empty strings where nothing is saved), for the edit form. */
export async function getNotice(municipalityId: string) {
  const m = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { name: true, slug: true, privacyContactEmail: true, privacyNotice: true } })
  return {
    municipality: { name: m.name, slug: m.slug },
    controller: m.privacyNotice?.controller ?? '',
    purposes: m.privacyNotice?.purposes ?? '',
    retention: m.privacyNotice?.retention ?? '',
    privacyContactEmail: m.privacyContactEmail ?? '',
  }
}

export async function saveNotice(actor: { userId: string; municipalityId: string; ip?: string | null }, input: NoticeInput) {
  const data = { controller: input.controller || null, purposes: input.purposes || null, retention: input.retention || null, updatedById: actor.userId }
  await db.$transaction(async (tx) => {
    await tx.privacyNotice.upsert({ where: { municipalityId: actor.municipalityId }, create: { municipalityId: actor.municipalityId, ...data }, update: data })
    await tx.municipality.update({ where: { id: actor.municipalityId }, data: { privacyContactEmail: input.privacyContactEmail || null } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'update', entity: 'PrivacyNotice', entityId: actor.municipalityId, ip: actor.ip })
  })
}
