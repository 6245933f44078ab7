import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import { db } from '~/db.server.ts'
import { burnPasswordCheck, verifyPassword } from './password.server.ts'
import { consume, peek, reset } from './rate-limit.server.ts'

/** What every strategy yields: the user who proved who they are. */
export type AuthenticatedUser = { userId: string }

class InvalidCredentials extends Error {}

/**
 * Strategies by name. The password form is the first; OIDC providers (ID-porten,
 * a municipality's Entra ID) are added here as further strategies and end in the
 * same `startSession` call, so the rest of the app does not change.
 */
export const authenticator = new Authenticator<AuthenticatedUser>()

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get('email') ?? '').trim().toLowerCase()
    const password = String(form.get('password') ?? '')
    const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } })
    if (!user?.passwordHash || user.disabledAt) {
      await burnPasswordCheck(password)
      throw new InvalidCredentials()
    }
    if (!(await verifyPassword(user.passwordHash, password))) throw new InvalidCredentials()
    return { userId: user.id }
  }),
  'password',
)

export type LoginOutcome =
  | { ok: true; userId: string; municipalityId: string | null }
  | { ok: false; reason: 'invalid' | 'no_access' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

/** Password sign-in with rate limits: strict per account, loose per IP address. */
export async function loginWithPassword(request: Request, { email, ip }: { email: string; ip: string }): Promise<LoginOutcome> {
  const byIp = await consume('loginIp', ip)
  if (!byIp.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: byIp.retryAfterSeconds }
  const byAccount = await peek('loginAccount', email)
  if (!byAccount.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: byAccount.retryAfterSeconds }

  let user: AuthenticatedUser
  try {
    user = await authenticator.authenticate('password', request)
  } catch (error) {
    if (!(error instanceof InvalidCredentials)) throw error
    const counted = await consume('loginAccount', email)
    return counted.ok ? { ok: false, reason: 'invalid' } : { ok: false, reason: 'rate_limited', retryAfterSeconds: counted.retryAfterSeconds }
  }
  await reset('loginAccount', email)

  const access = await accessOf(user.userId)
  if (!access.hasAccess) return { ok: false, reason: 'no_access' }
  return { ok: true, userId: user.userId, municipalityId: access.municipalityId }
}

/** A user may sign in when they hold a platform role or an active role in some municipality. */
export async function accessOf(userId: string): Promise<{ hasAccess: boolean; municipalityId: string | null }> {
  const [membership, platformRoles] = await Promise.all([
    db.membership.findFirst({ where: { userId, deactivatedAt: null }, orderBy: { createdAt: 'asc' }, select: { municipalityId: true } }),
    db.platformRole.count({ where: { userId } }),
  ])
  return { hasAccess: !!membership || platformRoles > 0, municipalityId: membership?.municipalityId ?? null }
}
