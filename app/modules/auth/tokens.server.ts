import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '~/db.server.ts'
import { db } from '~/db.server.ts'

export type TokenPurpose = 'invite' | 'reset'

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a single-use token; only its hash is stored. Older unused tokens of the same purpose stop working. */
export async function issueToken(
  tx: Tx,
  { userId, purpose, municipalityId }: { userId: string; purpose: TokenPurpose; municipalityId?: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await tx.userToken.updateMany({
    where: { userId, purpose, usedAt: null },
    data: { usedAt: new Date() },
  })
  await tx.userToken.create({
    data: {
      userId,
      purpose,
      municipalityId: municipalityId ?? null,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    },
  })
  return token
}

/** A token that may still be used, or null (unknown, used or expired). */
export async function findUsableToken(token: string, purpose: TokenPurpose) {
  if (!token || token.length > 100) return null
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true, passwordHash: true } } },
  })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date() || row.user.disabledAt) return null
  return row
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(tx: Tx, tokenId: string): Promise<boolean> {
  const { count } = await tx.userToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  })
  return count === 1
}
