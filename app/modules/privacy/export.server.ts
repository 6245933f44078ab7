// Access requests: everything stored about one person as a zip of JSON and CSV
// files. An admin gets what their municipality holds; the person gets it all.
// Other people's names never go in: plans the person mentors or leads appear
// without the mentee's name, change-log entries without their details.
import Papa from 'papaparse'
import { strToU8, zipSync } from 'fflate'
import { db } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'

export type ExportScope = { municipalityId: string } | { everywhere: true }
type Row = Record<string, string | number | boolean | null>

const day = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString())

/** Whether the person has (or had) a role or an open invitation in the municipality. */
export async function isPersonOf(municipalityId: string, userId: string): Promise<boolean> {
  const [membership, pending] = await Promise.all([
    db.membership.findFirst({ where: { userId, municipalityId }, select: { id: true } }),
    db.pendingMembership.findFirst({ where: { userId, municipalityId }, select: { id: true } }),
  ])
  return !!(membership || pending)
}

/** The records, table by table (flat rows). */
export async function collectPersonData(userId: string, scope: ExportScope): Promise<Record<string, Row[]>> {
  const m = 'municipalityId' in scope ? scope.municipalityId : undefined
  const inProgramme = m ? { programme: { municipalityId: m } } : {}
  const inGathering = m ? { gathering: { programme: { municipalityId: m } } } : {}
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, language: true, createdAt: true, disabledAt: true } })
  const [memberships, invitations, platformRoles, enrolments, attendance, credits, absences, checkIns, answers, worksheets, diplomas, ownPlans, planRoles, networks, networkAttendance, minutesAuthored, reviews, outbox, actorEvents, subjectEvents, feeds] =
    await Promise.all([
      db.membership.findMany({ where: { userId, municipalityId: m }, select: { role: true, createdAt: true, deactivatedAt: true, municipality: { select: { name: true } }, unit: { select: { name: true } } } }),
      db.pendingMembership.findMany({ where: { userId, municipalityId: m }, select: { roles: true, createdAt: true, municipality: { select: { name: true } } } }),
      m ? Promise.resolve([]) : db.platformRole.findMany({ where: { userId }, select: { role: true, createdAt: true } }),
      db.enrolment.findMany({ where: { userId, ...inProgramme }, select: { joinedOn: true, leftOn: true, leftReason: true, programme: { select: { name: true, year: true } } } }),
      db.attendance.findMany({ where: { userId, ...inGathering }, select: { status: true, minutesPresent: true, updatedAt: true, gathering: { select: { title: true, startsAt: true } } } }),
      db.attendanceCredit.findMany({ where: { userId, ...inProgramme }, select: { minutes: true, kind: true, reason: true, createdAt: true, programme: { select: { name: true } } } }),
      db.absenceNotice.findMany({ where: { userId, ...inGathering }, select: { reason: true, createdAt: true, gathering: { select: { title: true, startsAt: true } } } }),
      db.checkIn.findMany({ where: { userId, ...inGathering }, select: { createdAt: true, confirmedAt: true, gathering: { select: { title: true } } } }),
      db.preparationAnswer.findMany({ where: { ownerId: userId, municipalityId: m }, select: { answers: true, scope: true, updatedAt: true, gathering: { select: { title: true } } } }),
      db.worksheet.findMany({ where: { ownerId: userId, ...(m ? { municipalityId: m } : {}) }, select: { kind: true, title: true, data: true, scope: true, updatedAt: true } }),
      db.diploma.findMany({ where: { userId, ...inProgramme }, select: { kind: true, code: true, holderName: true, programmeName: true, municipalityName: true, periodStart: true, periodEnd: true, minutesAttended: true, minutesCredited: true, minutesRequired: true, issuedAt: true, revokedAt: true } }),
      db.menteePlan.findMany({ where: { menteeUserId: userId, municipalityId: m }, select: { id: true, menteeName: true, startDate: true, endedOn: true, serviceType: true, unit: { select: { name: true } }, items: { select: { kind: true, seq: true, plannedDate: true, heldDate: true, minutesUsed: true, note: true }, orderBy: [{ kind: 'asc' }, { seq: 'asc' }] } } }),
      db.menteePlan.findMany({ where: { municipalityId: m, OR: [{ mentorId: userId }, { leaderId: userId }] }, select: { id: true, mentorId: true, leaderId: true, startDate: true, endedOn: true, unit: { select: { name: true } } } }),
      db.networkMember.findMany({ where: { userId, ...(m ? { network: { municipalityId: m } } : {}) }, select: { status: true, joinedAt: true, leftAt: true, network: { select: { name: true } } } }),
      db.networkAttendance.findMany({ where: { userId, ...(m ? { meeting: { municipalityId: m } } : {}) }, select: { status: true, minutesPresent: true, meeting: { select: { topic: true, startsAt: true } } } }),
      db.minutes.findMany({ where: { authorId: userId, municipalityId: m }, select: { title: true, status: true, createdAt: true } }),
      db.minutesReview.findMany({ where: { userId, ...(m ? { minutes: { municipalityId: m } } : {}) }, select: { version: true, status: true, comment: true, answeredAt: true, minutes: { select: { title: true } } } }),
      db.outboxMessage.findMany({ where: { toAddress: user.email, municipalityId: m }, select: { subject: true, kind: true, status: true, createdAt: true, sentAt: true } }),
      db.auditEvent.findMany({ where: { actorId: userId, municipalityId: m }, select: { at: true, action: true, entity: true }, orderBy: { at: 'asc' } }),
      db.auditEvent.findMany({ where: { entity: 'User', entityId: userId, municipalityId: m }, select: { at: true, action: true }, orderBy: { at: 'asc' } }),
      db.calendarFeed.findMany({ where: { userId, ...(m ? { kind: 'programme' } : {}) }, select: { kind: true, programmeId: true, createdAt: true } }),
    ])
  const programmeIds = m ? new Set((await db.programme.findMany({ where: { municipalityId: m }, select: { id: true } })).map((p) => p.id)) : null
  return {
    profile: [{ id: user.id, name: user.name, email: user.email, language: user.language, createdAt: day(user.createdAt), disabledAt: day(user.disabledAt) }],
    roles: memberships.map((r) => ({ municipality: r.municipality.name, role: r.role, unit: r.unit?.name ?? null, from: day(r.createdAt), until: day(r.deactivatedAt) })),
    invitations: invitations.map((r) => ({ municipality: r.municipality.name, roles: r.roles, createdAt: day(r.createdAt) })),
    platformRoles: platformRoles.map((r) => ({ role: r.role, from: day(r.createdAt) })),
    enrolments: enrolments.map((r) => ({ programme: r.programme.name, year: r.programme.year, joinedOn: day(r.joinedOn), leftOn: day(r.leftOn), leftReason: r.leftReason })),
    attendance: attendance.map((r) => ({ gathering: r.gathering.title, startsAt: day(r.gathering.startsAt), status: r.status, minutesPresent: r.minutesPresent, recordedAt: day(r.updatedAt) })),
    credits: credits.map((r) => ({ programme: r.programme.name, minutes: r.minutes, kind: r.kind, reason: r.reason, createdAt: day(r.createdAt) })),
    absenceNotices: absences.map((r) => ({ gathering: r.gathering.title, startsAt: day(r.gathering.startsAt), reason: r.reason, createdAt: day(r.createdAt) })),
    checkIns: checkIns.map((r) => ({ gathering: r.gathering.title, createdAt: day(r.createdAt), confirmedAt: day(r.confirmedAt) })),
    preparationAnswers: answers.map((r) => ({ gathering: r.gathering.title, answers: r.answers, scope: r.scope, updatedAt: day(r.updatedAt) })),
    worksheets: worksheets.map((r) => ({ kind: r.kind, title: r.title, data: r.data, scope: r.scope, updatedAt: day(r.updatedAt) })),
    diplomas: diplomas.map((r) => ({ kind: r.kind, code: r.code, holderName: r.holderName, programme: r.programmeName, municipality: r.municipalityName, periodStart: day(r.periodStart), periodEnd: day(r.periodEnd), minutesAttended: r.minutesAttended, minutesCredited: r.minutesCredited, minutesRequired: r.minutesRequired, issuedAt: day(r.issuedAt), revokedAt: day(r.revokedAt) })),
    menteePlan: ownPlans.map((p) => ({ plan: p.id, name: p.menteeName, unit: p.unit.name, serviceType: p.serviceType, startDate: p.startDate, endedOn: p.endedOn })),
    menteePlanItems: ownPlans.flatMap((p) => p.items.map((i) => ({ plan: p.id, kind: i.kind, seq: i.seq, plannedDate: i.plannedDate, heldDate: i.heldDate, minutesUsed: i.minutesUsed, note: i.note }))),
    plansMentoredOrLed: planRoles.map((p) => ({ plan: p.id, role: p.mentorId === userId ? 'mentor' : 'leader', unit: p.unit.name, startDate: p.startDate, endedOn: p.endedOn })),
    networks: networks.map((r) => ({ network: r.network.name, status: r.status, joinedAt: day(r.joinedAt), leftAt: day(r.leftAt) })),
    networkAttendance: networkAttendance.map((r) => ({ meeting: r.meeting.topic, startsAt: day(r.meeting.startsAt), status: r.status, minutesPresent: r.minutesPresent })),
    minutesWritten: minutesAuthored.map((r) => ({ title: r.title, status: r.status, createdAt: day(r.createdAt) })),
    minutesAnswers: reviews.map((r) => ({ minutes: r.minutes.title, version: r.version, status: r.status, comment: r.comment, answeredAt: day(r.answeredAt) })),
    emails: outbox.map((r) => ({ subject: r.subject, kind: r.kind, status: r.status, createdAt: day(r.createdAt), sentAt: day(r.sentAt) })),
    changesMade: actorEvents.map((r) => ({ at: day(r.at), action: r.action, record: r.entity })),
    changesToAccount: subjectEvents.map((r) => ({ at: day(r.at), action: r.action })),
    calendarFeeds: feeds.filter((f) => !programmeIds || (f.programmeId && programmeIds.has(f.programmeId))).map((f) => ({ kind: f.kind, createdAt: day(f.createdAt) })),
  }
}

/** One JSON file with everything, and a CSV file per non-empty table (opens in Excel: BOM, semicolons). */
export function zipPersonData(data: Record<string, Row[]>, generatedAt = new Date()): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'data.json': strToU8(JSON.stringify({ generatedAt: generatedAt.toISOString(), ...data }, null, 2)),
  }
  for (const [name, rows] of Object.entries(data)) {
    if (rows.length) files[`csv/${name}.csv`] = strToU8('\uFEFF' + Papa.unparse(rows, { delimiter: ';' }))
  }
  return zipSync(files, { level: 6, mtime: generatedAt })
}

/**
 * The zip for an access request, audited. Null when the admin's municipality
 * has nothing to do with the person (the route answers 404).
 */
export async function exportPerson(
  actor: { userId: string; municipalityId: string | null; ip?: string | null },
  userId: string,
  scope: ExportScope,
): Promise<Uint8Array | null> {
  if ('municipalityId' in scope && !(await isPersonOf(scope.municipalityId, userId))) return null
  if (!('municipalityId' in scope) && actor.userId !== userId) return null
  const zip = zipPersonData(await collectPersonData(userId, scope))
  await audit(db, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'export', entity: 'User', entityId: userId, details: { scope: 'municipalityId' in scope ? 'municipality' : 'everywhere' }, ip: actor.ip })
  return zip
}
