import { z } from 'zod'

// The shape of content/surveys/<slug>/: `_survey.md` holds the structure (the
// same in every language), `nb.md`, `nn.md` and `en.md` the texts. A municipal
// copy and a round's snapshot use the same `SurveyQuestion` list.

export const SURVEY_LANGUAGES = ['nb', 'nn', 'en'] as const
export type SurveyLang = (typeof SURVEY_LANGUAGES)[number]
export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'number', 'text'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const SURVEY_KINDS = ['programme-evaluation', 'mentor', 'mentee'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]
/** Who answers: the enrolled mentors of a run, or mentors / mentees of plans whose probation ends in a period. */
export const AUDIENCES = ['mentors', 'mentees'] as const
export const COHORTS = ['programme', 'probation'] as const
export type Cohort = (typeof COHORTS)[number]

const text = z.string().trim().min(1)
const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case key')

export const questionStructure = z
  .object({
    key,
    type: z.enum(QUESTION_TYPES),
    options: z.array(key).min(2).optional(),
    /** number questions: allowed range and the lower bounds of the bars in results */
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(1).optional(),
    bins: z.array(z.number().int().min(0)).min(2).optional(),
    required: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multiple'
    if (choice && !q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'choice questions need options' })
    if (!choice && q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' })
    if (q.options && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be unique' })
    if (q.type === 'number') {
      if (q.min === undefined || q.max === undefined || !q.bins) ctx.addIssue({ code: 'custom', path: ['type'], message: 'number questions need min, max and bins' })
      else {
        if (q.max <= q.min) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be above min' })
        if (q.bins[0] !== q.min || q.bins.some((b, i) => i > 0 && b <= q.bins![i - 1]) || q.bins.at(-1)! > q.max)
          ctx.addIssue({ code: 'custom', path: ['bins'], message: 'bins must start at min, increase and stay within max' })
      }
    } else if (q.min !== undefined || q.max !== undefined || q.bins) ctx.addIssue({ code: 'custom', path: ['bins'], message: 'only number questions have min, max and bins' })
  })

export const surveyStructure = z
  .object({
    slug: key,
    kind: z.enum(SURVEY_KINDS),
    audience: z.enum(AUDIENCES),
    cohort: z.enum(COHORTS),
    version: text,
    source: text,
    questions: z.array(questionStructure).min(1).max(30),
  })
  .superRefine((s, ctx) => {
    const keys = s.questions.map((q) => q.key)
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question keys must be unique' })
  })
export type SurveyStructure = z.infer<typeof surveyStructure>

export const questionText = z.object({
  label: text.max(200),
  low: text.max(40).optional(),
  high: text.max(40).optional(),
  unit: text.max(30).optional(),
  options: z.record(key, text.max(80)).optional(),
})
export type QuestionText = z.infer<typeof questionText>

export const surveyTexts = z.object({
  title: text.max(120),
  summary: text.max(300),
  questions: z.record(key, questionText),
})
export type SurveyTexts = z.infer<typeof surveyTexts>

/** One question with its wording in every language: what a copy and a round store. */
export type SurveyQuestion = z.infer<typeof questionStructure> & { text: Record<SurveyLang, QuestionText> }

/** Problems in one language's texts against the structure (`field: message`). */
export function textProblems(structure: Pick<SurveyStructure, 'questions'>, texts: SurveyTexts): string[] {
  const problems: string[] = []
  const keys = new Set(structure.questions.map((q) => q.key))
  for (const q of structure.questions) {
    const t = texts.questions[q.key]
    if (!t) {
      problems.push(`questions.${q.key}: missing`)
      continue
    }
    const optionKeys = new Set(q.options ?? [])
    for (const o of optionKeys) if (!t.options?.[o]) problems.push(`questions.${q.key}.options.${o}: missing label`)
    for (const o of Object.keys(t.options ?? {})) if (!optionKeys.has(o)) problems.push(`questions.${q.key}.options.${o}: not an option of the question`)
    if ((t.low || t.high) && q.type !== 'scale') problems.push(`questions.${q.key}: low and high belong to scale questions`)
    if (t.unit && q.type !== 'number') problems.push(`questions.${q.key}.unit: only number questions have a unit`)
  }
  for (const k of Object.keys(texts.questions)) if (!keys.has(k)) problems.push(`questions.${k}: not in _survey.md`)
  return problems
}
