import { db, type Tx } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { inviteInTx } from '~/modules/auth/index.ts'
import { osloInstant } from '~/modules/curriculum/index.ts'
import { parseUserCsv } from '~/modules/users/csv.ts'
import { sortByName } from '~/utils/format.ts'
import type { Actor } from '~/utils/actor.ts'

type MunicipalityRef = { id: string; name: string; defaultLanguage: string }

export async function listEnrolments(programmeId: string) {
  const rows = await db.enrolment.findMany({
    where: { programmeId },
    select: { id: true, joinedOn: true, leftOn: true, leftReason: true, user: { select: { id: true, name: true, email: true, passwordHash: true } } },
  })
  return sortByName(rows, (r) => r.user.name).map((r) => ({
    id: r.id,
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    invited: !r.user.passwordHash,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    leftReason: r.leftReason,
  }))
}

/**
 * Enrols a person as mentor in the run. Someone new gets an account and an
 * invitation; a member here is enrolled (keeping their unit unless one is
 * chosen). Any other existing account, e.g. from another municipality in a
 * regional programme, gets an invitation and is enrolled when they accept it.
 * Re-enrolling a person who left opens the enrolment again.
 */
async function enrolInTx(tx: Tx, actor: Actor, municipality: MunicipalityRef, programmeId: string, person: { name: string; email: string; unitId: string | null; joinedOn: string }) {
  const joinedOn = osloInstant(person.joinedOn, '00:00')
  const { userId, outcome } = await inviteInTx(
    tx,
    { actorId: actor.userId, municipality, ip: actor.ip },
    { email: person.email, name: person.name, roles: ['mentor'], unitId: person.unitId },
    { programmeId, joinedOn },
  )
  if (outcome === 'pending') return userId
  await tx.enrolment.upsert({
    where: { programmeId_userId: { programmeId, userId } },
    create: { programmeId, userId, joinedOn },
    update: { joinedOn, leftOn: null, leftReason: null },
  })
  await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'enrol', entity: 'Programme', entityId: programmeId, details: { userId, joinedOn: person.joinedOn }, ip: actor.ip })
  return userId
}

export async function unitInMunicipality(municipalityId: string, unitId: string | undefined | null) {
  if (!unitId) return null
  const unit = await db.unit.findFirst({ where: { id: unitId, municipalityId }, select: { id: true } })
  return unit ? unit.id : false
}

export async function enrolOne(actor: Actor, municipality: MunicipalityRef, programmeId: string, person: { name: string; email: string; unitId: string | null; joinedOn: string }) {
  return db.$transaction((tx) => enrolInTx(tx, actor, municipality, programmeId, person))
}

export async function leaveProgramme(actor: Actor, programmeId: string, enrolmentId: string, leftOn: string, leftReason: string | undefined) {
  return db.$transaction(async (tx) => {
    const e = await tx.enrolment.findFirst({ where: { id: enrolmentId, programmeId } })
    if (!e) return 'notFound' as const
    const left = osloInstant(leftOn, '23:59')
    if (left < e.joinedOn) return 'enrol.leftBeforeJoined' as const
    await tx.enrolment.update({ where: { id: e.id }, data: { leftOn: left, leftReason: leftReason || null } })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'leave', entity: 'Programme', entityId: programmeId, details: { userId: e.userId, leftOn, leftReason }, ip: actor.ip })
    return 'ok' as const
  })
}

export type EnrolmentRow = { line: number; name: string; email: string; unit: string; unitId: string | null; joinedOn: string | null; errors: string[]; status: 'new' | 'existing' | 'enrolled' }

/** A joining date from a CSV cell: 2018-08-21 or 21.08.2018 (a real calendar date), else null. */
export function parseJoinedDate(cell: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell)
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2], nor[1]] : []
  if (!y) return null
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null
  return date.toISOString().slice(0, 10)
}
export type EnrolmentPreview = { rows: EnrolmentRow[]; fileErrors: string[]; valid: boolean }

/** Columns name, e-mail, unit and optionally the joining date (header row; comma or semicolon; UTF-8 with or without BOM). Writes nothing. */
export async function previewEnrolment(municipalityId: string, programmeId: string, csv: string): Promise<EnrolmentPreview> {
  const { rows, fileErrors } = parseUserCsv(csv)
  const emails = rows.map((r) => r.email).filter(Boolean)
  const [units, users, enrolled] = await Promise.all([
    db.unit.findMany({ where: { municipalityId }, select: { id: true, name: true } }),
    // Known = an active role here; accounts elsewhere on the platform are not revealed.
    db.user.findMany({ where: { email: { in: emails }, memberships: { some: { municipalityId, deactivatedAt: null } } }, select: { email: true } }),
    db.enrolment.findMany({ where: { programmeId, leftOn: null, user: { email: { in: emails } } }, select: { user: { select: { email: true } } } }),
  ])
  const unitByName = new Map(units.map((u) => [u.name.toLocaleLowerCase('nb'), u.id]))
  const known = new Set(users.map((u) => u.email))
  const already = new Set(enrolled.map((e) => e.user.email))
  const checked = rows.map((r) => {
    // The role column is not used here: everyone is enrolled as a mentor.
    const errors = r.errors.filter((e) => e !== 'import.roleUnknown')
    const unitId = r.unit ? (unitByName.get(r.unit.toLocaleLowerCase('nb')) ?? null) : null
    if (r.unit && !unitId) errors.push('import.unitUnknown')
    if (already.has(r.email)) errors.push('enrol.alreadyEnrolled')
    const joinedOn = r.joined ? parseJoinedDate(r.joined) : null
    if (r.joined && !joinedOn) errors.push('enrol.joinedInvalid')
    const status: EnrolmentRow['status'] = known.has(r.email) ? 'existing' : 'new'
    return { line: r.line, name: r.name, email: r.email, unit: r.unit, unitId, joinedOn, errors, status }
  })
  return { rows: checked, fileErrors, valid: !fileErrors.length && checked.every((r) => !r.errors.length) }
}

export async function runEnrolment(actor: Actor, municipality: MunicipalityRef, programmeId: string, csv: string, joinedOn: string) {
  const preview = await previewEnrolment(municipality.id, programmeId, csv)
  if (!preview.valid) return { ok: false as const, preview }
  await db.$transaction(
    async (tx) => {
      // A row's own joining date wins over the one chosen for the whole file.
      for (const r of preview.rows) await enrolInTx(tx, actor, municipality, programmeId, { name: r.name, email: r.email, unitId: r.unitId, joinedOn: r.joinedOn ?? joinedOn })
    },
    { timeout: 60_000 },
  )
  return { ok: true as const, count: preview.rows.length }
}
