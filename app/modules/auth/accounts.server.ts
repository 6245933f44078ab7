import { db, type Tx } from '~/db.server.ts'
import { env } from '~/env.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { accessGrantedMail, enqueueMail, inviteMail, resetMail } from '~/modules/mail/index.ts'
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

/**
 * Gives a person roles in a municipality inside `tx`. A new person gets an
 * account without a password and an invitation link; someone who already has
 * an account is told about the new access.
 */
export async function inviteInTx(tx: Tx, ctx: InviteContext, invitation: Invitation): Promise<{ userId: string; created: boolean }> {
  const { municipality } = ctx
  let user = await tx.user.findUnique({ where: { email: invitation.email } })
  const created = !user
  user ??= await tx.user.create({ data: { email: invitation.email, name: invitation.name } })
  for (const role of invitation.roles) {
    await tx.membership.upsert({
      where: { userId_municipalityId_role: { userId: user.id, municipalityId: municipality.id, role } },
      create: { userId: user.id, municipalityId: municipality.id, role, unitId: invitation.unitId },
      update: { deactivatedAt: null, unitId: invitation.unitId },
    })
  }
  const lang = mailLang(user.language, municipality.defaultLanguage)
  if (!user.passwordHash) {
    const token = await issueToken(tx, { userId: user.id, purpose: 'invite', municipalityId: municipality.id })
    const mail = inviteMail(lang, {
      name: user.name,
      municipality: municipality.name,
      link: link(`/invite/${token}`),
      days: TOKEN_TTL_MS.invite / 86_400_000,
    })
    await enqueueMail(tx, { to: user.email, ...mail, kind: 'invite', municipalityId: municipality.id })
  } else {
    const mail = accessGrantedMail(lang, { name: user.name, municipality: municipality.name, link: link('/login') })
    await enqueueMail(tx, { to: user.email, ...mail, kind: 'access', municipalityId: municipality.id })
  }
  await audit(tx, {
    actorId: ctx.actorId,
    municipalityId: municipality.id,
    action: 'invite',
    entity: 'User',
    entityId: user.id,
    details: { roles: invitation.roles, unitId: invitation.unitId, created },
    ip: ctx.ip,
  })
  return { userId: user.id, created }
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
export async function requestPasswordReset(email: string, ip: string): Promise<{ limited: boolean }> {
  const [byIp, byAccount] = [await consume('resetIp', ip), await consume('resetAccount', email)]
  if (!byIp.ok) return { limited: true }
  if (!byAccount.ok) return { limited: false }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, language: true, disabledAt: true, memberships: { take: 1, orderBy: { createdAt: 'asc' }, select: { municipalityId: true, municipality: { select: { defaultLanguage: true } } } } },
  })
  if (!user || user.disabledAt) return { limited: false }
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: 'reset' })
    const lang = mailLang(user.language, user.memberships[0]?.municipality.defaultLanguage ?? 'nb')
    const mail = resetMail(lang, { name: user.name, link: link(`/reset-password/${token}`), minutes: TOKEN_TTL_MS.reset / 60_000 })
    // Filed under the user's first municipality, so its admins can see that it went out.
    await enqueueMail(tx, { to: user.email, ...mail, kind: 'reset', municipalityId: user.memberships[0]?.municipalityId ?? null })
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
