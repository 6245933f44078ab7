import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { inviteInTx } from '~/modules/auth/index.ts'
import { sortByName } from '~/utils/format.ts'

/** All municipalities with their number of active people. */
export async function listMunicipalities() {
  const rows = await db.municipality.findMany({
    select: { id: true, name: true, slug: true, defaultLanguage: true, createdAt: true, _count: { select: { memberships: { where: { deactivatedAt: null } } } } },
  })
  return sortByName(rows)
}

/** Platform admin: all municipalities with their activity (active roles, programmes, plans, events in 30 days, last event). */
export async function municipalityOverview(now = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000)
  const [rows, recent, last] = await Promise.all([
    db.municipality.findMany({
      select: {
        id: true, name: true, slug: true, number: true, defaultLanguage: true, createdAt: true,
        _count: { select: { memberships: { where: { deactivatedAt: null } }, programmes: true } },
      },
    }),
    db.auditEvent.groupBy({ by: ['municipalityId'], where: { at: { gte: since }, municipalityId: { not: null } }, _count: { _all: true } }),
    db.auditEvent.groupBy({ by: ['municipalityId'], where: { municipalityId: { not: null } }, _max: { at: true } }),
  ])
  const plans = await db.menteePlan.groupBy({ by: ['municipalityId'], _count: { _all: true } })
  const recentBy = new Map(recent.map((r) => [r.municipalityId, r._count._all]))
  const lastBy = new Map(last.map((r) => [r.municipalityId, r._max.at]))
  const plansBy = new Map(plans.map((r) => [r.municipalityId, r._count._all]))
  return sortByName(
    rows.map((m) => ({ ...m, plans: plansBy.get(m.id) ?? 0, events30: recentBy.get(m.id) ?? 0, lastActivity: lastBy.get(m.id) ?? null })),
  )
}

/** Whether another municipality already has this kommunenummer. */
export async function municipalityNumberTaken(number: string) {
  return !!(await db.municipality.findUnique({ where: { number }, select: { id: true } }))
}

/** Onboards a municipality and invites its first administrator, all or nothing. */
export async function createMunicipality(
  actor: { userId: string; ip?: string | null },
  input: { name: string; slug: string; number?: string; defaultLanguage: string; privacyContactEmail?: string; privacyController?: string; adminName: string; adminEmail: string },
) {
  return db.$transaction(async (tx) => {
    const municipality = await tx.municipality.create({
      data: { name: input.name, slug: input.slug, number: input.number ?? null, defaultLanguage: input.defaultLanguage, privacyContactEmail: input.privacyContactEmail ?? null },
    })
    if (input.privacyController) {
      await tx.privacyNotice.create({ data: { municipalityId: municipality.id, controller: input.privacyController, updatedById: actor.userId } })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: municipality.id, action: 'create', entity: 'Municipality', entityId: municipality.id, details: { name: input.name, slug: input.slug }, ip: actor.ip })
    await inviteInTx(tx, { actorId: actor.userId, municipality, ip: actor.ip }, { email: input.adminEmail, name: input.adminName, roles: ['municipality_admin'], unitId: null })
    return municipality
  })
}
