import { db } from '~/db.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { osloToday } from '~/modules/mentee-plans/index.ts'
import { DEFAULTS_2018, DEFAULTS_VALID_FROM, hireCost, modelOn, schemeCost, SERVICE_TYPES, type CostInputs, type ServiceType } from './cost-model.ts'
import type { CostModelInput } from './retention-schemas.ts'
import { loadLeavers, outcomeUnits } from './retention.server.ts'

type Actor = { userId: string; municipalityId: string; ip?: string | null }

const FIELDS = ['annualCostOre', 'annualHours', 'trainingShifts', 'shiftMinutes', 'advertMinutes', 'interviewsMinutes', 'referencesMinutes', 'preparationMinutes', 'probationMinutes', 'basicDayMinutes', 'conversations', 'conversationMinutes', 'conversationPersons', 'mentorAllowanceOre'] as const

export type DatedModel = CostInputs & { id: string | null; serviceType: ServiceType; validFrom: string }

function inputsOf(row: Record<(typeof FIELDS)[number], number>): CostInputs {
  return Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as CostInputs
}

/** The municipality's dated models, newest first, with the 2018 defaults as the oldest of each type. */
export async function costModels(municipalityId: string): Promise<DatedModel[]> {
  const rows = await db.costModel.findMany({ where: { municipalityId }, orderBy: [{ serviceType: 'asc' }, { validFrom: 'desc' }] })
  const out: DatedModel[] = rows.map((r) => ({ ...inputsOf(r), id: r.id, serviceType: r.serviceType as ServiceType, validFrom: r.validFrom }))
  for (const t of SERVICE_TYPES) if (!out.some((m) => m.serviceType === t && m.validFrom <= DEFAULTS_VALID_FROM)) out.push({ ...DEFAULTS_2018[t], id: null, serviceType: t, validFrom: DEFAULTS_VALID_FROM })
  return out
}

/** Saves a dated model (a second save on the same date replaces it). Hours and NOK become minutes and øre. */
export async function saveCostModel(actor: Actor, input: CostModelInput) {
  const min = (h: number) => Math.round(h * 60)
  const ore = (nok: number) => Math.round(nok * 100)
  const data = {
    annualCostOre: ore(input.annualCost),
    annualHours: input.annualHours,
    trainingShifts: input.trainingShifts,
    shiftMinutes: min(input.shiftHours),
    advertMinutes: min(input.advertHours),
    interviewsMinutes: min(input.interviewsHours),
    referencesMinutes: min(input.referencesHours),
    preparationMinutes: min(input.preparationHours),
    probationMinutes: min(input.probationHours),
    basicDayMinutes: min(input.basicDayHours),
    conversations: input.conversations,
    conversationMinutes: min(input.conversationHours),
    conversationPersons: input.conversationPersons,
    mentorAllowanceOre: ore(input.mentorAllowance),
  }
  return db.$transaction(async (tx) => {
    const row = await tx.costModel.upsert({
      where: { municipalityId_serviceType_validFrom: { municipalityId: actor.municipalityId, serviceType: input.serviceType, validFrom: input.validFrom } },
      create: { ...data, municipalityId: actor.municipalityId, serviceType: input.serviceType, validFrom: input.validFrom, createdById: actor.userId },
      update: data,
    })
    await audit(tx, { actorId: actor.userId, municipalityId: actor.municipalityId, action: 'save-cost-model', entity: 'CostModel', entityId: row.id, details: { serviceType: input.serviceType, validFrom: input.validFrom }, ip: actor.ip })
    return row.id
  })
}

/**
 * The cost view for a year and service type: the extra cost of one hire with
 * and without a mentor (the model in force at the year's end, or today), the
 * programme's own cost (mentors of the year's runs × hours × hourly cost, and
 * their allowance), the year's leavers × the replacement cost, and how many
 * fewer leavers pay for the scheme.
 */
export async function costView(viewer: Viewer, opts: { year: number; serviceType: ServiceType }) {
  const municipalityId = viewer.municipality!.id
  const today = osloToday()
  const on = `${opts.year}-12-31` < today ? `${opts.year}-12-31` : today
  const units = await outcomeUnits(viewer)
  const [models, enrolments, mentoredHires, leavers] = await Promise.all([
    costModels(municipalityId),
    db.enrolment.findMany({ where: { programme: { municipalityId, year: opts.year } }, select: { userId: true, programme: { select: { requiredMinutes: true } } } }),
    db.menteePlan.count({ where: { municipalityId, unitId: { in: units.map((u) => u.id) }, startDate: { gte: `${opts.year}-01-01`, lte: `${opts.year}-12-31` } } }),
    loadLeavers(municipalityId, opts.year, units.map((u) => u.id)),
  ])
  const byType = Object.fromEntries(SERVICE_TYPES.map((t) => [t, modelOn(models.filter((m) => m.serviceType === t), on)!])) as Record<ServiceType, DatedModel>
  const hires = Object.fromEntries(SERVICE_TYPES.map((t) => [t, hireCost(byType[t])])) as Record<ServiceType, ReturnType<typeof hireCost>>
  const model = byType[opts.serviceType]
  const mentors = new Set(enrolments.map((e) => e.userId)).size
  const mentorGatheringMinutes = enrolments.reduce((s, e) => s + e.programme.requiredMinutes, 0)
  const leaverCount = leavers.filter((l) => l.reason !== 'retirement').length
  const input = { mentors, mentorGatheringMinutes, mentoredHires, leavers: leaverCount }
  return { on, models, byType, hires, model, input, scheme: schemeCost(model, input) }
}
