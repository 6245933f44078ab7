import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { inviteInTx } from '~/modules/auth/index.ts'
import { sortByName } from '~/utils/format.ts'

/** Platform admin: all municipalities with their number of active people. */
export async function listMunicipalities() {
  const rows = await db.municipality.findMany({
    select: { id: true, name: true, slug: true, defaultLanguage: true, createdAt: true, _count: { select: { memberships: { where: { deactivatedAt: null } } } } },
  })
  return sortByName(rows)
}

/** Onboards a municipality and invites its first administrator, all or nothing. */
export async function createMunicipality(
  actor: { userId: string; ip?: string | null },
  input: { name: string; slug: string; defaultLanguage: string; adminName: string; adminEmail: string },
) {
  return db.$transaction(async (tx) => {
    const municipality = await tx.municipality.create({
      data: { name: input.name, slug: input.slug, defaultLanguage: input.defaultLanguage },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: municipality.id, action: 'create', entity: 'Municipality', entityId: municipality.id, details: { name: input.name, slug: input.slug }, ip: actor.ip })
    await inviteInTx(tx, { actorId: actor.userId, municipality, ip: actor.ip }, { email: input.adminEmail, name: input.adminName, roles: ['municipality_admin'], unitId: null })
    return municipality
  })
}
