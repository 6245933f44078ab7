// Check-in codes: a mentor registers their own arrival with the gathering's code.
import { randomInt } from 'node:crypto'
import { db } from '~/db.server.ts'

type GatheringRef = { id: string; programmeId: string; startsAt: Date; durationMinutes: number }

// Self check-in: short codes without look-alike characters, kept in the database
// so any app instance can check them.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function newCode() {
  return Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** The gathering's check-in code, made on first request; valid until an hour after the end. */
export async function checkInCode(actorId: string, gathering: GatheringRef) {
  const now = new Date()
  const current = await db.checkInCode.findFirst({ where: { gatheringId: gathering.id, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } })
  if (current) return current
  const expiresAt = new Date(Math.max(gathering.startsAt.getTime() + (gathering.durationMinutes + 60) * 60_000, now.getTime() + 3 * 3_600_000))
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.checkInCode.create({ data: { gatheringId: gathering.id, code: newCode(), expiresAt, createdById: actorId } })
    } catch (error) {
      if (attempt > 5) throw error
    }
  }
}

export async function currentCheckInCode(gatheringId: string) {
  return db.checkInCode.findFirst({ where: { gatheringId, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' }, select: { code: true, expiresAt: true } })
}

export type CheckInResult = { ok: true; gatheringId: string; programmeId: string; title: string } | { ok: false; reason: 'unknown' | 'notEnrolled' }

/** A mentor checks in with the code on the screen; the coordinator confirms later. */
export async function checkInWithCode(userId: string, code: string): Promise<CheckInResult> {
  const found = await db.checkInCode.findUnique({
    where: { code },
    select: { expiresAt: true, gathering: { select: { id: true, programmeId: true, title: true } } },
  })
  if (!found || found.expiresAt <= new Date()) return { ok: false, reason: 'unknown' }
  const g = found.gathering
  const enrolled = await db.enrolment.findFirst({ where: { programmeId: g.programmeId, userId, leftOn: null }, select: { id: true } })
  if (!enrolled) return { ok: false, reason: 'notEnrolled' }
  await db.checkIn.upsert({ where: { gatheringId_userId: { gatheringId: g.id, userId } }, create: { gatheringId: g.id, userId }, update: {} })
  return { ok: true, gatheringId: g.id, programmeId: g.programmeId, title: g.title }
}
