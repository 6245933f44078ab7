import { randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { db } from '~/db.server.ts'
import { cookieSecure, env } from '~/env.server.ts'

// Database sessions: the cookie carries only a signed, random session id.
// `__Host-` pins the cookie to this origin (needs Secure and Path=/).
export const sessionCookie = createCookie(cookieSecure ? '__Host-mn_session' : 'mn_session', {
  httpOnly: true,
  sameSite: 'lax',
  secure: cookieSecure,
  path: '/',
  secrets: env.SESSION_SECRET.split(',').map((s) => s.trim()),
})

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/**
 * Starts a new session (a fresh id every time: the id rotates at login) and
 * deletes the session the request came with, if any.
 */
export async function startSession(
  request: Request,
  { userId, municipalityId, mfaEnrolRequired = false }: { userId: string; municipalityId: string | null; mfaEnrolRequired?: boolean },
): Promise<string> {
  const previous = await readSessionId(request)
  const id = randomBytes(32).toString('base64url')
  await db.$transaction(async (tx) => {
    if (previous) await tx.session.deleteMany({ where: { id: previous } })
    await tx.session.create({
      data: {
        id,
        userId,
        currentMunicipalityId: municipalityId,
        expiresAt: new Date(Date.now() + SESSION_TTL_MS),
        mfaEnrolRequired,
        userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
        lastSeenAt: new Date(),
      },
    })
  })
  return sessionCookie.serialize(id)
}

/** Deletes the session row and returns a Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request)
  if (id) await db.session.deleteMany({ where: { id } })
  return sessionCookie.serialize('', { maxAge: 0, expires: new Date(0) })
}

export async function endOtherSessions(userId: string, keepSessionId: string | null): Promise<void> {
  await db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } })
}

export async function setCurrentMunicipality(sessionId: string, municipalityId: string): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { currentMunicipalityId: municipalityId } })
}
