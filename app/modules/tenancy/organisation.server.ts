import { db, Prisma } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { sortByName } from '~/utils/format.ts'
import type { ServiceType } from './schemas.ts'
import type { Actor } from '~/utils/actor.ts'

export type { Actor }

/** A unique constraint failed (e.g. a second unit with the same name). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

export async function listDistricts(municipalityId: string) {
  const rows = await db.district.findMany({
    where: { municipalityId },
    select: { id: true, name: true, _count: { select: { units: true } } },
  })
  return sortByName(rows)
}

export async function listUnits(municipalityId: string) {
  const rows = await db.unit.findMany({
    where: { municipalityId },
    select: { id: true, name: true, serviceType: true, districtId: true, district: { select: { name: true } } },
  })
  return sortByName(rows)
}

async function assertDistrictInMunicipality(municipalityId: string, districtId: string | undefined | null) {
  if (!districtId) return null
  const found = await db.district.findFirst({ where: { id: districtId, municipalityId }, select: { id: true } })
  return found ? found.id : false
}

export async function saveDistrict(actor: Actor, input: { id?: string; name: string }) {
  return db.$transaction(async (tx) => {
    if (input.id) {
      const { count } = await tx.district.updateMany({ where: { id: input.id, municipalityId: actor.municipalityId }, data: { name: input.name } })
      if (count !== 1) return null
    }
    const district = input.id
      ? await tx.district.findUniqueOrThrow({ where: { id: input.id } })
      : await tx.district.create({ data: { municipalityId: actor.municipalityId, name: input.name } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: input.id ? 'update' : 'create', entity: 'District', entityId: district.id, details: { name: input.name }, ip: actor.ip })
    return district
  })
}

/** Returns null when the unit or district does not belong to the actor's municipality. */
export async function saveUnit(actor: Actor, input: { id?: string; name: string; serviceType: ServiceType; districtId?: string }) {
  const districtId = await assertDistrictInMunicipality(actor.municipalityId, input.districtId)
  if (districtId === false) return null
  const data = { name: input.name, serviceType: input.serviceType, districtId }
  return db.$transaction(async (tx) => {
    if (input.id) {
      const { count } = await tx.unit.updateMany({ where: { id: input.id, municipalityId: actor.municipalityId }, data })
      if (count !== 1) return null
    }
    const unit = input.id
      ? await tx.unit.findUniqueOrThrow({ where: { id: input.id } })
      : await tx.unit.create({ data: { ...data, municipalityId: actor.municipalityId } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: input.id ? 'update' : 'create', entity: 'Unit', entityId: unit.id, details: data, ip: actor.ip })
    return unit
  })
}

/** Active people, open invitations and units: one statement for the dashboard. */
export async function municipalityStats(municipalityId: string) {
  const [row] = await db.$queryRaw<{ users: bigint | number; pendingInvites: bigint | number; units: bigint | number }[]>`
    SELECT
      (SELECT COUNT(DISTINCT m."userId") FROM "Membership" m
        WHERE m."municipalityId" = ${municipalityId} AND m."deactivatedAt" IS NULL) AS "users",
      (SELECT COUNT(DISTINCT m."userId") FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."municipalityId" = ${municipalityId} AND m."deactivatedAt" IS NULL AND u."passwordHash" IS NULL) AS "pendingInvites",
      (SELECT COUNT(*) FROM "Unit" WHERE "municipalityId" = ${municipalityId}) AS "units"`
  return { users: Number(row.users), pendingInvites: Number(row.pendingInvites), units: Number(row.units) }
}

export async function getMunicipality(municipalityId: string) {
  return db.municipality.findUnique({ where: { id: municipalityId } })
}

export async function updateMunicipalitySettings(
  actor: Actor,
  input: { name: string; defaultLanguage: string; accessibilityStatementUrl?: string },
) {
  const data = { name: input.name, defaultLanguage: input.defaultLanguage, accessibilityStatementUrl: input.accessibilityStatementUrl ?? null }
  await db.$transaction(async (tx) => {
    await tx.municipality.update({ where: { id: actor.municipalityId }, data })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'update', entity: 'Municipality', entityId: actor.municipalityId, details: data, ip: actor.ip })
  })
}
