import { db, isPostgres, Prisma } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { MunicipalRole } from '~/modules/auth/index.ts'
import { isMunicipalRole } from '~/modules/auth/index.ts'
import { sortKey } from './sort-key.ts'
import type { Actor } from '~/utils/actor.ts'

export type { Actor }

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

export type MemberPage = { rows: MemberRow[]; q: string; prev: string | null; next: string | null }

/** LIKE pattern for a search term: folded like `sortName`, wildcards escaped. */
function containsPattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * People with a role in the municipality, in Norwegian name order, one page at a
 * time by keyset (`after` / `before` a user id), never counting the whole list.
 * The membership filter is `id IN (SELECT userId … WHERE municipalityId = ?)` so
 * both databases start from the membership index rather than from every user
 * in the country; the page's memberships are one more indexed query.
 */
export async function listMembers(municipalityId: string, { q = '', after, before }: { q?: string; after?: string | null; before?: string | null } = {}): Promise<MemberPage> {
  const query = q.trim()
  const term = sortKey(query)
  const cursorId = before || after || null
  const cursor = cursorId ? await db.user.findFirst({ where: { id: cursorId }, select: { id: true, sortName: true } }) : null
  const backwards = !!(before && cursor)
  const collate = isPostgres ? Prisma.sql` COLLATE "C"` : Prisma.empty
  const filters = [Prisma.sql`u."id" IN (SELECT m."userId" FROM "Membership" m WHERE m."municipalityId" = ${municipalityId})`]
  if (term) filters.push(Prisma.sql`(u."sortName" LIKE ${containsPattern(term)} ESCAPE '\\' OR u."email" LIKE ${containsPattern(query.toLowerCase())} ESCAPE '\\')`)
  if (cursor) {
    const op = backwards ? Prisma.sql`<` : Prisma.sql`>`
    filters.push(Prisma.sql`(u."sortName"${collate} ${op} ${cursor.sortName} OR (u."sortName" = ${cursor.sortName} AND u."id"${collate} ${op} ${cursor.id}))`)
  }
  const dir = backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`
  const found = await db.$queryRaw<{ id: string; name: string; email: string; passwordHash: string | null }[]>`
    SELECT u."id", u."name", u."email", u."passwordHash" FROM "User" u
    WHERE ${Prisma.join(filters, ' AND ')}
    ORDER BY u."sortName"${collate} ${dir}, u."id"${collate} ${dir}
    LIMIT ${PAGE_SIZE + 1}`
  const more = found.length > PAGE_SIZE
  const users = found.slice(0, PAGE_SIZE)
  if (backwards) users.reverse()
  const memberships = users.length
    ? await db.membership.findMany({ where: { municipalityId, userId: { in: users.map((u) => u.id) } }, select: { userId: true, role: true, deactivatedAt: true, unit: { select: { name: true } } } })
    : []
  const rows: MemberRow[] = users.map((u) => {
    const active = memberships.filter((m) => m.userId === u.id && !m.deactivatedAt)
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
  const first = rows[0]?.id ?? null
  const last = rows[rows.length - 1]?.id ?? null
  return {
    rows,
    q: query,
    // Going forwards there is a previous page when we started after someone; backwards, when more were found.
    prev: backwards ? (more ? first : null) : cursor ? first : null,
    next: backwards ? last : more ? last : null,
  }
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
