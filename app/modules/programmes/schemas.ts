import { z } from 'zod'
import { ABSENCE_REASONS } from '~/modules/attendance/schemas.ts'
import { csvUploadFields } from '~/utils/csv-upload.ts'

const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
const time = z.string({ error: 'error.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' })

export const programmeSchema = z
  .object({
    source: z.string({ error: 'error.required' }),
    name: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' }),
    year: z.coerce.number({ error: 'error.year' }).int({ error: 'error.year' }).min(2000, { error: 'error.year' }).max(2100, { error: 'error.year' }),
    coordinatorId: z.string({ error: 'error.required' }),
    location: z.string().trim().max(200, { error: 'error.tooLong' }).optional(),
    startsOn: date,
    endsOn: date,
    sessions: z.array(z.object({ date, start: time, end: time })).min(1, { error: 'error.required' }),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], error: 'schedule.periodEndBeforeStart' })
export type ProgrammeInput = z.infer<typeof programmeSchema>

export const enrolSchema = z.object({
  intent: z.literal('enrol'),
  name: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' }),
  email: z.string({ error: 'error.required' }).trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' }),
  unitId: z.string().optional(),
  joinedOn: date,
})

export const leaveSchema = z.object({
  intent: z.literal('leave'),
  enrolmentId: z.string(),
  leftOn: date,
  leftReason: z.string().trim().max(200, { error: 'error.tooLong' }).optional(),
})

export const preparationSchema = z.object({
  answers: z.array(z.string().trim().max(4000, { error: 'error.tooLong' }).optional()).max(20),
  share: z.literal('on').optional(),
})

/** Mentors of the municipality picked from the list, all from one joining date. */
export const enrolExistingSchema = z.object({
  intent: z.literal('enrol-existing'),
  userIds: z.array(z.string().min(1).max(64), { error: 'enrol.pickNone' }).min(1, { error: 'enrol.pickNone' }).max(500, { error: 'error.tooLong' }),
  joinedOn: date,
})

/** A participant's gathering page: the preparation (no intent), or an absence notice sent or withdrawn. */
export const gatheringActionSchema = z.discriminatedUnion('intent', [
  preparationSchema.extend({ intent: z.undefined().optional() }),
  z.object({ intent: z.literal('absence'), reason: z.enum(ABSENCE_REASONS).optional() }),
  z.object({ intent: z.literal('withdraw-absence') }),
])

/** An enrolment CSV, previewed or imported, with the joining date for rows that name none. */
export const enrolCsvSchema = z.object({ intent: z.enum(['preview', 'import']), joinedOn: date, ...csvUploadFields })

/** The participants page: enrol one person, pick existing mentors, mark a leave, or a CSV. */
export const participantsActionSchema = z.discriminatedUnion('intent', [enrolSchema, enrolExistingSchema, leaveSchema, enrolCsvSchema])
