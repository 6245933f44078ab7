import { randomBytes } from 'node:crypto'
import { db, type Tx } from '~/db.server.ts'
import { isLang, type Lang } from '~/i18n/index.ts'
import { attendanceGrid } from '~/modules/attendance/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { localiseGatheringText, osloParts } from '~/modules/curriculum/index.ts'
import { programmeAccess } from '~/modules/programmes/index.ts'
import { isCodeShaped, newVerificationCode, normaliseCode } from './code.ts'
import type { Actor } from '~/utils/actor.ts'

export type DiplomaKind = 'diploma' | 'participation'
export type AttendedSession = { title: string; date: string; minutes: number }

export type IssueResult = { issued: string[]; skipped: { userId: string; reason: 'diploma.alreadyIssued' | 'diploma.notEligible' | 'diploma.eligibleForDiploma' | 'notFound' }[] }

/** A unique index refused the write (here: a second active diploma for one person and programme). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/** The certificate's period: the programme's, narrowed to the holder's own enrolment for participation. */
export function holderPeriod(kind: DiplomaKind, programme: { startsOn: Date; endsOn: Date }, enrolment: { joinedOn: Date; leftOn: Date | null }) {
  if (kind === 'diploma') return { periodStart: programme.startsOn, periodEnd: programme.endsOn }
  const start = enrolment.joinedOn > programme.startsOn ? enrolment.joinedOn : programme.startsOn
  const end = enrolment.leftOn && enrolment.leftOn < programme.endsOn ? enrolment.leftOn : programme.endsOn
  return { periodStart: start, periodEnd: end < start ? start : end }
}

type IssueOptions = { replaces?: string; revoke?: { diplomaId: string; reason: string } }

/**
 * Issues diplomas (requirement met) or participation certificates (below the
 * requirement, showing the real hours). Each is a snapshot: name, hours and the
 * sessions attended are fixed at issue; a correction is a re-issue.
 * The "already has an active diploma" check and the writes share one transaction;
 * a partial unique index (one active diploma per person and programme) stops a
 * concurrent issue, which is then retried once and reports the diploma as already issued.
 */
export async function issueDiplomas(actor: Actor, programmeId: string, target: string[] | 'eligible', kind: DiplomaKind, lang: Lang, replaces?: string): Promise<IssueResult> {
  return issue(actor, programmeId, target, kind, lang, { replaces })
}

async function issue(actor: Actor, programmeId: string, target: string[] | 'eligible', kind: DiplomaKind, lang: Lang, options: IssueOptions, attempt = 0): Promise<IssueResult> {
  try {
    return await issueOnce(actor, programmeId, target, kind, lang, options)
  } catch (error) {
    if (attempt === 0 && isUniqueViolation(error)) return issue(actor, programmeId, target, kind, lang, options, 1)
    throw error
  }
}

class NothingIssued extends Error {}

async function issueOnce(actor: Actor, programmeId: string, target: string[] | 'eligible', kind: DiplomaKind, lang: Lang, options: IssueOptions): Promise<IssueResult> {
  const [grid, programme] = await Promise.all([
    attendanceGrid(programmeId),
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { name: true, startsOn: true, endsOn: true, municipality: { select: { name: true, defaultLanguage: true } }, coordinator: { select: { name: true } } } }),
  ])
  const rows = target === 'eligible' ? grid.rows.filter((r) => r.hours.eligible) : grid.rows.filter((r) => target.includes(r.userId))
  const result: IssueResult = { issued: [], skipped: [] }
  if (target !== 'eligible') for (const id of target) if (!rows.some((r) => r.userId === id)) result.skipped.push({ userId: id, reason: 'notFound' })
  const holders = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, language: true } })).map((u) => [u.id, u]))
  try {
    await db.$transaction(async (tx) => {
      if (options.revoke) await revokeIn(tx, actor, programmeId, options.revoke.diplomaId, options.revoke.reason)
      const active = await tx.diploma.findMany({ where: { programmeId, userId: { in: rows.map((r) => r.userId) }, revokedAt: null }, select: { userId: true } })
      const hasActive = new Set(active.map((d) => d.userId))
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
        // The holder's language: their own choice, else the municipality's default (not the issuer's).
        const chosen = holders.get(r.userId)?.language ?? programme.municipality.defaultLanguage
        const holderLang: Lang = isLang(chosen) ? chosen : lang
        const sessions: AttendedSession[] = grid.gatherings
          .map((g, i) => ({ title: localiseGatheringText(g, holderLang).title, date: osloParts(g.startsAt).date, minutes: r.cells[i] ?? 0 }))
          .filter((s) => s.minutes > 0)
        const d = await tx.diploma.create({
          data: {
            programmeId,
            userId: r.userId,
            kind,
            code: newVerificationCode((n) => randomBytes(n)),
            lang: holderLang,
            holderName: r.name,
            programmeName: programme.name,
            municipalityName: programme.municipality.name,
            coordinatorName: programme.coordinator.name,
            ...holderPeriod(kind, programme, r),
            minutesAttended: r.hours.attendedMinutes,
            minutesCredited: r.hours.creditedMinutes,
            minutesRequired: r.hours.requiredMinutes,
            sessions: JSON.stringify(sessions),
            issuedById: actor.userId,
            replacesId: options.replaces ?? null,
          },
        })
        result.issued.push(d.id)
      }
      // A re-issue that issues nothing revokes nothing either.
      if (options.revoke && result.issued.length === 0) throw new NothingIssued()
      if (result.issued.length) await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: `issue-${kind}`, entity: 'Programme', entityId: programmeId, details: { diplomas: result.issued }, ip: actor.ip })
    })
  } catch (error) {
    if (error instanceof NothingIssued) return result
    throw error
  }
  return result
}

async function revokeIn(tx: Tx, actor: Actor, programmeId: string, diplomaId: string, reason: string) {
  const { count } = await tx.diploma.updateMany({
    where: { id: diplomaId, programmeId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason, revokedById: actor.userId },
  })
  if (count === 1) await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'revoke-diploma', entity: 'Diploma', entityId: diplomaId, details: { reason }, ip: actor.ip })
  return count === 1
}

export async function revokeDiploma(actor: Actor, programmeId: string, diplomaId: string, reason: string) {
  return db.$transaction((tx) => revokeIn(tx, actor, programmeId, diplomaId, reason))
}

/**
 * After a correction: the old one is revoked (if it was not already) and a new one
 * made from today's figures, in one transaction (both or neither).
 */
export async function reissueDiploma(actor: Actor, programmeId: string, diplomaId: string, reason: string, lang: Lang) {
  const old = await db.diploma.findFirst({ where: { id: diplomaId, programmeId } })
  if (!old) return null
  const grid = await attendanceGrid(programmeId)
  const row = grid.rows.find((r) => r.userId === old.userId)
  if (!row) return { revoked: false, issued: [], skipped: [{ userId: old.userId, reason: 'notFound' as const }] }
  const result = await issue(actor, programmeId, [old.userId], row.hours.eligible ? 'diploma' : 'participation', lang, { replaces: old.id, revoke: old.revokedAt ? undefined : { diplomaId: old.id, reason } })
  // What this call did, so the page reports only that: the old one is revoked only when a new one was issued.
  return { revoked: !old.revokedAt && result.issued.length > 0, ...result }
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

/**
 * One diploma for its PDF, or null: only its holder and those who manage its
 * programme may have it.
 */
export async function diplomaForViewer(viewer: Parameters<typeof programmeAccess>[0], diplomaId: string) {
  const diploma = await db.diploma.findUnique({ where: { id: diplomaId } })
  if (!diploma) return null
  if (diploma.userId !== viewer.userId && (await programmeAccess(viewer, diploma.programmeId))?.access !== 'manage') return null
  return diploma
}

/** Every valid diploma of a programme, by name, for printing at the last gathering. */
export async function activeDiplomas(programmeId: string) {
  return db.diploma.findMany({ where: { programmeId, revokedAt: null }, orderBy: { holderName: 'asc' } })
}

/** One holder's diplomas in a programme, newest first (the progress page). */
export async function holderDiplomas(programmeId: string, userId: string) {
  return db.diploma.findMany({ where: { programmeId, userId }, orderBy: { issuedAt: 'desc' }, select: { id: true, kind: true, issuedAt: true, revokedAt: true } })
}
