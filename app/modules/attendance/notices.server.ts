import { randomInt } from 'node:crypto'
import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import type { Actor } from '~/utils/actor.ts'

type GatheringRef = { id: string; programmeId: string; startsAt: Date; durationMinutes: number }

/** A mentor says in advance they cannot come; a reason category at most, never health details. */
export async function notifyAbsence(userId: string, gathering: GatheringRef, reason: string | undefined) {
  await db.absenceNotice.upsert({
    where: { gatheringId_userId: { gatheringId: gathering.id, userId } },
    create: { gatheringId: gathering.id, userId, programmeId: gathering.programmeId, reason: reason ?? null },
    update: { reason: reason ?? null },
  })
}

export async function withdrawAbsence(userId: string, gatheringId: string) {
  await db.absenceNotice.deleteMany({ where: { gatheringId, userId } })
}

export async function myAbsence(userId: string, gatheringId: string) {
  return db.absenceNotice.findUnique({ where: { gatheringId_userId: { gatheringId, userId } }, select: { reason: true, createdAt: true } })
}

/** Every notice in a programme, for the coordinator's overview (names from `names`, e.g. the grid's rows). */
export async function listAbsences(programmeId: string, names: ReadonlyMap<string, string>) {
  const rows = await db.absenceNotice.findMany({
    where: { programmeId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, createdAt: true, userId: true, gathering: { select: { id: true, title: true, startsAt: true } } },
  })
  return rows.map((r) => ({ ...r, name: names.get(r.userId) ?? '–' }))
}

export async function grantCredit(actor: Actor, programmeId: string, input: { userId: string; minutes: number; kind: string; reason: string }) {
  const enrolled = await db.enrolment.findUnique({ where: { programmeId_userId: { programmeId, userId: input.userId } }, select: { id: true } })
  if (!enrolled) return false
  await db.$transaction(async (tx) => {
    const credit = await tx.attendanceCredit.create({ data: { programmeId, userId: input.userId, minutes: input.minutes, kind: input.kind, reason: input.reason, grantedById: actor.userId } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'grant-credit', entity: 'Programme', entityId: programmeId, details: { creditId: credit.id, userId: input.userId, minutes: input.minutes, kind: input.kind }, ip: actor.ip })
  })
  return true
}

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
