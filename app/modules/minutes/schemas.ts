import { z } from 'zod'
import { AUDIENCES } from './rules.ts'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })

/** The writer's form: save the draft, or send it for approval (with an optional answer deadline). */
export const draftSchema = z.object({
  intent: z.enum(['save', 'submit']),
  title: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(200, { error: 'error.tooLong' }),
  body: z.string({ error: 'minutes.bodyRequired' }).trim().min(1, { error: 'minutes.bodyRequired' }).max(50_000, { error: 'error.tooLong' }),
  deadline: date.optional(),
})
export type DraftInput = z.infer<typeof draftSchema>

/** A participant's answer: approve, or ask for a change with a comment. */
export const answerSchema = z
  .object({
    intent: z.enum(['approve', 'request_changes']),
    comment: z.string().trim().max(2000, { error: 'error.tooLong' }).optional(),
  })
  .refine((a) => a.intent !== 'request_changes' || !!a.comment, { path: ['comment'], error: 'minutes.commentRequired' })

export const closeSchema = z.object({ intent: z.literal('close') })
export const publishSchema = z.object({ intent: z.literal('publish'), audience: z.enum(AUDIENCES, { error: 'error.required' }) })

/** Every form the minutes page posts, told apart by `intent`. */
export const minutesActionSchema = z.discriminatedUnion('intent', [answerSchema, draftSchema, closeSchema, publishSchema])
/** Which of the page's forms an intent belongs to (its errors are shown there). */
export const MINUTES_FORM_OF = { approve: 'answer', request_changes: 'answer', save: 'draft', submit: 'draft', close: 'close', publish: 'publish' } as const
