// The retention job: finds what has outlived its rule in retention.ts and
// deletes or anonymises it. The same queries give the dry-run report.
import { db, type Prisma } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { anonymise } from './erasure.server.ts'
import { isoDay, monthsBefore, planEnd, RETENTION_RULES, type RetentionAction, type RetentionKey } from './retention.ts'

const SAMPLES = 50

export type RetentionSample = { id: string; label: string; date: string }
export type RetentionLine = { key: RetentionKey; months: number; action: RetentionAction; cutoff: string; count: number; samples: RetentionSample[] }
export type RetentionReport = { generatedAt: string; municipalityId: string | null; lines: RetentionLine[] }

type Scope = { municipalityId: string | null; now: Date }

function cutoffOf(key: RetentionKey, now: Date) {
  return monthsBefore(now, RETENTION_RULES.find((r) => r.key === key)!.months)
}

function planWhere({ municipalityId, now }: Scope): Prisma.MenteePlanWhereInput {
  const cutoff = cutoffOf('menteePlans', now)
  // A plan without an end date ends a year after its start.
  return {
    ...(municipalityId ? { municipalityId } : {}),
    OR: [{ endedOn: { lt: isoDay(cutoff) } }, { endedOn: null, startDate: { lt: isoDay(monthsBefore(cutoff, 12)) } }],
  }
}

function accountWhere({ municipalityId, now }: Scope): Prisma.UserWhereInput {
  const cutoff = cutoffOf('inactiveAccounts', now)
  return {
    AND: [
      { memberships: { some: municipalityId ? { municipalityId } : {} } },
      { memberships: { none: { OR: [{ deactivatedAt: null }, { deactivatedAt: { gte: cutoff } }] } } },
    ],
    platformRoles: { none: {} },
    pendingMemberships: { none: {} },
  }
}

function outboxWhere({ municipalityId, now }: Scope): Prisma.OutboxMessageWhereInput {
  return { createdAt: { lt: cutoffOf('outbox', now) }, ...(municipalityId ? { municipalityId } : {}) }
}
function tokenWhere({ municipalityId, now }: Scope): Prisma.UserTokenWhereInput {
  return { expiresAt: { lt: cutoffOf('tokens', now) }, ...(municipalityId ? { municipalityId } : {}) }
}
function codeWhere({ municipalityId, now }: Scope): Prisma.CheckInCodeWhereInput {
  return { expiresAt: { lt: cutoffOf('checkInCodes', now) }, ...(municipalityId ? { gathering: { programme: { municipalityId } } } : {}) }
}
function auditWhere({ municipalityId, now }: Scope): Prisma.AuditEventWhereInput {
  return { at: { lt: cutoffOf('auditEvents', now) }, ...(municipalityId ? { municipalityId } : {}) }
}

/** What the job would do now: counts per rule and the first records (plans and accounts by name). */
export async function retentionReport({ municipalityId, now = new Date() }: { municipalityId: string | null; now?: Date }): Promise<RetentionReport> {
  const scope = { municipalityId, now }
  const [planCount, plans, accountCount, accounts, outbox, tokens, codes, events] = await Promise.all([
    db.menteePlan.count({ where: planWhere(scope) }),
    db.menteePlan.findMany({ where: planWhere(scope), select: { id: true, menteeName: true, startDate: true, endedOn: true, unit: { select: { name: true } } }, orderBy: { startDate: 'asc' }, take: SAMPLES }),
    db.user.count({ where: accountWhere(scope) }),
    db.user.findMany({ where: accountWhere(scope), select: { id: true, name: true, memberships: { select: { deactivatedAt: true } } }, orderBy: { sortName: 'asc' }, take: SAMPLES }),
    db.outboxMessage.count({ where: outboxWhere(scope) }),
    db.userToken.count({ where: tokenWhere(scope) }),
    db.checkInCode.count({ where: codeWhere(scope) }),
    db.auditEvent.count({ where: auditWhere(scope) }),
  ])
  const lastRole = (ms: { deactivatedAt: Date | null }[]) => isoDay(new Date(Math.max(...ms.map((x) => new Date(x.deactivatedAt!).getTime()))))
  const counts: Record<RetentionKey, number> = { menteePlans: planCount, inactiveAccounts: accountCount, outbox, tokens, checkInCodes: codes, auditEvents: events }
  const samples: Partial<Record<RetentionKey, RetentionSample[]>> = {
    menteePlans: plans.map((p) => ({ id: p.id, label: `${p.menteeName} (${p.unit.name})`, date: planEnd(p) })),
    inactiveAccounts: accounts.map((u) => ({ id: u.id, label: u.name, date: lastRole(u.memberships) })),
  }
  return {
    generatedAt: now.toISOString(),
    municipalityId,
    lines: RETENTION_RULES.map((r) => ({ key: r.key, months: r.months, action: r.action, cutoff: isoDay(cutoffOf(r.key, now)), count: counts[r.key], samples: samples[r.key] ?? [] })),
  }
}

/**
 * Deletes and anonymises what has expired (in one municipality, or everywhere
 * for the scheduled job and `npm run retention -- --apply`). Returns what was done.
 */
export async function applyRetention({
  municipalityId,
  now = new Date(),
  actorId = null,
  ip = null,
}: { municipalityId: string | null; now?: Date; actorId?: string | null; ip?: string | null }): Promise<Record<RetentionKey, number>> {
  const scope = { municipalityId, now }
  const done: Record<RetentionKey, number> = { menteePlans: 0, inactiveAccounts: 0, outbox: 0, tokens: 0, checkInCodes: 0, auditEvents: 0 }
  const planIds = (await db.menteePlan.findMany({ where: planWhere(scope), select: { id: true } })).map((p) => p.id)
  for (let i = 0; i < planIds.length; i += 500) {
    done.menteePlans += (await db.menteePlan.deleteMany({ where: { id: { in: planIds.slice(i, i + 500) } } })).count
  }
  const accounts = await db.user.findMany({ where: accountWhere(scope), select: { id: true } })
  for (const { id } of accounts) {
    await db.$transaction((tx) => anonymise(tx, id, null, { removeDiplomas: false }))
    done.inactiveAccounts++
  }
  done.outbox = (await db.outboxMessage.deleteMany({ where: outboxWhere(scope) })).count
  done.tokens = (await db.userToken.deleteMany({ where: tokenWhere(scope) })).count
  const codeIds = (await db.checkInCode.findMany({ where: codeWhere(scope), select: { id: true } })).map((c) => c.id)
  done.checkInCodes = codeIds.length ? (await db.checkInCode.deleteMany({ where: { id: { in: codeIds } } })).count : 0
  done.auditEvents = (await db.auditEvent.deleteMany({ where: auditWhere(scope) })).count
  if (Object.values(done).some((n) => n > 0) || actorId) {
    await audit(db, { actorId, municipalityId, action: 'retention', entity: 'Retention', details: done, ip })
  }
  return done
}

let timer: NodeJS.Timeout | null = null

/** The scheduled run: once a day (first an hour after start), everywhere. */
export function startRetentionJob(intervalMs = 24 * 60 * 60 * 1000): () => void {
  const run = () => applyRetention({ municipalityId: null }).catch((e) => console.error('retention:', e))
  const first = setTimeout(run, 60 * 60 * 1000)
  first.unref()
  timer = setInterval(run, intervalMs)
  timer.unref()
  return () => {
    clearTimeout(first)
    if (timer) clearInterval(timer)
    timer = null
  }
}
