import { db, Prisma } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloToday } from '~/modules/mentee-plans/index.ts'
import { nameCollator } from '~/utils/format.ts'
import { nationalTable, type MunicipalityStats } from './national.ts'
import { retentionAt } from './retention.ts'
import { loadStarters } from './retention.server.ts'

type Actor = { userId: string; municipalityId: string; ip?: string | null }

export async function outcomeSettings(municipalityId: string) {
  const s = await db.outcomeSettings.findUnique({ where: { municipalityId } })
  return { nationalOptIn: s?.nationalOptIn ?? false, optedInAt: s?.optedInAt ?? null, unitsForEstimate: s?.unitsForEstimate ?? null }
}

/** Opting in or out takes effect on the national page at once. */
export async function saveOutcomeSettings(actor: Actor, input: { nationalOptIn: boolean; unitsForEstimate?: number }) {
  await db.$transaction(async (tx) => {
    const before = await tx.outcomeSettings.findUnique({ where: { municipalityId: actor.municipalityId } })
    const optedInAt = input.nationalOptIn ? (before?.nationalOptIn ? before.optedInAt : new Date()) : null
    const data = { nationalOptIn: input.nationalOptIn, optedInAt, unitsForEstimate: input.unitsForEstimate ?? null, updatedById: actor.userId }
    await tx.outcomeSettings.upsert({ where: { municipalityId: actor.municipalityId }, create: { municipalityId: actor.municipalityId, ...data }, update: data })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'outcome-settings', entity: 'OutcomeSettings', entityId: actor.municipalityId, details: { nationalOptIn: input.nationalOptIn }, ip: actor.ip })
  })
  invalidateNationalFigures()
}

type Snapshot = { at: Date; table: ReturnType<typeof nationalTable> }
/**
 * The national figures are statistics over many municipalities: computed with
 * a handful of grouped queries and kept for ten minutes (the page says when they
 * were computed). Opting in or out drops the copy; several instances each keep
 * their own and agree within the ten minutes.
 */
const TTL_MS = 10 * 60_000
let cached: Snapshot | null = null
let inflight: Promise<Snapshot> | null = null

export function invalidateNationalFigures() {
  cached = null
}

export async function nationalFigures(): Promise<Snapshot> {
  if (cached && Date.now() - cached.at.getTime() < TTL_MS) return cached
  if (!inflight) {
    inflight = computeNationalFigures()
      .then((s) => (cached = s))
      .finally(() => (inflight = null))
  }
  return inflight
}

const num = (v: unknown) => Number(v ?? 0)

export async function computeNationalFigures(): Promise<Snapshot> {
  const today = osloToday()
  const municipalities = await db.municipality.findMany({ where: { outcomeSettings: { nationalOptIn: true } }, select: { id: true, name: true } })
  municipalities.sort((a, b) => nameCollator.compare(a.name, b.name))
  const ids = municipalities.map((m) => m.id)
  if (!ids.length) return { at: new Date(), table: nationalTable([]) }
  const inIds = Prisma.join(ids)
  const now = new Date()
  const [programmes, certified, minutes, plans, starters] = await Promise.all([
    db.programme.groupBy({ by: ['municipalityId'], where: { municipalityId: { in: ids } }, _count: { _all: true } }),
    db.$queryRaw<{ m: string; n: bigint | number }[]>`
      SELECT p."municipalityId" AS "m", COUNT(DISTINCT d."userId") AS "n"
      FROM "Diploma" d JOIN "Programme" p ON p."id" = d."programmeId"
      WHERE p."municipalityId" IN (${inIds}) AND d."kind" = 'diploma' AND d."revokedAt" IS NULL
      GROUP BY p."municipalityId"`,
    // Minutes toward the requirement of every mentor of a completed run: present plus credited.
    db.$queryRaw<{ m: string; minutes: bigint | number | null }[]>`
      SELECT p."municipalityId" AS "m",
        COALESCE((SELECT SUM(a."minutesPresent") FROM "Attendance" a WHERE a."programmeId" = e."programmeId" AND a."userId" = e."userId"), 0)
        + COALESCE((SELECT SUM(c."minutes") FROM "AttendanceCredit" c WHERE c."programmeId" = e."programmeId" AND c."userId" = e."userId"), 0) AS "minutes"
      FROM "Enrolment" e JOIN "Programme" p ON p."id" = e."programmeId"
      WHERE p."municipalityId" IN (${inIds}) AND p."endsOn" < ${now}`,
    // Per plan: conversations planned so far against held (the adherence rule).
    db.$queryRaw<{ m: string; planned: bigint | number | null; held: bigint | number | null }[]>`
      SELECT p."municipalityId" AS "m",
        SUM(CASE WHEN i."kind" = 'conversation' AND i."plannedDate" <= (CASE WHEN p."endedOn" IS NOT NULL AND p."endedOn" < ${today} THEN p."endedOn" ELSE ${today} END) THEN 1 ELSE 0 END) AS "planned",
        SUM(CASE WHEN i."kind" = 'conversation' AND i."heldDate" IS NOT NULL THEN 1 ELSE 0 END) AS "held"
      FROM "MenteePlan" p LEFT JOIN "PlanItem" i ON i."planId" = p."id"
      WHERE p."municipalityId" IN (${inIds})
      GROUP BY p."municipalityId", p."id"`,
    loadStarters(ids),
  ])
  const stats = new Map<string, MunicipalityStats>(
    municipalities.map((m) => [m.id, { municipalityId: m.id, name: m.name, programmes: 0, certified: 0, mentorMinutes: [], plans: 0, belowPlan: 0, eligible12: 0, retained12: 0 }]),
  )
  for (const p of programmes) stats.get(p.municipalityId)!.programmes = p._count._all
  for (const c of certified) stats.get(c.m)!.certified = num(c.n)
  for (const r of minutes) stats.get(r.m)!.mentorMinutes.push(num(r.minutes))
  for (const p of plans) {
    const s = stats.get(p.m)!
    s.plans++
    if (num(p.held) < num(p.planned)) s.belowPlan++
  }
  const byMunicipality = new Map<string, typeof starters>()
  for (const s of starters) {
    const list = byMunicipality.get(s.municipalityId)
    if (list) list.push(s)
    else byMunicipality.set(s.municipalityId, [s])
  }
  for (const id of ids) {
    const r = retentionAt(byMunicipality.get(id) ?? [], 12, today)
    const s = stats.get(id)!
    s.eligible12 = r.eligible
    s.retained12 = r.retained
  }
  return { at: new Date(), table: nationalTable([...stats.values()]) }
}
