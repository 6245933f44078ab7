import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { db } from '~/db.server.ts'
import { env } from '~/env.server.ts'

// Counters live in the database, so limits hold across app instances.
function limiter(keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: 'rateLimiterFlexible',
    keyPrefix,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout: false,
  })
}

export const limits = {
  /** Strict: failed sign-ins per account. */
  loginAccount: limiter('login_account', 5, 15 * 60),
  /** Loose: a whole municipality may sit behind one address. */
  loginIp: limiter('login_ip', 300, 15 * 60),
  /** Password-reset mails per address and per IP. */
  resetAccount: limiter('reset_account', 3, 60 * 60),
  resetIp: limiter('reset_ip', 50, 60 * 60),
  /** Public pages that look up secrets (diploma verification and the like). */
  publicLookupIp: limiter('public_lookup_ip', 60, 60),
}
export type LimitName = keyof typeof limits

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

function blocked(res: unknown): LimitResult {
  if (res instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
  throw res
}

/** Counts one hit; refused once the limit is used up. */
export async function consume(name: LimitName, key: string): Promise<LimitResult> {
  if (env.RATE_LIMITS === 'off') return { ok: true }
  try {
    await limits[name].consume(key)
    return { ok: true }
  } catch (res) {
    return blocked(res)
  }
}

/** Whether `key` is currently blocked, without counting a hit. */
export async function peek(name: LimitName, key: string): Promise<LimitResult> {
  if (env.RATE_LIMITS === 'off') return { ok: true }
  const res = await limits[name].get(key)
  if (res && res.consumedPoints >= limits[name].points) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
  return { ok: true }
}

export async function reset(name: LimitName, key: string): Promise<void> {
  await limits[name].delete(key)
}
