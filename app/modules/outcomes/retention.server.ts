import { db } from '~/db.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloToday } from '~/modules/mentee-plans/index.ts'
import { sortByName } from '~/utils/format.ts'
import { retentionTable, turnoverTable, type Leaver, type Starter } from './retention.ts'
import type { RecordEmploymentInput } from './retention-schemas.ts'

type Actor = Viewer & { ip?: string | null }

/** Programme leads, coordinators and administrators see the whole municipality; other leaders their own units. */
export function seesWholeMunicipality(viewer: Viewer): boolean {
  return viewer.roles.some((r) => r === 'programme_lead' || r === 'coordinator' || r === 'municipality_admin')
}

/** Units whose outcomes the viewer may see and record. */
export async function outcomeUnits(viewer: Viewer) {
  if (!viewer.municipality) return []
  const municipalityId = viewer.municipality.id
  const where = seesWholeMunicipality(viewer) ? { municipalityId } : { municipalityId, id: { in: viewer.unitIds } }
  return sortByName(await db.unit.findMany({ where, select: { id: true, name: true, serviceType: true } }))
}

/** Mentee plans of the viewer's units whose leaving has not been recorded: the form's choices. */
export async function openPlans(viewer: Viewer, unitIds: string[]) {
  if (!viewer.municipality || !unitIds.length) return []
  const plans = await db.menteePlan.findMany({
    where: { municipalityId: viewer.municipality.id, unitId: { in: unitIds }, OR: [{ employment: null }, { employment: { leftOn: null } }] },
    select: { id: true, menteeName: true, unitId: true, startDate: true },
    orderBy: { startDate: 'desc' },
    take: 500,
  })
  return sortByName(plans, (p) => p.menteeName)
}

/** The latest recorded starts and leavings of the viewer's units. */
export async function listEmployments(viewer: Viewer, unitIds: string[], take = 100) {
  if (!viewer.municipality || !unitIds.length) return []
  return db.employment.findMany({
    where: { municipalityId: viewer.municipality.id, unitId: { in: unitIds } },
    select: { id: true, startedOn: true, leftOn: true, leftReason: true, hadMentor: true, unit: { select: { name: true } }, menteePlan: { select: { menteeName: true } } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

export type RecordResult = { ok: true; id: string } | { ok: false; status: 404 } | { ok: false; fieldErrors: Record<string, string[]> }

/**
 * Records that a nurse of one of the viewer's units started (and perhaps left).
 * With a mentee plan the start date is the plan's and the person had a mentor; a
 * plan's record is updated, not duplicated. Units and plans outside the viewer's
 * reach are not found.
 */
export async function recordEmployment(actor: Actor, input: RecordEmploymentInput): Promise<RecordResult> {
  if (!actor.municipality) return { ok: false, status: 404 }
  const municipalityId = actor.municipality.id
  const units = await outcomeUnits(actor)
  if (!units.some((u) => u.id === input.unitId)) return { ok: false, status: 404 }
  const plan = input.menteePlanId
    ? await db.menteePlan.findFirst({ where: { id: input.menteePlanId, municipalityId, unitId: input.unitId }, select: { id: true, startDate: true, employment: { select: { id: true } } } })
    : null
  if (input.menteePlanId && !plan) return { ok: false, status: 404 }
  const startedOn = plan ? plan.startDate : input.startedOn!
  if (input.leftOn && input.leftOn < startedOn) return { ok: false, fieldErrors: { leftOn: ['outcomes.leavers.leftBeforeStart'] } }
  if (input.leftOn && input.leftOn > osloToday()) return { ok: false, fieldErrors: { leftOn: ['outcomes.leavers.leftInFuture'] } }
  const data = {
    unitId: input.unitId,
    startedOn,
    leftOn: input.leftOn ?? null,
    leftReason: input.leftOn ? (input.leftReason ?? 'other') : null,
    hadMentor: plan ? true : input.hadMentor,
  }
  const id = await db.$transaction(async (tx) => {
    const row = plan?.employment
      ? await tx.employment.update({ where: { id: plan.employment.id }, data })
      : await tx.employment.create({ data: { ...data, municipalityId, menteePlanId: plan?.id ?? null, recordedById: actor.userId } })
    await audit(tx, { actorId: actor.userId, municipalityId, action: data.leftOn ? 'record-leaver' : 'record-starter', entity: 'Employment', entityId: row.id, details: { unitId: data.unitId, leftReason: data.leftReason }, ip: actor.ip })
    return row.id
  })
  return { ok: true, id }
}

/** Deletes a record of the viewer's units; false when it is out of reach. */
export async function deleteEmployment(actor: Actor, id: string): Promise<boolean> {
  if (!actor.municipality) return false
  const municipalityId = actor.municipality.id
  const unitIds = (await outcomeUnits(actor)).map((u) => u.id)
  const row = await db.employment.findFirst({ where: { id, municipalityId, unitId: { in: unitIds } }, select: { id: true } })
  if (!row) return false
  await db.$transaction(async (tx) => {
    await tx.employment.delete({ where: { id: row.id } })
    await audit(tx, { actorId: actor.userId, municipalityId, action: 'delete-employment', entity: 'Employment', entityId: row.id, ip: actor.ip })
  })
  return true
}

/**
 * Everyone who started at the given municipalities' units: every mentee plan
 * (mentored; left when its record says so) and every recorded start without a
 * plan (mentored as recorded).
 */
export async function loadStarters(municipalityIds: string[], unitIds?: string[]) {
  const unitFilter = unitIds ? { unitId: { in: unitIds } } : {}
  const [plans, records] = await Promise.all([
    db.menteePlan.findMany({ where: { municipalityId: { in: municipalityIds }, ...unitFilter }, select: { municipalityId: true, unitId: true, startDate: true, employment: { select: { leftOn: true } } } }),
    db.employment.findMany({ where: { municipalityId: { in: municipalityIds }, menteePlanId: null, ...unitFilter }, select: { municipalityId: true, unitId: true, startedOn: true, leftOn: true, hadMentor: true } }),
  ])
  const out: (Starter & { municipalityId: string })[] = plans.map((p) => ({ municipalityId: p.municipalityId, unitId: p.unitId, startedOn: p.startDate, leftOn: p.employment?.leftOn ?? null, mentored: true }))
  for (const r of records) out.push({ municipalityId: r.municipalityId, unitId: r.unitId, startedOn: r.startedOn, leftOn: r.leftOn, mentored: r.hadMentor })
  return out
}

/** Retention per unit and for the viewer's units together, for starters in [from, to]. */
export async function retentionView(viewer: Viewer, opts: { from?: string | null; to?: string | null }) {
  const units = await outcomeUnits(viewer)
  const today = osloToday()
  if (!viewer.municipality || !units.length) return { units, today, ...retentionTable([], { today, unitIds: [] }) }
  const starters = await loadStarters([viewer.municipality.id], units.map((u) => u.id))
  return { units, today, ...retentionTable(starters, { today, from: opts.from, to: opts.to, unitIds: units.map((u) => u.id) }) }
}

/** Leavers of the viewer's units in a year (retirements apart). */
export async function loadLeavers(municipalityId: string, year: number, unitIds: string[]): Promise<Leaver[]> {
  const rows = await db.employment.findMany({
    where: { municipalityId, unitId: { in: unitIds }, leftOn: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    select: { unitId: true, startedOn: true, leftOn: true, leftReason: true },
  })
  return rows.map((r) => ({ unitId: r.unitId, startedOn: r.startedOn, leftOn: r.leftOn!, reason: r.leftReason ?? 'other' }))
}

/**
 * Turnover by unit and length of service for a year. The sample is the units
 * that record anything in Mentornett; the estimate scales to the municipality's
 * units (its own setting, else the units registered).
 */
export async function turnoverView(viewer: Viewer, year: number) {
  const units = await outcomeUnits(viewer)
  if (!viewer.municipality || !units.length) return { units, ...turnoverTable([], { year, unitIds: [], unitsInMunicipality: 0 }) }
  const municipalityId = viewer.municipality.id
  const [leavers, recording, settings, registered] = await Promise.all([
    loadLeavers(municipalityId, year, units.map((u) => u.id)),
    db.employment.groupBy({ by: ['unitId'], where: { municipalityId, unitId: { in: units.map((u) => u.id) } } }),
    db.outcomeSettings.findUnique({ where: { municipalityId }, select: { unitsForEstimate: true } }),
    db.unit.count({ where: { municipalityId } }),
  ])
  const sample = new Set(recording.map((r) => r.unitId))
  const sampleUnits = units.filter((u) => sample.has(u.id))
  // Leaders of some units see their units only: no municipality estimate for them.
  const unitsInMunicipality = seesWholeMunicipality(viewer) ? (settings?.unitsForEstimate ?? registered) : sampleUnits.length
  return { units: sampleUnits, ...turnoverTable(leavers, { year, unitIds: sampleUnits.map((u) => u.id), unitsInMunicipality }) }
}
