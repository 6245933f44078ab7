// Erasure: a person's records are deleted where nobody else depends on them and
// anonymised where others' records refer to them (attendance totals, minutes,
// plans, networks). Scoped to one municipality: an admin erases only what their
// municipality holds; the account itself is anonymised only when the person has
// no role anywhere else (see docs/decisions.md, "Erasure across municipalities").
import { db, type Tx } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'

export const ERASED_NAME = 'Slettet person'
export const ERASED_TEXT = '[slettet]'

export type ErasureMode = 'full' | 'local'

/** Where a person belongs: memberships (any state) or open invitations. */
async function belongsTo(client: Tx | typeof db, userId: string, municipalityId: string) {
  const [membership, pending] = await Promise.all([
    client.membership.findFirst({ where: { userId, municipalityId }, select: { id: true } }),
    client.pendingMembership.findFirst({ where: { userId, municipalityId }, select: { id: true } }),
  ])
  return !!(membership || pending)
}

/** 'full' when the person has nothing outside this municipality (no role, invitation or platform role). */
async function modeFor(client: Tx | typeof db, userId: string, municipalityId: string): Promise<ErasureMode> {
  const [elsewhere, pendingElsewhere, platform] = await Promise.all([
    client.membership.count({ where: { userId, municipalityId: { not: municipalityId } } }),
    client.pendingMembership.count({ where: { userId, municipalityId: { not: municipalityId } } }),
    client.platformRole.count({ where: { userId } }),
  ])
  return elsewhere + pendingElsewhere + platform === 0 ? 'full' : 'local'
}

/** What an erasure would do, for the confirmation page. Null when the person is not in the municipality. */
export async function previewErasure(municipalityId: string, userId: string) {
  if (!(await belongsTo(db, userId, municipalityId))) return null
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } })
  if (!user) return null
  const inM = { programme: { municipalityId } }
  const [mode, attendance, enrolments, diplomas, plans, answers, worksheets] = await Promise.all([
    modeFor(db, userId, municipalityId),
    db.attendance.count({ where: { userId, gathering: inM } }),
    db.enrolment.count({ where: { userId, ...inM } }),
    db.diploma.count({ where: { userId, ...inM } }),
    db.menteePlan.count({ where: { municipalityId, OR: [{ menteeUserId: userId }, { mentorId: userId }, { leaderId: userId }] } }),
    db.preparationAnswer.count({ where: { ownerId: userId, municipalityId } }),
    db.worksheet.count({ where: { ownerId: userId, municipalityId } }),
  ])
  return { user, mode, counts: { attendance, enrolments, diplomas, plans, answers, worksheets } }
}

export type ErasureResult = { ok: true; mode: ErasureMode; counts: Record<string, number> } | { ok: false; error: 'notFound' | 'privacy.eraseSelf' | 'users.lastAdmin' }

/** Erases a person as the municipality's admin asked. Audited (without the person's name). */
export async function erasePerson(
  actor: { userId: string; municipalityId: string; ip?: string | null },
  userId: string,
  options: { removeDiplomas: boolean },
): Promise<ErasureResult> {
  if (actor.userId === userId) return { ok: false, error: 'privacy.eraseSelf' }
  return db.$transaction(async (tx) => {
    if (!(await belongsTo(tx, userId, actor.municipalityId))) return { ok: false as const, error: 'notFound' as const }
    const admins = await tx.membership.findMany({ where: { municipalityId: actor.municipalityId, role: 'municipality_admin', deactivatedAt: null }, select: { userId: true } })
    if (admins.length > 0 && admins.every((a) => a.userId === userId)) return { ok: false as const, error: 'users.lastAdmin' as const }
    const mode = await modeFor(tx, userId, actor.municipalityId)
    const counts = await anonymise(tx, userId, mode === 'full' ? null : actor.municipalityId, options)
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'erase', entity: 'User', entityId: userId, details: { mode, removeDiplomas: options.removeDiplomas, ...counts }, ip: actor.ip })
    return { ok: true as const, mode, counts }
  })
}

/**
 * The work itself, in the caller's transaction. `municipalityId` null: everywhere,
 * and the account is anonymised; otherwise only that municipality's records.
 */
export async function anonymise(tx: Tx, userId: string, municipalityId: string | null, options: { removeDiplomas: boolean }) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } })
  const full = municipalityId === null
  const m = municipalityId ?? undefined
  const inProgramme = full ? {} : { programme: { municipalityId: m } }
  const inGathering = full ? {} : { gathering: { programme: { municipalityId: m } } }
  const programmeIds = full ? null : (await tx.programme.findMany({ where: { municipalityId: m }, select: { id: true } })).map((p) => p.id)
  const counts: Record<string, number> = {}
  const count = (key: string, r: { count: number }) => (counts[key] = r.count)

  // Roles, invitations, sign-in.
  count('memberships', await tx.membership.deleteMany({ where: { userId, municipalityId: m } }))
  count('invitations', await tx.pendingMembership.deleteMany({ where: { userId, municipalityId: m } }))
  count('tokens', await tx.userToken.deleteMany({ where: full ? { userId } : { userId, municipalityId: m } }))
  if (full) count('sessions', await tx.session.deleteMany({ where: { userId } }))
  else await tx.session.updateMany({ where: { userId, currentMunicipalityId: m }, data: { currentMunicipalityId: null } })

  // The person's own material: deleted.
  count('answers', await tx.preparationAnswer.deleteMany({ where: { ownerId: userId, municipalityId: m } }))
  count('worksheets', await tx.worksheet.deleteMany({ where: full ? { ownerId: userId } : { ownerId: userId, municipalityId: m } }))
  count('absences', await tx.absenceNotice.deleteMany({ where: { userId, ...inGathering } }))
  count('checkIns', await tx.checkIn.deleteMany({ where: { userId, ...inGathering } }))
  count('calendarFeeds', await tx.calendarFeed.deleteMany({ where: full ? { userId } : { userId, kind: 'programme', programmeId: { in: programmeIds! } } }))
  count('networkMemberships', await tx.networkMember.deleteMany({ where: full ? { userId } : { userId, network: { municipalityId: m } } }))
  if (options.removeDiplomas) count('diplomas', await tx.diploma.deleteMany({ where: { userId, ...inProgramme } }))

  // Records others depend on: kept, free text about the person cleared.
  await tx.attendanceCredit.updateMany({ where: { userId, ...inProgramme }, data: { reason: ERASED_TEXT } })
  await tx.enrolment.updateMany({ where: { userId, leftReason: { not: null }, ...inProgramme }, data: { leftReason: ERASED_TEXT } })
  await tx.minutesReview.updateMany({ where: { userId, comment: { not: null }, ...(full ? {} : { minutes: { municipalityId: m } }) }, data: { comment: null } })
  const planIds = (await tx.menteePlan.findMany({ where: { menteeUserId: userId, municipalityId: m }, select: { id: true } })).map((p) => p.id)
  if (planIds.length) {
    await tx.menteePlan.updateMany({ where: { id: { in: planIds } }, data: { menteeName: ERASED_NAME, menteeUserId: null, endReason: null } })
    await tx.planItem.updateMany({ where: { planId: { in: planIds } }, data: { note: null, movedReason: null } })
  }
  counts.plans = planIds.length

  // The name in minutes (texts and "who had not answered") of this scope.
  const minutesScope = full ? {} : { municipalityId: m }
  for (const v of await tx.minutesVersion.findMany({ where: { body: { contains: user.name }, minutes: minutesScope }, select: { id: true, body: true } })) {
    await tx.minutesVersion.update({ where: { id: v.id }, data: { body: v.body.split(user.name).join(ERASED_TEXT) } })
  }
  for (const mi of await tx.minutes.findMany({ where: { closedNotAnswered: { contains: user.name }, ...minutesScope }, select: { id: true, closedNotAnswered: true } })) {
    await tx.minutes.update({ where: { id: mi.id }, data: { closedNotAnswered: mi.closedNotAnswered!.split(user.name).join(ERASED_TEXT) } })
  }

  // Mail to the person and the change log's mentions of them.
  count('outbox', await tx.outboxMessage.deleteMany({ where: full ? { toAddress: user.email } : { toAddress: user.email, municipalityId: m } }))
  const auditScope = full ? {} : { municipalityId: m }
  await tx.auditEvent.updateMany({ where: { ...auditScope, OR: [{ details: { contains: user.email } }, { details: { contains: user.name } }] }, data: { details: null } })
  await tx.auditEvent.updateMany({ where: { ...auditScope, actorId: userId, ip: { not: null } }, data: { ip: null } })

  if (full) {
    await tx.user.update({
      where: { id: userId },
      data: { name: ERASED_NAME, email: `erased-${userId}@erased.invalid`, passwordHash: null, language: null, disabledAt: new Date() },
    })
  }
  return counts
}
