import { z } from 'zod'
import { LEAVE_REASONS } from './retention.ts'
import { SERVICE_TYPES } from './cost-model.ts'

// One schema per form of the outcomes pages (retention, cost, national opt-in).
// There is deliberately no free-text field about why someone left: a category only.

const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
const id = z.string({ error: 'error.required' }).min(1, { error: 'error.required' }).max(64)

export const recordEmploymentSchema = z
  .object({
    intent: z.literal('record'),
    unitId: id,
    /** A mentee plan of the unit: its start date and the mentor follow from it. */
    menteePlanId: z.string().max(64).optional(),
    startedOn: date.optional(),
    hadMentor: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false),
    leftOn: date.optional(),
    leftReason: z.enum(LEAVE_REASONS, { error: 'outcomes.leavers.reasonRequired' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.menteePlanId && !v.startedOn) ctx.addIssue({ code: 'custom', path: ['startedOn'], message: 'error.required' })
    if (v.leftOn && !v.leftReason) ctx.addIssue({ code: 'custom', path: ['leftReason'], message: 'outcomes.leavers.reasonRequired' })
    if (!v.leftOn && v.leftReason) ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'error.required' })
    if (v.leftOn && v.startedOn && v.leftOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'outcomes.leavers.leftBeforeStart' })
  })
export type RecordEmploymentInput = z.infer<typeof recordEmploymentSchema>

export const deleteEmploymentSchema = z.object({ intent: z.literal('delete'), employmentId: id })

export const employmentActionSchema = z.discriminatedUnion('intent', [recordEmploymentSchema, deleteEmploymentSchema])

const nok = z.coerce.number({ error: 'error.number' }).min(0, { error: 'error.number' }).max(100_000_000, { error: 'error.number' })
const hours = z.coerce.number({ error: 'error.number' }).min(0, { error: 'error.number' }).max(10_000, { error: 'error.number' })
const count = z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(0, { error: 'error.number' }).max(1000, { error: 'error.number' })

/** The cost model form: NOK and hours as people write them; stored as øre and minutes. */
export const costModelSchema = z.object({
  serviceType: z.enum(SERVICE_TYPES, { error: 'error.required' }),
  validFrom: date,
  annualCost: nok,
  annualHours: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(1, { error: 'error.number' }).max(10_000, { error: 'error.number' }),
  trainingShifts: count,
  shiftHours: hours,
  advertHours: hours,
  interviewsHours: hours,
  referencesHours: hours,
  preparationHours: hours,
  probationHours: hours,
  basicDayHours: hours,
  conversations: count,
  conversationHours: hours,
  conversationPersons: count,
  mentorAllowance: nok,
})
export type CostModelInput = z.infer<typeof costModelSchema>

export const outcomeSettingsSchema = z.object({
  nationalOptIn: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()).default(false),
  unitsForEstimate: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(1, { error: 'error.number' }).max(10_000, { error: 'error.number' }).optional()),
})

const thisYear = () => Number(new Date().toISOString().slice(0, 4))
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), date.optional())

/** The retention page's filter (query string): starters from/to, turnover year. */
export const periodQuerySchema = z.object({
  from: optionalDate,
  to: optionalDate,
  year: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(1990).max(2100).optional()).transform((y) => y ?? thisYear() - 1),
})

/** The cost page's filter: year and the service type whose model prices the scheme. */
export const costQuerySchema = z.object({
  year: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(1990).max(2100).optional()).transform((y) => y ?? thisYear()),
  type: z.enum(SERVICE_TYPES).catch('home_care'),
})
