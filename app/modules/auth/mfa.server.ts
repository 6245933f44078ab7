import { createHash, randomInt } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { db } from '~/db.server.ts'
import { cookieSecure, env } from '~/env.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { classifyCode, formatRecoveryCode, MFA_REQUIRED_ROLES, RECOVERY_CODE_COUNT } from './mfa.ts'
import { consume, reset } from './rate-limit.server.ts'
import { open, seal } from './secret-box.server.ts'
import { startSession } from './session.server.ts'
import { safeRedirect } from '~/utils/redirect.ts'

const ISSUER = 'Mentornett'
const PENDING_TTL_SECONDS = 5 * 60

/** Does one of the user's roles require a second factor? */
export async function userRequiresMfa(userId: string): Promise<boolean> {
  const [municipal, platform] = await Promise.all([
    db.membership.count({ where: { userId, deactivatedAt: null, role: { in: MFA_REQUIRED_ROLES as string[] } } }),
    db.platformRole.count({ where: { userId, role: { in: MFA_REQUIRED_ROLES as string[] } } }),
  ])
  return municipal + platform > 0
}

export type MfaStatus = { enabled: boolean; required: boolean; inGrace: boolean; recoveryLeft: number }

export async function mfaStatus(userId: string): Promise<MfaStatus> {
  const [row, required, recoveryLeft] = await Promise.all([
    db.userMfa.findUnique({ where: { userId }, select: { enabledAt: true, graceUntil: true } }),
    userRequiresMfa(userId),
    db.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
  ])
  return { enabled: !!row?.enabledAt, required, inGrace: !!row?.graceUntil && row.graceUntil > new Date(), recoveryLeft }
}

/** Starts (or restarts) setting up TOTP: a new secret, its otpauth URI and a QR code as SVG. */
export async function beginEnrolment(userId: string, label: string): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
  const existing = await db.userMfa.findUnique({ where: { userId }, select: { enabledAt: true } })
  if (existing?.enabledAt) return null
  const secret = generateSecret()
  await db.userMfa.upsert({ where: { userId }, create: { userId, secretEnc: seal(secret) }, update: { secretEnc: seal(secret), lastUsedStep: null } })
  const uri = generateURI({ issuer: ISSUER, label, secret })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, uri, qrSvg }
}

/** The secret being set up, to show again after a wrong code. */
export async function pendingEnrolment(userId: string, label: string): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
  const row = await db.userMfa.findUnique({ where: { userId }, select: { enabledAt: true, secretEnc: true } })
  const secret = row && !row.enabledAt && row.secretEnc ? open(row.secretEnc) : null
  if (!secret) return null
  const uri = generateURI({ issuer: ISSUER, label, secret })
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) }
}

async function checkTotp(userId: string, secretEnc: string | null, lastUsedStep: number | null, code: string): Promise<number | null> {
  const secret = secretEnc ? open(secretEnc) : null
  if (!secret) return null
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(lastUsedStep != null ? { afterTimeStep: lastUsedStep } : {}) })
  return result.valid ? (result as { timeStep: number }).timeStep : null
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`mentornett-recovery:${code}`).digest('hex')
}

function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join(''))
}

/**
 * Confirms the setup with a code from the app: turns TOTP on, lifts the
 * enrolment requirement from the user's sessions and returns fresh recovery
 * codes (shown once; only hashes are kept). Null for a wrong code.
 */
export async function confirmEnrolment(userId: string, code: string): Promise<string[] | null> {
  const row = await db.userMfa.findUnique({ where: { userId } })
  const parsed = classifyCode(code)
  if (!row || row.enabledAt || parsed?.kind !== 'totp') return null
  const step = await checkTotp(userId, row.secretEnc, row.lastUsedStep, parsed.code)
  if (step == null) return null
  const codes = newRecoveryCodes()
  await db.$transaction(async (tx) => {
    await tx.userMfa.update({ where: { userId }, data: { enabledAt: new Date(), lastUsedStep: step } })
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } })
    await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) })
    await tx.session.updateMany({ where: { userId, mfaEnrolRequired: true }, data: { mfaEnrolRequired: false } })
    await audit(tx, { actorId: userId, action: 'enable-mfa', entity: 'User', entityId: userId })
  })
  return codes.map(formatRecoveryCode)
}

export async function regenerateRecoveryCodes(userId: string): Promise<string[] | null> {
  const row = await db.userMfa.findUnique({ where: { userId }, select: { enabledAt: true } })
  if (!row?.enabledAt) return null
  const codes = newRecoveryCodes()
  await db.$transaction(async (tx) => {
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } })
    await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) })
    await audit(tx, { actorId: userId, action: 'regenerate-recovery-codes', entity: 'User', entityId: userId })
  })
  return codes.map(formatRecoveryCode)
}

/** Turns TOTP off; refused (false) for a role that requires it. */
export async function disableMfa(userId: string): Promise<boolean> {
  if (await userRequiresMfa(userId)) return false
  await db.$transaction(async (tx) => {
    await tx.userMfa.deleteMany({ where: { userId } })
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } })
    await audit(tx, { actorId: userId, action: 'disable-mfa', entity: 'User', entityId: userId })
  })
  return true
}

export type SecondFactorResult = { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

/** Checks a TOTP code (each time step once) or a recovery code (each code once). Rate limited per account. */
export async function verifySecondFactor(userId: string, input: string): Promise<SecondFactorResult> {
  const limited = await consume('loginAccount', `mfa:${userId}`)
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds }
  const parsed = classifyCode(input)
  const row = await db.userMfa.findUnique({ where: { userId } })
  if (!parsed || !row?.enabledAt) return { ok: false, reason: 'invalid' }
  if (parsed.kind === 'totp') {
    const step = await checkTotp(userId, row.secretEnc, row.lastUsedStep, parsed.code)
    if (step == null) return { ok: false, reason: 'invalid' }
    // Conditional write: two requests with the same code cannot both pass.
    const { count } = await db.userMfa.updateMany({ where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] }, data: { lastUsedStep: step } })
    if (count !== 1) return { ok: false, reason: 'invalid' }
  } else {
    const { count } = await db.mfaRecoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(parsed.code), usedAt: null }, data: { usedAt: new Date() } })
    if (count !== 1) return { ok: false, reason: 'invalid' }
    await audit(db, { actorId: userId, action: 'use-recovery-code', entity: 'User', entityId: userId })
  }
  await reset('loginAccount', `mfa:${userId}`)
  return { ok: true }
}

// ── Between the first factor and the session ─────────────────────────────────

type Pending = { userId: string; municipalityId: string | null; redirectTo: string; at: number }

const pendingCookie = createCookie(cookieSecure ? '__Host-mn_mfa' : 'mn_mfa', {
  httpOnly: true,
  sameSite: 'lax',
  secure: cookieSecure,
  path: '/',
  maxAge: PENDING_TTL_SECONDS,
  secrets: env.SESSION_SECRET.split(',').map((s) => s.trim()),
})

export async function readPendingSignIn(request: Request): Promise<Pending | null> {
  const value = (await pendingCookie.parse(request.headers.get('Cookie'))) as Pending | null
  if (!value || typeof value.userId !== 'string' || Date.now() - value.at > PENDING_TTL_SECONDS * 1000) return null
  return value
}

export function clearPendingSignIn(): Promise<string> {
  return pendingCookie.serialize('', { maxAge: 0, expires: new Date(0) })
}

/**
 * After the first factor (password or SSO): either a session right away, a stop
 * at the code page (TOTP on), or a session that is sent to set up TOTP first
 * (a role that requires it, no TOTP yet, no grace). Returns where to go and the cookies to set.
 */
export async function afterFirstFactor(
  request: Request,
  input: { userId: string; municipalityId: string | null; redirectTo?: string | null; strongFirstFactor?: boolean },
): Promise<{ location: string; cookies: string[] }> {
  const redirectTo = safeRedirect(input.redirectTo)
  const row = await db.userMfa.findUnique({ where: { userId: input.userId }, select: { enabledAt: true, graceUntil: true } })
  if (row?.enabledAt && !input.strongFirstFactor) {
    const cookie = await pendingCookie.serialize({ userId: input.userId, municipalityId: input.municipalityId, redirectTo, at: Date.now() } satisfies Pending)
    return { location: '/login/two-factor', cookies: [cookie] }
  }
  const mustEnrol = !row?.enabledAt && !input.strongFirstFactor && !(row?.graceUntil && row.graceUntil > new Date()) && (await userRequiresMfa(input.userId))
  const cookie = await startSession(request, { userId: input.userId, municipalityId: input.municipalityId, mfaEnrolRequired: mustEnrol })
  return { location: mustEnrol ? '/account/two-factor' : redirectTo, cookies: [cookie] }
}

/** The code page: checks the code and starts the session. */
export async function completeSecondFactor(request: Request, code: string): Promise<({ ok: true; location: string; cookies: string[] }) | ({ ok: false; reason: 'expired' | 'invalid' | 'rate_limited'; retryAfterSeconds?: number })> {
  const pending = await readPendingSignIn(request)
  if (!pending) return { ok: false, reason: 'expired' }
  const checked = await verifySecondFactor(pending.userId, code)
  if (!checked.ok) return checked
  const session = await startSession(request, { userId: pending.userId, municipalityId: pending.municipalityId })
  return { ok: true, location: pending.redirectTo, cookies: [session, await clearPendingSignIn()] }
}
