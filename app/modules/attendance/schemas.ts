import { z } from 'zod'
import { ABSENCE_REASONS, CREDIT_KINDS, REGISTER_STATUSES } from './statuses.ts'

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' })

export { ABSENCE_REASONS, CREDIT_KINDS, REGISTER_STATUSES, type RegisterStatus } from './statuses.ts'

export const registerSchema = z.object({
  intent: z.literal('save'),
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  rows: z
    .array(
      z
        .object({
          userId: z.string(),
          status: z.enum(REGISTER_STATUSES),
          minutes: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(0, { error: 'attendance.minutesRange' }).optional(),
          arrived: time.optional(),
          left: time.optional(),
        })
        .refine((r) => r.status !== 'partial' || r.minutes !== undefined || r.arrived || r.left, { path: ['minutes'], error: 'attendance.partialNeedsTime' }),
    )
    .max(500),
})


export const absenceSchema = z.object({
  intent: z.literal('absence'),
  reason: z.enum(ABSENCE_REASONS).optional(),
})


export const creditSchema = z.object({
  intent: z.literal('credit'),
  userId: z.string({ error: 'error.required' }),
  minutes: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(1, { error: 'attendance.creditRange' }).max(600, { error: 'attendance.creditRange' }),
  kind: z.enum(CREDIT_KINDS, { error: 'error.required' }),
  reason: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(300, { error: 'error.tooLong' }),
})

export const checkInSchema = z.object({
  code: z
    .string({ error: 'error.required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/, { error: 'checkin.badCode' }),
})

const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
export const rescheduleSchema = z.object({
  date,
  start: time,
  end: time,
  location: z.string().trim().max(200, { error: 'error.tooLong' }).optional(),
  /** Needed when the time or length changes after attendance was recorded. */
  recorded: z.enum(['rescale', 'reopen'], { error: 'gathering.recordedChoose' }).optional(),
})

/** The attendance overview posts a credit, or asks for a new calendar feed address. */
export const attendanceActionSchema = z.discriminatedUnion('intent', [creditSchema, z.object({ intent: z.literal('calendar') })])

/** The register page: save the register, mark everyone present, or confirm the check-ins. */
export const registerActionSchema = z.discriminatedUnion('intent', [
  registerSchema,
  z.object({ intent: z.literal('all-present'), version: z.string().regex(/^\d{1,9}$/).transform(Number) }),
  z.object({ intent: z.literal('confirm-check-ins') }),
])
