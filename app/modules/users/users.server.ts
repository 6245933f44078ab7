import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { MunicipalRole } from '~/modules/auth/index.ts'
import { isMunicipalRole } from '~/modules/auth/index.ts'
import { nameCollator } from '~/utils/format.ts'

export type Actor = { userId: string; municipalityId: string; ip?: string | null }

export const PAGE_SIZE = 50

export type MemberRow = {
  id: string
  name: string
  email: string
  roles: MunicipalRole[]
  unit: string | null
  active: boolean
  invited: boolean
}

/** People with a role in the municipality, sorted by name the Norwegian way, a page at a time. */
export async function listMembers(municipalityId: string, { q = '', page = 1 }: { q?: string; page?: number } = {}) {
  const query = q.trim().toLocaleLowerCase('nb')
  const users = await db.user.findMany({
    where: { memberships: { some: { municipalityId } } },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      memberships: {
        where: { municipalityId },
        select: { role: true, deactivatedAt: true, unit: { select: { name: true } } },
      },
    },
  })
  const rows: MemberRow[] = users
    .map((u) => {
      const active = u.memberships.filter((m) => !m.deactivatedAt)
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        roles: active.map((m) => m.role).filter(isMunicipalRole),
        unit: active.find((m) => m.unit)?.unit?.name ?? null,
        active: active.length > 0,
        invited: !u.passwordHash,
      }
    })
    // Filtered here, not in SQL: case-insensitive matching the same way on SQLite and PostgreSQL.
    .filter((r) => !query || r.name.toLocaleLowerCase('nb').includes(query) || r.email.includes(query))
    .sort((a, b) => nameCollator.compare(a.name, b.name))
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pages)
  return { total: rows.length, page: current, pages, rows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE) }
}

/** One person as seen from the municipality, or null when they have no role there. */
export async function getMember(municipalityId: string, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, memberships: { some: { municipalityId } } },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      memberships: { where: { municipalityId }, select: { role: true, unitId: true, deactivatedAt: true } },
    },
  })
  if (!user) return null
  const active = user.memberships.filter((m) => !m.deactivatedAt)
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    invited: !user.passwordHash,
    active: active.length > 0,
    roles: active.map((m) => m.role).filter(isMunicipalRole),
    unitId: active.find((m) => m.unitId)?.unitId ?? user.memberships.find((m) => m.unitId)?.unitId ?? null,
  }
}

async function activeAdmins(municipalityId: string) {
  return db.membership.findMany({ where: { municipalityId, role: 'municipality_admin', deactivatedAt: null }, select: { userId: true } })
}

export type RoleChangeResult = { ok: true } | { ok: false; error: 'users.lastAdmin' | 'users.unknownUnit' | 'notFound' }

/** Sets exactly these roles (and unit) for a person in the municipality. */
export async function setMemberRoles(actor: Actor, userId: string, roles: MunicipalRole[], unitId: string | null): Promise<RoleChangeResult> {
  if (!(await getMember(actor.municipalityId, userId))) return { ok: false, error: 'notFound' }
  if (unitId && !(await db.unit.findFirst({ where: { id: unitId, municipalityId: actor.municipalityId }, select: { id: true } })))
    return { ok: false, error: 'users.unknownUnit' }
  const admins = await activeAdmins(actor.municipalityId)
  if (!roles.includes('municipality_admin') && admins.length === 1 && admins[0].userId === userId) return { ok: false, error: 'users.lastAdmin' }
  await db.$transaction(async (tx) => {
    const now = new Date()
    await tx.membership.updateMany({
      where: { userId, municipalityId: actor.municipalityId, role: { notIn: roles }, deactivatedAt: null },
      data: { deactivatedAt: now },
    })
    for (const role of roles) {
      await tx.membership.upsert({
        where: { userId_municipalityId_role: { userId, municipalityId: actor.municipalityId, role } },
        create: { userId, municipalityId: actor.municipalityId, role, unitId },
        update: { deactivatedAt: null, unitId },
      })
    }
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'set-roles', entity: 'User', entityId: userId, details: { roles, unitId }, ip: actor.ip })
  })
  return { ok: true }
}

/** Ends every role the person has in the municipality; they keep access elsewhere. */
export async function deactivateMember(actor: Actor, userId: string): Promise<RoleChangeResult> {
  if (!(await getMember(actor.municipalityId, userId))) return { ok: false, error: 'notFound' }
  const admins = await activeAdmins(actor.municipalityId)
  if (admins.length === 1 && admins[0].userId === userId) return { ok: false, error: 'users.lastAdmin' }
  await db.$transaction(async (tx) => {
    await tx.membership.updateMany({ where: { userId, municipalityId: actor.municipalityId, deactivatedAt: null }, data: { deactivatedAt: new Date() } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'deactivate', entity: 'User', entityId: userId, ip: actor.ip })
  })
  return { ok: true }
}

/** Gives back the roles the person had when they were deactivated. */
export async function reactivateMember(actor: Actor, userId: string): Promise<RoleChangeResult> {
  const last = await db.membership.findFirst({
    where: { userId, municipalityId: actor.municipalityId },
    orderBy: { deactivatedAt: 'desc' },
    select: { deactivatedAt: true },
  })
  if (!last) return { ok: false, error: 'notFound' }
  await db.$transaction(async (tx) => {
    await tx.membership.updateMany({ where: { userId, municipalityId: actor.municipalityId, deactivatedAt: last.deactivatedAt }, data: { deactivatedAt: null } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'reactivate', entity: 'User', entityId: userId, ip: actor.ip })
  })
  return { ok: true }
}
