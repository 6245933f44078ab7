import { z } from 'zod'
import { SURVEY_LANGUAGES, type SurveyQuestion } from './survey-schema.ts'

// One schema per form of the survey pages; the answer form's schema is built
// from the round's questions.

export const TEXT_ANSWER_MAX = 500
const date = z.string({ error: 'error.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
const name = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' })

export const copySurveySchema = z.object({ source: z.string({ error: 'error.required' }).min(1, { error: 'error.required' }), name })

const label = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(200, { error: 'error.tooLong' })
/** Adjusting a copy: its name, which questions to keep and their wording in the three languages. */
export const editSurveySchema = z.object({
  name,
  keep: z.array(z.string()).min(1, { error: 'surveys.keepOne' }),
  labels: z.record(z.string(), z.object({ nb: label, nn: label, en: label })),
})
export type EditSurveyInput = { name: string; keep: string[]; labels: Record<string, Record<string, string>> }

const asList = (v: unknown) => (v === undefined || v === null ? [] : [v].flat().map(String))

/**
 * The edit form's fields (`name`, `keep`, `label.<question>.<language>`, as
 * parsed into a nested payload) in the shape `editSurveySchema` checks: also
 * what the page shows again after a failed save.
 */
export function editSurveyInput(payload: Record<string, unknown>, questions: readonly Pick<SurveyQuestion, 'key'>[]): EditSurveyInput {
  const labels = (payload.label ?? {}) as Record<string, Record<string, unknown> | undefined>
  return {
    name: String(payload.name ?? ''),
    keep: asList(payload.keep),
    labels: Object.fromEntries(questions.map((q) => [q.key, Object.fromEntries(SURVEY_LANGUAGES.map((l) => [l, String(labels[q.key]?.[l] ?? '')]))])),
  }
}

/** The edit form of one copy: its fields mapped by `editSurveyInput`, then `editSurveySchema`. */
export const editSurveyFormSchema = (questions: readonly Pick<SurveyQuestion, 'key'>[]) =>
  z.preprocess((raw) => editSurveyInput((raw ?? {}) as Record<string, unknown>, questions), editSurveySchema)

export const openRoundSchema = z
  .object({
    template: z.string({ error: 'error.required' }).min(1, { error: 'error.required' }),
    title: name,
    anonymous: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
    cohort: z.enum(['programme', 'probation'], { error: 'error.required' }),
    programmeId: z.string().optional(),
    periodFrom: date.optional(),
    periodTo: date.optional(),
    opensOn: date,
    closesOn: date,
  })
  .refine((r) => r.cohort !== 'programme' || r.programmeId, { path: ['programmeId'], error: 'error.required' })
  .refine((r) => r.cohort !== 'probation' || r.periodFrom, { path: ['periodFrom'], error: 'error.required' })
  .refine((r) => r.cohort !== 'probation' || r.periodTo, { path: ['periodTo'], error: 'error.required' })
  .refine((r) => !r.periodFrom || !r.periodTo || r.periodFrom <= r.periodTo, { path: ['periodTo'], error: 'surveys.periodOrder' })
  .refine((r) => r.opensOn <= r.closesOn, { path: ['closesOn'], error: 'surveys.closeAfterOpen' })
export type OpenRoundInput = z.infer<typeof openRoundSchema>

export const roundActionSchema = z.object({ intent: z.enum(['remind']) })

/** The answer form of a round: one field per question, named by its key. */
export function answerSchema(questions: readonly SurveyQuestion[]) {
  const shape: Record<string, z.ZodType> = {}
  for (const q of questions) {
    let field: z.ZodType
    if (q.type === 'scale') field = z.coerce.number({ error: 'surveys.pickOne' }).int({ error: 'surveys.pickOne' }).min(1, { error: 'surveys.pickOne' }).max(5, { error: 'surveys.pickOne' })
    else if (q.type === 'single') field = z.enum(q.options as [string, ...string[]], { error: 'surveys.pickOne' })
    else if (q.type === 'multiple')
      field = z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.enum(q.options as [string, ...string[]], { error: 'surveys.pickOne' }), { error: 'surveys.pickSome' }).min(1, { error: 'surveys.pickSome' }))
    else if (q.type === 'number')
      field = z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(q.min!, { error: 'surveys.numberRange' }).max(q.max!, { error: 'surveys.numberRange' })
    else if (q.required) field = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(TEXT_ANSWER_MAX, { error: 'error.tooLong' })
    else field = z.string().trim().max(TEXT_ANSWER_MAX, { error: 'error.tooLong' })
    shape[q.key] = q.required ? field : field.optional()
  }
  return z.object(shape)
}
