import { randomBytes } from 'node:crypto'
import { db } from '~/db.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { attendanceGrid } from '~/modules/attendance/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloParts } from '~/modules/curriculum/index.ts'
import { isCodeShaped, newVerificationCode, normaliseCode } from './code.ts'

type Actor = { userId: string; municipalityId: string; ip?: string | null }
export type DiplomaKind = 'diploma' | 'participation'
export type AttendedSession = { title: string; date: string; minutes: number }

export type IssueResult = { issued: string[]; skipped: { userId: string; reason: 'diploma.alreadyIssued' | 'diploma.notEligible' | 'diploma.eligibleForDiploma' | 'notFound' }[] }

/**
 * Issues diplomas (requirement met) or participation certificates (below the
 * requirement, showing the real hours). Each is a snapshot: name, hours and the
 * sessions attended are fixed at issue; a correction is a re-issue.
 */
export async function issueDiplomas(actor: Actor, programmeId: string, target: string[] | 'eligible', kind: DiplomaKind, lang: Lang, replaces?: string): Promise<IssueResult> {
  const [grid, programme, active] = await Promise.all([
    attendanceGrid(programmeId),
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true, startsOn: true, endsOn: true, municipality: { select: { name: true } }, coordinator: { select: { name: true } } } }),
    db.diploma.findMany({ where: { programmeId, revokedAt: null }, select: { userId: true } }),
  ])
  const hasActive = new Set(active.map((d) => d.userId))
  const rows = target === 'eligible' ? grid.rows.filter((r) => r.hours.eligible) : grid.rows.filter((r) => target.includes(r.userId))
  const result: IssueResult = { issued: [], skipped: [] }
  if (target !== 'eligible') for (const id of target) if (!rows.some((r) => r.userId === id)) result.skipped.push({ userId: id, reason: 'notFound' })
  const holders = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, language: true } })).map((u) => [u.id, u]))
  await db.$transaction(async (tx) => {
    for (const r of rows) {
      if (hasActive.has(r.userId)) {
        result.skipped.push({ userId: r.userId, reason: 'diploma.alreadyIssued' })
        continue
      }
      if (kind === 'diploma' && !r.hours.eligible) {
        result.skipped.push({ userId: r.userId, reason: 'diploma.notEligible' })
        continue
      }
      if (kind === 'participation' && r.hours.eligible) {
        result.skipped.push({ userId: r.userId, reason: 'diploma.eligibleForDiploma' })
        continue
      }
      const sessions: AttendedSession[] = grid.gatherings
        .map((g, i) => ({ title: g.title, date: osloParts(g.startsAt).date, minutes: r.cells[i] ?? 0 }))
        .filter((s) => s.minutes > 0)
      const holderLang = holders.get(r.userId)?.language
      const d = await tx.diploma.create({
        data: {
          programmeId,
          userId: r.userId,
          kind,
          code: newVerificationCode((n) => randomBytes(n)),
          lang: isLang(holderLang) ? holderLang : lang,
          holderName: r.name,
          programmeName: programme.name,
          municipalityName: programme.municipality.name,
          coordinatorName: programme.coordinator.name,
          periodStart: programme.startsOn,
          periodEnd: programme.endsOn,
          minutesAttended: r.hours.attendedMinutes,
          minutesCredited: r.hours.creditedMinutes,
          minutesRequired: r.hours.requiredMinutes,
          sessions: JSON.stringify(sessions),
          issuedById: actor.userId,
          replacesId: replaces ?? null,
        },
      })
      result.issued.push(d.id)
    }
    if (result.issued.length) await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: `issue-${kind}`, entity: 'Programme', entityId: programmeId, details: { diplomas: result.issued }, ip: actor.ip })
  })
  return result
}

export async function revokeDiploma(actor: Actor, programmeId: string, diplomaId: string, reason: string) {
  const { count } = await db.diploma.updateMany({
    where: { id: diplomaId, programmeId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason, revokedById: actor.userId },
  })
  if (count === 1) await audit(db, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'revoke-diploma', entity: 'Diploma', entityId: diplomaId, details: { reason }, ip: actor.ip })
  return count === 1
}

/** After a correction: the old one is revoked (if it was not already) and a new one made from today's figures. */
export async function reissueDiploma(actor: Actor, programmeId: string, diplomaId: string, reason: string, lang: Lang) {
  const old = await db.diploma.findFirst({ where: { id: diplomaId, programmeId } })
  if (!old) return null
  // What this call did, so the page reports only that.
  const revoked = !old.revokedAt && (await revokeDiploma(actor, programmeId, diplomaId, reason))
  const grid = await attendanceGrid(programmeId)
  const row = grid.rows.find((r) => r.userId === old.userId)
  if (!row) return { revoked, issued: [], skipped: [{ userId: old.userId, reason: 'notFound' }] }
  return { revoked, ...(await issueDiplomas(actor, programmeId, [old.userId], row.hours.eligible ? 'diploma' : 'participation', lang, old.id)) }
}

export async function listDiplomas(programmeId: string) {
  return db.diploma.findMany({
    where: { programmeId },
    orderBy: [{ holderName: 'asc' }, { issuedAt: 'desc' }],
    select: { id: true, userId: true, kind: true, code: true, holderName: true, minutesAttended: true, minutesCredited: true, minutesRequired: true, issuedAt: true, revokedAt: true, revokedReason: true, replacesId: true },
  })
}

/** Public verification: only what is printed on the diploma, or null (not found). */
export async function verifyDiploma(input: string) {
  const code = normaliseCode(input)
  if (!isCodeShaped(code)) return null
  const d = await db.diploma.findUnique({
    where: { code },
    select: { kind: true, holderName: true, programmeName: true, municipalityName: true, periodStart: true, periodEnd: true, minutesAttended: true, minutesCredited: true, minutesRequired: true, issuedAt: true, revokedAt: true },
  })
  return d
}

export function parseSessions(json: string): AttendedSession[] {
  try {
    return JSON.parse(json) as AttendedSession[]
  } catch {
    return []
  }
}
