import { db, Prisma } from '~/db.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { inviteInTx, type Viewer } from '~/modules/auth/index.ts'
import { osloParts } from '~/modules/curriculum/index.ts'
import { sortByName } from '~/utils/format.ts'
import { planAdherence } from './adherence.ts'
import { generateItems, isIsoDate, type ItemKind } from './schedule.ts'
import type { CreatePlanInput, PlanAction } from './schemas.ts'
import type { PlanStructure } from './template-schema.ts'
import { planTemplates } from './templates.server.ts'

export type Ctx = { ip?: string | null }

/** Today's calendar date in Oslo. */
export function osloToday(now = new Date()): string {
  return osloParts(now).date
}

/** Coordinators and programme leads see every plan of the municipality; other leaders their units and the plans they lead. */
export function managesWholeMunicipality(viewer: Viewer): boolean {
  return viewer.roles.some((r) => r === 'coordinator' || r === 'programme_lead')
}
/** Who can be a plan's leader (holds the probation talks); coordinators where a municipality has no department leaders. */
const LEADER_ROLES = ['department_leader', 'unit_leader', 'coordinator', 'programme_lead']
const MANAGER_ROLES = ['coordinator', 'programme_lead', 'department_leader', 'unit_leader'] as const
export function isPlanManager(viewer: Viewer): boolean {
  return viewer.roles.some((r) => (MANAGER_ROLES as readonly string[]).includes(r))
}

/** Plans a manager may see, as a Prisma filter (always inside the viewer's municipality). */
export function managedPlansWhere(viewer: Viewer, unitId?: string | null): Prisma.MenteePlanWhereInput {
  const municipalityId = viewer.municipality!.id
  const base: Prisma.MenteePlanWhereInput = { municipalityId, ...(unitId ? { unitId } : {}) }
  if (managesWholeMunicipality(viewer)) return base
  if (!isPlanManager(viewer)) return { id: '__none__' }
  return { ...base, OR: [{ unitId: { in: viewer.unitIds } }, { leaderId: viewer.userId }] }
}

/** Units a manager may plan for and filter by. */
export async function managedUnits(viewer: Viewer) {
  const municipalityId = viewer.municipality!.id
  const where = managesWholeMunicipality(viewer) ? { municipalityId } : { municipalityId, id: { in: viewer.unitIds } }
  return sortByName(await db.unit.findMany({ where, select: { id: true, name: true, serviceType: true } }))
}

async function membersWithRole(municipalityId: string, roles: string[]) {
  return sortByName(
    await db.user.findMany({
      where: { memberships: { some: { municipalityId, deactivatedAt: null, role: { in: roles } } } },
      select: { id: true, name: true },
    }),
  )
}

export type TemplateOption = { value: string; label: string; structure: PlanStructureCore }
export type PlanStructureCore = Pick<PlanStructure, 'trainingShifts' | 'conversations' | 'probationTalks' | 'leaderMentorMeetings' | 'checklists'>

/** Content templates (value `content:<slug>`) and the municipality's own copies (`copy:<id>`). */
export async function templateOptions(municipalityId: string, lang: 'nb' | 'nn' | 'en'): Promise<TemplateOption[]> {
  const content = planTemplates().map((t) => ({ value: `content:${t.slug}`, label: t.text[lang].title, structure: t }))
  const copies = await db.planTemplate.findMany({ where: { municipalityId }, orderBy: { createdAt: 'asc' } })
  return [...copies.map((c) => ({ value: `copy:${c.id}`, label: c.name, structure: JSON.parse(c.structure) as PlanStructureCore })), ...content]
}

export async function planFormOptions(viewer: Viewer, lang: 'nb' | 'nn' | 'en') {
  const municipalityId = viewer.municipality!.id
  const [units, mentors, leaders, templates] = await Promise.all([
    managedUnits(viewer),
    membersWithRole(municipalityId, ['mentor']),
    membersWithRole(municipalityId, LEADER_ROLES),
    templateOptions(municipalityId, lang),
  ])
  return { units, mentors, leaders, templates: templates.map(({ value, label }) => ({ value, label })) }
}

export type CreatePlanResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> }

/**
 * Creates a plan with every item dated, all or nothing. The mentor is an active
 * mentor of this municipality or is invited by e-mail; the mentee gets an
 * account only when an e-mail is given. Ids of people outside the
 * municipality are refused, never attached.
 */
export async function createPlan(viewer: Viewer, input: CreatePlanInput, lang: 'nb' | 'nn' | 'en', ctx: Ctx = {}): Promise<CreatePlanResult> {
  const municipality = viewer.municipality!
  const fail = (field: string, message: string): CreatePlanResult => ({ ok: false, fieldErrors: { [field]: [message] } })
  if (!isIsoDate(input.startDate)) return fail('startDate', 'error.date')
  const units = await managedUnits(viewer)
  if (!units.some((u) => u.id === input.unitId)) return fail('unitId', 'plans.unknownUnit')
  const template = (await templateOptions(municipality.id, lang)).find((t) => t.value === input.template)
  if (!template) return fail('template', 'plans.unknownTemplate')
  const leaders = await membersWithRole(municipality.id, LEADER_ROLES)
  if (!leaders.some((l) => l.id === input.leaderId)) return fail('leaderId', 'plans.unknownPerson')
  if (input.mentorId) {
    const mentors = await membersWithRole(municipality.id, ['mentor'])
    if (!mentors.some((m) => m.id === input.mentorId)) return fail('mentorId', 'plans.unknownPerson')
  }
  const m = await db.municipality.findUniqueOrThrow({ where: { id: municipality.id }, select: { id: true, name: true, defaultLanguage: true } })
  const inviteCtx = { actorId: viewer.userId, municipality: m, ip: ctx.ip }
  const items = generateItems(template.structure, input.startDate)
  const id = await db.$transaction(async (tx) => {
    const mentorId = input.mentorId
      ? input.mentorId
      : (await inviteInTx(tx, inviteCtx, { email: input.mentorEmail!, name: input.mentorName!, roles: ['mentor'], unitId: input.unitId })).userId
    const menteeUserId = input.menteeEmail
      ? (await inviteInTx(tx, inviteCtx, { email: input.menteeEmail, name: input.menteeName, roles: ['mentee'], unitId: input.unitId })).userId
      : null
    const [kind, ref] = template.value.split(':')
    const plan = await tx.menteePlan.create({
      data: {
        municipalityId: municipality.id,
        unitId: input.unitId,
        menteeName: input.menteeName,
        menteeUserId,
        mentorId,
        leaderId: input.leaderId,
        serviceType: input.serviceType,
        templateSlug: kind === 'content' ? ref : ((await tx.planTemplate.findUnique({ where: { id: ref }, select: { sourceSlug: true } }))?.sourceSlug ?? ''),
        planTemplateId: kind === 'copy' ? ref : null,
        startDate: input.startDate,
        createdById: viewer.userId,
      },
    })
    await tx.planItem.createMany({
      data: items.map((i) => ({ planId: plan.id, kind: i.kind, seq: i.seq, key: i.key, plannedDate: i.plannedDate, originalDate: i.plannedDate, expectedMinutes: i.expectedMinutes, withMentor: i.withMentor })),
    })
    await audit(tx, { actorId: viewer.userId, municipalityId: municipality.id, action: 'create', entity: 'MenteePlan', entityId: plan.id, details: { unitId: input.unitId, template: template.value }, ip: ctx.ip })
    return plan.id
  })
  return { ok: true, id }
}

export type PlanRole = 'manager' | 'mentor' | 'mentee'

/** The viewer's relation to a plan, or null (the route answers 404). */
export async function planAccess(viewer: Viewer, planId: string): Promise<{ roles: Set<PlanRole>; plan: NonNullable<Awaited<ReturnType<typeof loadPlan>>> } | null> {
  if (!viewer.municipality) return null
  const plan = await loadPlan(planId, viewer.municipality.id)
  if (!plan) return null
  const roles = new Set<PlanRole>()
  if (isPlanManager(viewer) && (managesWholeMunicipality(viewer) || viewer.unitIds.includes(plan.unitId) || plan.leaderId === viewer.userId)) roles.add('manager')
  if (plan.mentorId === viewer.userId && viewer.roles.includes('mentor')) roles.add('mentor')
  if (plan.menteeUserId === viewer.userId && viewer.roles.includes('mentee')) roles.add('mentee')
  return roles.size ? { roles, plan } : null
}

function loadPlan(planId: string, municipalityId: string) {
  return db.menteePlan.findFirst({
    where: { id: planId, municipalityId },
    include: {
      unit: { select: { name: true } },
      mentor: { select: { id: true, name: true } },
      leader: { select: { id: true, name: true } },
      items: { orderBy: [{ plannedDate: 'asc' }, { kind: 'asc' }, { seq: 'asc' }] },
      ticks: { include: { plan: false }, orderBy: { tickedAt: 'asc' } },
      planTemplate: { select: { name: true, structure: true } },
    },
  })
}

/** Who may act on which item: probation talks are the leader's; mentors log the rest. */
export function mayLog(roles: Set<PlanRole>, kind: ItemKind): boolean {
  if (kind === 'probation_talk') return roles.has('manager')
  return roles.has('manager') || roles.has('mentor')
}

export type ActionResult = { ok: true } | { ok: false; status: 400 | 404; fieldErrors?: Record<string, string[]> }

export async function applyPlanAction(viewer: Viewer, planId: string, action: PlanAction, ctx: Ctx = {}): Promise<ActionResult> {
  const access = await planAccess(viewer, planId)
  if (!access) return { ok: false, status: 404 }
  const { plan, roles } = access
  const municipalityId = plan.municipalityId
  const bad = (field: string, message: string): ActionResult => ({ ok: false, status: 400, fieldErrors: { [field]: [message] } })
  const log = (action: string, entityId: string, details: Record<string, unknown>) =>
    audit(db, { actorId: viewer.userId, municipalityId, action, entity: 'PlanItem', entityId, details, ip: ctx.ip })

  if (action.intent === 'end') {
    if (!roles.has('manager')) return { ok: false, status: 404 }
    if (plan.endedOn) return bad('endedOn', 'plans.alreadyEnded')
    if (!isIsoDate(action.endedOn) || action.endedOn < plan.startDate) return bad('endedOn', 'error.date')
    await db.menteePlan.update({ where: { id: plan.id }, data: { endedOn: action.endedOn, endReason: action.reason, endedById: viewer.userId } })
    await audit(db, { actorId: viewer.userId, municipalityId, action: 'end', entity: 'MenteePlan', entityId: plan.id, details: { endedOn: action.endedOn }, ip: ctx.ip })
    return { ok: true }
  }
  if (action.intent === 'tick') {
    const structure = planStructureOf(plan)
    const keys = structure.checklists[plan.serviceType as 'home_care' | 'hvs'] ?? []
    if (!keys.includes(action.itemKey)) return { ok: false, status: 404 }
    if (action.ticked === '1') {
      await db.checklistTick.upsert({ where: { planId_itemKey: { planId: plan.id, itemKey: action.itemKey } }, create: { planId: plan.id, itemKey: action.itemKey, tickedById: viewer.userId }, update: {} })
    } else {
      await db.checklistTick.deleteMany({ where: { planId: plan.id, itemKey: action.itemKey } })
    }
    return { ok: true }
  }
  const item = plan.items.find((i) => i.id === action.itemId)
  if (!item || !mayLog(roles, item.kind as ItemKind)) return { ok: false, status: 404 }
  if (plan.endedOn) return bad(action.intent === 'move' ? 'plannedDate' : 'heldDate', 'plans.alreadyEnded')
  if (action.intent === 'move') {
    if (!isIsoDate(action.plannedDate)) return bad('plannedDate', 'error.date')
    await db.$transaction([
      db.planItem.update({ where: { id: item.id }, data: { plannedDate: action.plannedDate, movedReason: action.reason } }),
      touch(plan.id),
    ])
    await log('move', item.id, { from: item.plannedDate, to: action.plannedDate })
    return { ok: true }
  }
  if (!isIsoDate(action.heldDate) || action.heldDate > osloToday()) return bad('heldDate', 'plans.heldInFuture')
  await db.$transaction([
    db.planItem.update({
      where: { id: item.id },
      data: { heldDate: action.heldDate, minutesUsed: action.minutesUsed ?? null, note: action.note || null, heldById: viewer.userId },
    }),
    touch(plan.id),
  ])
  await log('hold', item.id, { heldDate: action.heldDate, minutesUsed: action.minutesUsed ?? null })
  return { ok: true }
}

/** Every change to a plan's items moves the plan's updatedAt: the adherence cache keys on it. */
function touch(planId: string) {
  return db.menteePlan.update({ where: { id: planId }, data: { updatedAt: new Date() } })
}

export function planStructureOf(plan: { templateSlug: string; planTemplate: { structure: string } | null }): PlanStructureCore {
  if (plan.planTemplate) return JSON.parse(plan.planTemplate.structure) as PlanStructureCore
  const t = planTemplates().find((x) => x.slug === plan.templateSlug)
  return t ?? { trainingShifts: { count: 0, withMentor: [], dayOffsets: [] }, conversations: [], probationTalks: [], leaderMentorMeetings: [], checklists: { home_care: [], hvs: [] } }
}

/** Everything the plan page shows. */
export async function planView(viewer: Viewer, planId: string, lang: 'nb' | 'nn' | 'en') {
  const access = await planAccess(viewer, planId)
  if (!access) return null
  const { plan, roles } = access
  const structure = planStructureOf(plan)
  const texts = planTemplates().find((t) => t.slug === plan.templateSlug)?.text[lang]
  const today = osloToday()
  const adherence = planAdherence(plan.items, today, plan.endedOn)
  const tickers = await db.user.findMany({ where: { id: { in: plan.ticks.map((t) => t.tickedById) } }, select: { id: true, name: true } })
  const keys = structure.checklists[plan.serviceType as 'home_care' | 'hvs'] ?? []
  return {
    roles: [...roles],
    today,
    plan: {
      id: plan.id,
      menteeName: plan.menteeName,
      hasMenteeAccount: !!plan.menteeUserId,
      unit: plan.unit.name,
      mentor: plan.mentor.name,
      leader: plan.leader.name,
      startDate: plan.startDate,
      endedOn: plan.endedOn,
      endReason: plan.endReason,
      templateName: plan.planTemplate?.name ?? texts?.title ?? plan.templateSlug,
    },
    items: plan.items.map((i) => ({
      id: i.id,
      kind: i.kind as ItemKind,
      seq: i.seq,
      plannedDate: i.plannedDate,
      originalDate: i.originalDate,
      expectedMinutes: i.expectedMinutes,
      withMentor: i.withMentor,
      movedReason: i.movedReason,
      heldDate: i.heldDate,
      minutesUsed: i.minutesUsed,
      note: i.note,
      overdue: !plan.endedOn && !i.heldDate && i.plannedDate < today,
      mayLog: !plan.endedOn && mayLog(roles, i.kind as ItemKind),
    })),
    adherence: { plannedSoFar: adherence.plannedSoFar, held: adherence.held, belowPlan: adherence.belowPlan, overdue: adherence.overdue.length, nextDue: adherence.nextDue ? { kind: adherence.nextDue.kind as ItemKind, plannedDate: adherence.nextDue.plannedDate } : null },
    checklist: keys.map((key) => {
      const tick = plan.ticks.find((t) => t.itemKey === key)
      return { key, label: texts?.checklistLabels[key] ?? key, tickedAt: tick?.tickedAt.toISOString() ?? null, tickedBy: tick ? (tickers.find((u) => u.id === tick.tickedById)?.name ?? '') : null }
    }),
    prompts: texts?.prompts ?? [],
  }
}

/** Plans where the viewer is the mentor or the mentee, with each plan's next item. */
export async function myPlans(viewer: Viewer) {
  const municipalityId = viewer.municipality!.id
  const or: Prisma.MenteePlanWhereInput[] = []
  if (viewer.roles.includes('mentor')) or.push({ mentorId: viewer.userId })
  if (viewer.roles.includes('mentee')) or.push({ menteeUserId: viewer.userId })
  if (!or.length) return []
  const today = osloToday()
  const plans = await db.menteePlan.findMany({
    where: { municipalityId, OR: or },
    select: {
      id: true, menteeName: true, mentorId: true, menteeUserId: true, startDate: true, endedOn: true,
      unit: { select: { name: true } },
      items: { select: { id: true, kind: true, plannedDate: true, heldDate: true } },
    },
    orderBy: { startDate: 'desc' },
  })
  return plans.map((p) => {
    const a = planAdherence(p.items.map((i) => ({ ...i, kind: i.kind as ItemKind })), today, p.endedOn)
    return {
      id: p.id,
      menteeName: p.menteeName,
      unit: p.unit.name,
      asMentor: p.mentorId === viewer.userId,
      startDate: p.startDate,
      endedOn: p.endedOn,
      plannedSoFar: a.plannedSoFar,
      held: a.held,
      overdue: a.overdue.length,
      nextDue: a.nextDue ? { kind: a.nextDue.kind, plannedDate: a.nextDue.plannedDate } : null,
    }
  })
}
