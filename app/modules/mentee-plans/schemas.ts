import { z } from 'zod'
import { NOTE_MAX, REASON_MAX } from './limits.ts'
import { SERVICE_TYPES } from './template-schema.ts'

// One schema per form. There is deliberately no field for what was said in a
// conversation: `note` is a short logistics remark (≤ 120 characters).

export { NOTE_MAX, REASON_MAX } from './limits.ts'

const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
const name = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' })
const email = z.string().trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' })
const reason = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(REASON_MAX, { error: 'error.tooLong' })

export const createPlanSchema = z
  .object({
    menteeName: name,
    menteeEmail: email.optional(),
    unitId: z.string({ error: 'error.required' }).min(1, { error: 'error.required' }),
    serviceType: z.enum(SERVICE_TYPES, { error: 'error.required' }),
    template: z.string({ error: 'error.required' }).min(1, { error: 'error.required' }),
    startDate: date,
    mentorId: z.string().optional(),
    mentorEmail: email.optional(),
    mentorName: name.optional(),
    leaderId: z.string({ error: 'error.required' }).min(1, { error: 'error.required' }),
  })
  .refine((p) => p.mentorId || p.mentorEmail, { path: ['mentorId'], error: 'plans.mentorRequired' })
  .refine((p) => !p.mentorEmail || p.mentorName, { path: ['mentorName'], error: 'error.required' })
export type CreatePlanInput = z.infer<typeof createPlanSchema>

export const moveItemSchema = z.object({ intent: z.literal('move'), itemId: z.string(), plannedDate: date, reason })
export const holdItemSchema = z.object({
  intent: z.literal('hold'),
  itemId: z.string(),
  heldDate: date,
  minutesUsed: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(1, { error: 'error.number' }).max(600, { error: 'error.number' }).optional(),
  note: z.string().trim().max(NOTE_MAX, { error: 'plans.noteTooLong' }).optional(),
})
export const tickSchema = z.object({ intent: z.literal('tick'), itemKey: z.string().min(1), ticked: z.enum(['1', '0']) })
export const endPlanSchema = z.object({ intent: z.literal('end'), endedOn: date, reason })
export const planActionSchema = z.discriminatedUnion('intent', [moveItemSchema, holdItemSchema, tickSchema, endPlanSchema])
export type PlanAction = z.infer<typeof planActionSchema>

export const copyTemplateSchema = z.object({ intent: z.literal('copy'), source: z.string().min(1), name })
export const editTemplateSchema = z.object({
  name,
  /** One line per phase: "3, 4, 5, 6: 60" (weeks: minutes) */
  conversations: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(2000, { error: 'error.tooLong' }),
  shiftCount: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(0, { error: 'error.number' }).max(60, { error: 'error.number' }),
  withMentor: z.array(z.enum(['start', 'middle', 'end'])).default([]),
})

/** "3, 4, 5: 60" lines → phases; null when a line does not parse or weeks do not increase. */
export function parsePhases(text: string): { weeks: number[]; minutes: number }[] | null {
  const phases: { weeks: number[]; minutes: number }[] = []
  let last = 0
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = line.match(/^([\d,\s]+):\s*(\d{1,3})$/)
    if (!m) return null
    const weeks = m[1].split(',').map((w) => w.trim()).filter(Boolean).map(Number)
    const minutes = Number(m[2])
    if (!weeks.length || minutes < 5 || minutes > 240) return null
    for (const w of weeks) {
      if (!Number.isInteger(w) || w <= last || w > 53) return null
      last = w
    }
    phases.push({ weeks, minutes })
  }
  return phases.length ? phases : null
}
