import { createHash } from 'node:crypto'
import { db } from '~/db.server.ts'
import { describeDevice } from './device.ts'

/** The page never sees a session id (the cookie's secret half): it sees a hash of it. */
function handleOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 24)
}

export type MySession = {
  /** A handle for the form, not the session id. */
  id: string
  current: boolean
  device: { browser: string; os: string } | null
  signedInAt: string
  lastSeenAt: string
}

/** The user's own active sessions, the current one first, then the most recently seen. */
export async function listMySessions(userId: string, currentSessionId: string): Promise<MySession[]> {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { createdAt: 'desc' },
    take: 50,
  })
  return rows
    .map((r) => ({
      id: handleOf(r.id),
      current: r.id === currentSessionId,
      device: describeDevice(r.userAgent),
      signedInAt: r.createdAt.toISOString(),
      lastSeenAt: (r.lastSeenAt ?? r.createdAt).toISOString(),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
}

/**
 * Ends one of the user's own sessions by its handle, never the current one (that
 * is signing out). Only the user's own sessions are searched: false for anyone else's.
 */
export async function endMySession(userId: string, currentSessionId: string, handle: string): Promise<boolean> {
  const mine = await db.session.findMany({ where: { userId, id: { not: currentSessionId } }, select: { id: true } })
  const target = mine.find((s) => handleOf(s.id) === handle)
  if (!target) return false
  const { count } = await db.session.deleteMany({ where: { id: target.id, userId } })
  return count === 1
}

export async function endMyOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } })
  return count
}
