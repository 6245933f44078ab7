import { z } from 'zod'

// The shape of content/plan-templates/<slug>/: `_plan.md` holds the structure
// (the same in every language), `nb.md`, `nn.md` and `en.md` the texts.

export const PLAN_LANGUAGES = ['nb', 'nn', 'en'] as const
export type PlanLang = (typeof PLAN_LANGUAGES)[number]
export const SERVICE_TYPES = ['home_care', 'hvs'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]
export const MENTOR_SHIFT_POSITIONS = ['start', 'middle', 'end'] as const

const text = z.string().trim().min(1)
const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case key')
const offset = z
  .object({ key, days: z.number().int().min(0).optional(), weeks: z.number().int().min(0).optional(), months: z.number().int().min(0).optional() })
  .refine((o) => (o.days ?? 0) + (o.weeks ?? 0) + (o.months ?? 0) > 0, { message: 'offset must be after the start' })
export type Offset = z.infer<typeof offset>

export const planStructure = z
  .object({
    slug: key,
    municipality: key,
    version: text,
    source: text,
    trainingShifts: z.object({
      count: z.number().int().min(0).max(60),
      withMentor: z.array(z.enum(MENTOR_SHIFT_POSITIONS)),
      dayOffsets: z.array(z.number().int().min(0).max(366)),
    }),
    conversations: z.array(z.object({ weeks: z.array(z.number().int().min(1).max(53)).min(1), minutes: z.number().int().min(5).max(240) })),
    probationTalks: z.array(offset),
    leaderMentorMeetings: z.array(offset),
    checklists: z.object({ home_care: z.array(key), hvs: z.array(key) }),
  })
  .superRefine((p, ctx) => {
    if (p.trainingShifts.dayOffsets.length !== p.trainingShifts.count)
      ctx.addIssue({ code: 'custom', path: ['trainingShifts', 'dayOffsets'], message: 'one day offset per training shift' })
    const weeks = p.conversations.flatMap((c) => c.weeks)
    if (weeks.some((w, i) => i > 0 && w <= weeks[i - 1]))
      ctx.addIssue({ code: 'custom', path: ['conversations'], message: 'weeks must be strictly increasing' })
  })
export type PlanStructure = z.infer<typeof planStructure>

export const planTexts = z.object({
  title: text,
  summary: text,
  checklistLabels: z.record(key, text),
  prompts: z.array(z.object({ key: z.enum(['personal', 'professional', 'social']), title: text, questions: z.array(text).min(1) })),
})
export type PlanTexts = z.infer<typeof planTexts> & { html: string }
