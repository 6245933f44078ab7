import { db } from '~/db.server.ts'
import type { Lang } from '~/i18n/index.ts'
import { translate } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { can, type Viewer } from '~/modules/auth/index.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { withdrawFromNetworkMinutes } from '~/modules/minutes/index.ts'
import { isUniqueViolation } from '~/modules/tenancy/index.ts'
import { env } from '~/env.server.ts'
import { sortByName } from '~/utils/format.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import type { MaterialInput, NetworkInput } from './schemas.ts'
import type { Actor } from '~/utils/actor.ts'

export type { Actor }
export type FieldResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> }

/** Roles that may take part in a network or be its contact person. */
const MEMBER_ROLES = ['mentor', 'network_contact']
const CONTACT_ROLES = ['mentor', 'network_contact', 'coordinator', 'programme_lead']

async function peopleWithRoles(municipalityId: string, roles: string[]) {
  const rows = await db.membership.findMany({
    where: { municipalityId, role: { in: roles }, deactivatedAt: null },
    select: { user: { select: { id: true, name: true, disabledAt: true } } },
  })
  const byId = new Map(rows.filter((r) => !r.user.disabledAt).map((r) => [r.user.id, { id: r.user.id, name: r.user.name }]))
  return sortByName([...byId.values()])
}

/** Who may be named contact person: people of the municipality (never from elsewhere). */
export function contactCandidates(municipalityId: string) {
  return peopleWithRoles(municipalityId, CONTACT_ROLES)
}

export async function createNetwork(actor: Actor, input: NetworkInput): Promise<FieldResult> {
  const fieldErrors: Record<string, string[]> = {}
  const contacts = await contactCandidates(actor.municipalityId)
  if (!contacts.some((c) => c.id === input.contactId)) fieldErrors.contactId = ['networks.contactElsewhere']
  if (input.districtId && !(await db.district.findFirst({ where: { id: input.districtId, municipalityId: actor.municipalityId }, select: { id: true } })))
    fieldErrors.districtId = ['networks.unknownDistrict']
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }
  try {
    const id = await db.$transaction(async (tx) => {
      const network = await tx.network.create({
        data: {
          municipalityId: actor.municipalityId,
          districtId: input.districtId || null,
          name: input.name,
          description: input.description || null,
          contactId: input.contactId,
          rhythmMonths: input.rhythmMonths,
          createdById: actor.userId,
        },
      })
      await tx.networkMember.create({ data: { networkId: network.id, userId: input.contactId, municipalityId: actor.municipalityId, status: 'active', joinedAt: new Date() } })
      await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'create-network', entity: 'Network', entityId: network.id, details: { contactId: input.contactId }, ip: actor.ip })
      return network.id
    })
    return { ok: true, id }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: ['error.duplicate'] } }
    throw error
  }
}

export type NetworkAccess = 'manage' | 'contact' | 'member' | 'invited' | 'requested' | 'colleague'

/**
 * What the viewer may do with a network, or null (404). Managers and
 * colleagues are people of the owning municipality; members, invited people
 * and the contact person may come from anywhere.
 */
export async function networkAccess(viewer: Viewer, networkId: string) {
  const network = await db.network.findUnique({
    where: { id: networkId },
    select: {
      id: true, name: true, description: true, municipalityId: true, districtId: true, contactId: true, rhythmMonths: true,
      members: { where: { userId: viewer.userId }, select: { status: true } },
    },
  })
  if (!network) return null
  const home = viewer.municipality?.id === network.municipalityId
  const status = network.members[0]?.status
  let access: NetworkAccess | null = null
  if (network.contactId === viewer.userId) access = 'contact'
  else if (home && can(viewer, 'manage:networks')) access = 'manage'
  else if (status === 'active') access = 'member'
  else if (status === 'invited') access = 'invited'
  else if (status === 'requested') access = 'requested'
  else if (home && can(viewer, 'view:networks')) access = 'colleague'
  if (!access) return null
  const { members: _m, ...rest } = network
  return { network: rest, access, runs: access === 'contact' || access === 'manage', insider: access === 'contact' || access === 'manage' || access === 'member' }
}

/** Networks of the viewer's municipality and those (anywhere) they belong to or are invited to. */
export async function listNetworks(viewer: Viewer) {
  const municipalityId = viewer.municipality?.id ?? null
  const rows = await db.network.findMany({
    where: {
      OR: [
        ...(municipalityId ? [{ municipalityId }] : []),
        { members: { some: { userId: viewer.userId, status: { in: ['active', 'invited', 'requested'] } } } },
      ],
    },
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, municipalityId: true, contactId: true, districtId: true,
      members: { where: { status: 'active' }, select: { userId: true } },
    },
  })
  const [districts, contacts, municipalities, mine] = await Promise.all([
    db.district.findMany({ where: { id: { in: rows.map((r) => r.districtId).filter((d): d is string => !!d) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: rows.map((r) => r.contactId) } }, select: { id: true, name: true } }),
    db.municipality.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.municipalityId))] } }, select: { id: true, name: true } }),
    db.networkMember.findMany({ where: { userId: viewer.userId, networkId: { in: rows.map((r) => r.id) } }, select: { networkId: true, status: true } }),
  ])
  const name = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? null
  const myStatus = new Map(mine.map((m) => [m.networkId, m.status]))
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    district: name(districts, r.districtId),
    municipality: name(municipalities, r.municipalityId)!,
    contact: name(contacts, r.contactId),
    members: r.members.length,
    myStatus: r.contactId === viewer.userId ? 'contact' : (myStatus.get(r.id) ?? null),
    home: r.municipalityId === municipalityId,
  }))
}

/** Members with unit and service type; people from other municipalities show only name and municipality. */
export async function networkMembers(network: { id: string; municipalityId: string }, statuses: string[] = ['active']) {
  const members = await db.networkMember.findMany({ where: { networkId: network.id, status: { in: statuses } }, select: { userId: true, status: true, municipalityId: true, joinedAt: true } })
  const ids = members.map((m) => m.userId)
  const [users, units, municipalities] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { userId: { in: ids }, municipalityId: network.municipalityId, deactivatedAt: null, unitId: { not: null } }, select: { userId: true, unit: { select: { name: true, serviceType: true } } } }),
    db.municipality.findMany({ where: { id: { in: [...new Set(members.map((m) => m.municipalityId))] } }, select: { id: true, name: true } }),
  ])
  const nameOf = new Map(users.map((u) => [u.id, u.name]))
  const unitOf = new Map(units.map((u) => [u.userId, u.unit!]))
  const municipalityOf = new Map(municipalities.map((m) => [m.id, m.name]))
  return sortByName(
    members.map((m) => {
      const external = m.municipalityId !== network.municipalityId
      const unit = external ? null : (unitOf.get(m.userId) ?? null)
      return { userId: m.userId, name: nameOf.get(m.userId) ?? '–', status: m.status, external, municipality: municipalityOf.get(m.municipalityId) ?? '–', unit: unit?.name ?? null, serviceType: unit?.serviceType ?? null }
    }),
  )
}

/** Mentors of the owning municipality who are not (or no longer) members: the contact person may add them. */
export async function memberCandidates(network: { id: string; municipalityId: string }) {
  const [people, current] = await Promise.all([
    peopleWithRoles(network.municipalityId, MEMBER_ROLES),
    db.networkMember.findMany({ where: { networkId: network.id, status: { in: ['active', 'invited'] } }, select: { userId: true } }),
  ])
  const taken = new Set(current.map((c) => c.userId))
  return people.filter((p) => !taken.has(p.id))
}

async function setMember(networkId: string, userId: string, municipalityId: string, data: { status: string; joinedAt?: Date | null; leftAt?: Date | null; invitedById?: string | null }) {
  return db.networkMember.upsert({
    where: { networkId_userId: { networkId, userId } },
    create: { networkId, userId, municipalityId, ...data },
    update: data,
  })
}

export type MemberResult = { ok: true } | { ok: false; error: string }

/** A colleague of the owning municipality asks to join; the contact person decides. */
export async function requestToJoin(viewer: Viewer, network: { id: string; municipalityId: string }): Promise<MemberResult> {
  if (viewer.municipality?.id !== network.municipalityId || !viewer.roles.some((r) => MEMBER_ROLES.includes(r))) return { ok: false, error: 'networks.cannotJoin' }
  const existing = await db.networkMember.findUnique({ where: { networkId_userId: { networkId: network.id, userId: viewer.userId } } })
  if (existing && ['active', 'invited', 'requested'].includes(existing.status)) return { ok: true }
  await setMember(network.id, viewer.userId, network.municipalityId, { status: 'requested', joinedAt: null, leftAt: null })
  return { ok: true }
}

/** The contact person (or a manager) accepts or declines a request to join. */
export async function decideRequest(actor: Actor, networkId: string, userId: string, accept: boolean): Promise<MemberResult> {
  const row = await db.networkMember.findUnique({ where: { networkId_userId: { networkId, userId } } })
  if (!row || row.status !== 'requested') return { ok: false, error: 'networks.noRequest' }
  await db.$transaction(async (tx) => {
    await tx.networkMember.update({ where: { id: row.id }, data: accept ? { status: 'active', joinedAt: new Date() } : { status: 'declined' } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: accept ? 'accept-network-request' : 'decline-network-request', entity: 'Network', entityId: networkId, details: { userId }, ip: actor.ip })
  })
  return { ok: true }
}

/** Adds a mentor of the owning municipality directly. Never someone from elsewhere: they are invited. */
export async function addMember(actor: Actor, network: { id: string; municipalityId: string }, userId: string): Promise<MemberResult> {
  const candidates = await memberCandidates(network)
  if (!candidates.some((c) => c.id === userId)) return { ok: false, error: 'networks.notInMunicipality' }
  await db.$transaction(async (tx) => {
    await tx.networkMember.upsert({
      where: { networkId_userId: { networkId: network.id, userId } },
      create: { networkId: network.id, userId, municipalityId: network.municipalityId, status: 'active', joinedAt: new Date() },
      update: { status: 'active', joinedAt: new Date(), leftAt: null },
    })
    await audit(tx, { actorId: actor.userId, municipalityId: network.municipalityId, action: 'add-network-member', entity: 'Network', entityId: network.id, details: { userId }, ip: actor.ip })
  })
  return { ok: true }
}

/**
 * Invites a person from another municipality by e-mail. They become a member
 * only when they accept; until then they are not shown to the members.
 */
export async function invitePerson(actor: Actor, network: { id: string; name: string; municipalityId: string }, email: string, lang: Lang): Promise<MemberResult> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, language: true, disabledAt: true, memberships: { where: { deactivatedAt: null }, select: { municipalityId: true, role: true, createdAt: true }, orderBy: { createdAt: 'asc' } } },
  })
  const roles = user?.memberships.filter((m) => MEMBER_ROLES.includes(m.role)) ?? []
  if (!user || user.disabledAt || !roles.length) return { ok: false, error: 'networks.unknownPerson' }
  if (roles.some((m) => m.municipalityId === network.municipalityId)) return { ok: false, error: 'networks.sameMunicipality' }
  const existing = await db.networkMember.findUnique({ where: { networkId_userId: { networkId: network.id, userId: user.id } } })
  if (existing && ['active', 'invited'].includes(existing.status)) return { ok: true }
  const home = await db.municipality.findUniqueOrThrow({ where: { id: network.municipalityId }, select: { name: true } })
  const mailLang = (user.language as Lang | null) ?? lang
  await db.$transaction(async (tx) => {
    await tx.networkMember.upsert({
      where: { networkId_userId: { networkId: network.id, userId: user.id } },
      create: { networkId: network.id, userId: user.id, municipalityId: roles[0].municipalityId, status: 'invited', invitedById: actor.userId },
      update: { status: 'invited', invitedById: actor.userId, leftAt: null, joinedAt: null },
    })
    const v = { name: user.name, network: network.name, municipality: home.name, link: new URL('/networks', env.APP_URL).toString() }
    await enqueueMail(tx, { to: email, subject: translate(mailLang, 'networks.mail.invite.subject', v), text: translate(mailLang, 'networks.mail.invite.body', v), kind: 'network-invite', municipalityId: roles[0].municipalityId })
    await audit(tx, { actorId: actor.userId, municipalityId: network.municipalityId, action: 'invite-network-member', entity: 'Network', entityId: network.id, details: { userId: user.id }, ip: actor.ip })
  })
  return { ok: true }
}

/** The invited person accepts or declines (only their own invitation). */
export async function respondToInvitation(userId: string, networkId: string, accept: boolean): Promise<boolean> {
  const { count } = await db.networkMember.updateMany({
    where: { networkId, userId, status: 'invited' },
    data: accept ? { status: 'active', joinedAt: new Date() } : { status: 'declined' },
  })
  return count === 1
}

/**
 * A member leaves (or is removed). History stays: attendance is kept, and their
 * pending approvals of minutes are withdrawn so they no longer hold them back.
 */
export async function leaveNetwork(actor: { userId: string; municipalityId: string | null; ip?: string | null }, network: { id: string; municipalityId: string; contactId: string }, userId: string): Promise<MemberResult> {
  if (userId === network.contactId) return { ok: false, error: 'networks.contactCannotLeave' }
  const row = await db.networkMember.findUnique({ where: { networkId_userId: { networkId: network.id, userId } } })
  if (!row || !['active', 'invited', 'requested'].includes(row.status)) return { ok: false, error: 'networks.notMember' }
  await db.$transaction(async (tx) => {
    await tx.networkMember.update({ where: { id: row.id }, data: { status: 'left', leftAt: new Date() } })
    await withdrawFromNetworkMinutes(tx, network.id, userId)
    await audit(tx, { actorId: actor.userId, municipalityId: network.municipalityId, action: 'leave-network', entity: 'Network', entityId: network.id, details: { userId }, ip: actor.ip })
  })
  return { ok: true }
}

export async function addMaterial(actor: Actor, networkId: string, input: MaterialInput) {
  await db.networkMaterial.create({
    data: { networkId, kind: input.kind, title: input.title, body: input.kind === 'page' ? input.body! : null, url: input.kind === 'link' ? input.url! : null, createdById: actor.userId },
  })
}

export async function removeMaterial(networkId: string, materialId: string) {
  const { count } = await db.networkMaterial.deleteMany({ where: { id: materialId, networkId } })
  return count === 1
}

/** Materials with pages rendered from markdown and sanitized. */
export async function listMaterials(networkId: string) {
  const rows = await db.networkMaterial.findMany({ where: { networkId }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, title: true, body: true, url: true } })
  return rows.map((m) => ({ id: m.id, kind: m.kind as 'page' | 'link', title: m.title, url: m.url, html: m.kind === 'page' && m.body ? renderMarkdown(m.body) : null }))
}

export async function districtsOf(municipalityId: string) {
  return db.district.findMany({ where: { municipalityId }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

/** Invitations waiting for the viewer's answer (networks of any municipality). */
export async function myInvitations(userId: string) {
  const rows = await db.networkMember.findMany({ where: { userId, status: 'invited' }, select: { network: { select: { id: true, name: true, municipalityId: true } } } })
  const municipalities = await db.municipality.findMany({ where: { id: { in: rows.map((r) => r.network.municipalityId) } }, select: { id: true, name: true } })
  return rows.map((r) => ({ id: r.network.id, name: r.network.name, municipality: municipalities.find((m) => m.id === r.network.municipalityId)?.name ?? '' }))
}
