import { db, type Tx } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { accessGrantedMail, enqueueMail, inviteMail, membershipInvitationMail, resetMail } from '~/modules/mail/index.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import { consume } from './rate-limit.server.ts'
import type { MunicipalRole } from './roles.ts'
import { endOtherSessions } from './session.server.ts'
import { consumeToken, findUsableToken, issueToken, TOKEN_TTL_MS, type TokenPurpose } from './tokens.server.ts'

export type Invitation = {
  email: string
  name: string
  roles: MunicipalRole[]
  unitId: string | null
}

export type InviteContext = {
  actorId: string | null
  municipality: { id: string; name: string; defaultLanguage: string }
  ip?: string | null
}

function link(path: string) {
  return new URL(path, env.APP_URL).toString()
}

function mailLang(userLanguage: string | null, municipalityDefault: string): Lang {
  if (isLang(userLanguage)) return userLanguage
  return isLang(municipalityDefault) ? municipalityDefault : 'nb'
}

export type InviteOutcome = 'created' | 'member' | 'pending'

/**
 * Gives a person roles in a municipality inside `tx`.
 * - A new address gets an account without a password, the roles and an invitation link.
 * - Someone with an active role here gets the roles; their unit is kept unless
 *   one is given, and they are told only when they got a role they did not have.
 * - Any other existing account (a member of another municipality, someone
 *   deactivated here, a platform role holder) gets a pending membership and an
 *   e-mail asking them to accept it while signed in. Nothing is granted, no
 *   deactivation is cleared and the account's name is not read until they accept.
 * `enrol` attaches a programme enrolment to a pending membership (see enrolment.server.ts).
 */
export async function inviteInTx(
  tx: Tx,
  ctx: InviteContext,
  invitation: Invitation,
  enrol?: { programmeId: string; joinedOn: Date },
): Promise<{ userId: string; created: boolean; outcome: InviteOutcome }> {
  const { municipality } = ctx
  const user = await tx.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, name: true, email: true, language: true, passwordHash: true, memberships: { where: { municipalityId: municipality.id }, select: { id: true, role: true, unitId: true, deactivatedAt: true } } },
  })
  if (!user) {
    const created = await tx.user.create({ data: { email: invitation.email, name: invitation.name } })
    for (const role of invitation.roles) {
      await tx.membership.create({ data: { userId: created.id, municipalityId: municipality.id, role, unitId: invitation.unitId } })
    }
    const token = await issueToken(tx, { userId: created.id, purpose: 'invite', municipalityId: municipality.id })
    const mail = inviteMail(mailLang(null, municipality.defaultLanguage), {
      name: created.name,
      municipality: municipality.name,
      link: link(`/invite/${token}`),
      days: TOKEN_TTL_MS.invite / 86_400_000,
    })
    await enqueueMail(tx, { to: created.email, ...mail, kind: 'invite', municipalityId: municipality.id })
    await auditInvite(tx, ctx, created.id, invitation, { outcome: 'created' })
    return { userId: created.id, created: true, outcome: 'created' }
  }

  const active = user.memberships.filter((m) => !m.deactivatedAt)
  if (!active.length) {
    const pending = await tx.pendingMembership.findFirst({
      where: { userId: user.id, municipalityId: municipality.id, programmeId: enrol?.programmeId ?? null },
      select: { id: true, roles: true },
    })
    const roles = [...new Set([...(pending?.roles.split(',').filter(Boolean) ?? []), ...invitation.roles])].join(',')
    const data = { roles, unitId: invitation.unitId, name: invitation.name, joinedOn: enrol?.joinedOn ?? null, invitedById: ctx.actorId }
    if (pending) await tx.pendingMembership.update({ where: { id: pending.id }, data })
    else await tx.pendingMembership.create({ data: { ...data, userId: user.id, municipalityId: municipality.id, programmeId: enrol?.programmeId ?? null } })
    // Addressed with the name the inviter typed: the admin may read this in the outbox.
    const mail = membershipInvitationMail(mailLang(null, municipality.defaultLanguage), { name: invitation.name, municipality: municipality.name, link: link('/account') })
    await enqueueMail(tx, { to: user.email, ...mail, kind: 'invitation', municipalityId: municipality.id })
    await auditInvite(tx, ctx, user.id, invitation, { outcome: 'pending' })
    return { userId: user.id, created: false, outcome: 'pending' }
  }

  let granted = false
  for (const role of invitation.roles) {
    const existing = user.memberships.find((m) => m.role === role)
    if (!existing) {
      const unitId = invitation.unitId ?? active.find((m) => m.unitId)?.unitId ?? null
      await tx.membership.create({ data: { userId: user.id, municipalityId: municipality.id, role, unitId } })
      granted = true
    } else if (existing.deactivatedAt || (invitation.unitId && invitation.unitId !== existing.unitId)) {
      // Only this municipality's own row; the unit changes only when one is chosen.
      await tx.membership.update({ where: { id: existing.id }, data: { deactivatedAt: null, ...(invitation.unitId ? { unitId: invitation.unitId } : {}) } })
      if (existing.deactivatedAt) granted = true
    }
  }
  if (granted) {
    const lang = mailLang(user.language, municipality.defaultLanguage)
    if (!user.passwordHash) {
      const token = await issueToken(tx, { userId: user.id, purpose: 'invite', municipalityId: municipality.id })
      const mail = inviteMail(lang, { name: user.name, municipality: municipality.name, link: link(`/invite/${token}`), days: TOKEN_TTL_MS.invite / 86_400_000 })
      await enqueueMail(tx, { to: user.email, ...mail, kind: 'invite', municipalityId: municipality.id })
    } else {
      const mail = accessGrantedMail(lang, { name: user.name, municipality: municipality.name, link: link('/login') })
      await enqueueMail(tx, { to: user.email, ...mail, kind: 'access', municipalityId: municipality.id })
    }
  }
  await auditInvite(tx, ctx, user.id, invitation, { outcome: 'member', granted })
  return { userId: user.id, created: false, outcome: 'member' }
}

async function auditInvite(tx: Tx, ctx: InviteContext, userId: string, invitation: Invitation, extra: Record<string, unknown>) {
  await audit(tx, {
    actorId: ctx.actorId,
    municipalityId: ctx.municipality.id,
    action: 'invite',
    entity: 'User',
    entityId: userId,
    details: { roles: invitation.roles, unitId: invitation.unitId, ...extra },
    ip: ctx.ip,
  })
}

export function invite(ctx: InviteContext, invitation: Invitation) {
  return db.$transaction((tx) => inviteInTx(tx, ctx, invitation))
}

/** A token link's state, for the page that asks for the new password. */
export async function lookupToken(token: string, purpose: TokenPurpose) {
  const row = await findUsableToken(token, purpose)
  return row ? { tokenId: row.id, userId: row.userId, name: row.user.name, email: row.user.email, municipalityId: row.municipalityId } : null
}

/**
 * Sets a password through an invitation or reset link. Single use: a second
 * request with the same link gets null. A reset signs the user out everywhere.
 */
export async function setPasswordWithToken(token: string, purpose: TokenPurpose, password: string): Promise<{ userId: string; municipalityId: string | null } | null> {
  const row = await findUsableToken(token, purpose)
  if (!row) return null
  const passwordHash = await hashPassword(password)
  return db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id))) return null
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } })
    if (purpose === 'reset') await tx.session.deleteMany({ where: { userId: row.userId } })
    await audit(tx, { actorId: row.userId, municipalityId: row.municipalityId, action: purpose === 'invite' ? 'accept-invite' : 'reset-password', entity: 'User', entityId: row.userId })
    return { userId: row.userId, municipalityId: row.municipalityId }
  })
}

/**
 * Sends a reset link when the address belongs to an active account. The caller
 * shows the same answer either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<{ limited: boolean; retryAfterSeconds?: number }> {
  const [byIp, byAccount] = [await consume('resetIp', ip), await consume('resetAccount', email)]
  if (!byIp.ok) return { limited: true, retryAfterSeconds: byIp.retryAfterSeconds }
  if (!byAccount.ok) return { limited: false }
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      language: true,
      disabledAt: true,
      platformRoles: { select: { role: true } },
      memberships: { where: { deactivatedAt: null }, orderBy: { createdAt: 'asc' }, select: { municipalityId: true, municipality: { select: { defaultLanguage: true } } } },
    },
  })
  if (!user || user.disabledAt) return { limited: false }
  // Filed under the user's municipality, so its administrators can see that it
  // went out (and read it when there is no SMTP server), but only when that is
  // the account's one municipality and it has no platform role: otherwise one
  // municipality's administrator could take over access to another, or to the platform.
  const municipalities = new Set(user.memberships.map((m) => m.municipalityId))
  const fileUnder = !user.platformRoles.length && municipalities.size === 1 ? user.memberships[0].municipalityId : null
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: 'reset' })
    const lang = mailLang(user.language, user.memberships[0]?.municipality.defaultLanguage ?? 'nb')
    const mail = resetMail(lang, { name: user.name, link: link(`/reset-password/${token}`), minutes: TOKEN_TTL_MS.reset / 60_000 })
    await enqueueMail(tx, { to: user.email, ...mail, kind: 'reset', municipalityId: fileUnder })
  })
  return { limited: false }
}

/** Changes the password after checking the current one; other sessions end. */
export async function changePassword(userId: string, sessionId: string, current: string, next: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) return false
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } })
  await endOtherSessions(userId, sessionId)
  await audit(db, { actorId: userId, action: 'change-password', entity: 'User', entityId: userId })
  return true
}

/** The person's own language choice; null follows the municipality's default. */
export async function setLanguagePreference(userId: string, language: Lang | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { language } })
}
