import { z } from 'zod'

import { SERVICE_TYPES, SHARE_SCOPES, TOPICS } from './tags.ts'

export * from './tags.ts'

const long = z.string().trim().max(20_000, { error: 'error.tooLong' }).default('')
const optionalId = z.string().trim().max(64).optional()
/** An empty select sends '' : read it as "none". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: 'cases.invalidChoice' }).optional())

/** The case form: save (a version in the history) or autosave (the draft only). */
export const caseSchema = z.object({
  intent: z.enum(['save', 'autosave']).default('save'),
  title: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(200, { error: 'error.tooLong' }),
  situation: z.string({ error: 'cases.situationRequired' }).trim().min(1, { error: 'cases.situationRequired' }).max(20_000, { error: 'error.tooLong' }),
  question: long,
  thoughts: long,
  feelings: long,
  actions: long,
  bodily: long,
  serviceType: choice(SERVICE_TYPES),
  topic: choice(TOPICS),
  method: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(80).regex(/^[a-z0-9-]+$/, { error: 'cases.invalidChoice' }).optional()),
  link: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^(gathering|meeting):[\w-]{1,64}$/, { error: 'cases.invalidChoice' }).optional()),
})
export type CaseInput = z.infer<typeof caseSchema>

export const shareSchema = z.object({
  intent: z.literal('share'),
  scope: z.enum(SHARE_SCOPES, { error: 'error.required' }),
  programmeId: optionalId,
  networkId: optionalId,
})
export type ShareInput = z.infer<typeof shareSchema>

export const dismissSchema = z.object({ intent: z.literal('dismiss'), fingerprint: z.string().regex(/^[a-zA-Z]+:[0-9a-f]{8}$/, { error: 'cases.invalidChoice' }) })
export const withdrawSchema = z.object({ intent: z.literal('withdraw') })
export const reviewSchema = z
  .object({
    intent: z.enum(['approve', 'send_back']),
    comment: z.string().trim().max(2000, { error: 'error.tooLong' }).optional(),
  })
  .refine((r) => r.intent !== 'send_back' || !!r.comment, { path: ['comment'], error: 'cases.commentRequired' })
export const reflectionSchema = z.object({
  intent: z.literal('reflect'),
  body: z.string({ error: 'cases.reflectionRequired' }).trim().min(1, { error: 'cases.reflectionRequired' }).max(2000, { error: 'error.tooLong' }),
})
export const hideSchema = z.object({ intent: z.literal('hide'), reflectionId: z.string().min(1).max(64) })
/** Every form of the case page, told apart by `intent`. */
export const caseActionSchema = z.discriminatedUnion('intent', [shareSchema, dismissSchema, withdrawSchema, reviewSchema, reflectionSchema, hideSchema])
export const CASE_INTENTS = ['share', 'dismiss', 'withdraw', 'approve', 'send_back', 'reflect', 'hide'] as const
export type CaseIntent = (typeof CASE_INTENTS)[number]

export const pickSchema = z.object({ intent: z.enum(['pick', 'unpick']), caseId: z.string().min(1).max(64) })

/** The search form (GET): every field optional. */
export const searchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  serviceType: z.enum(SERVICE_TYPES).optional().catch(undefined),
  topic: z.enum(TOPICS).optional().catch(undefined),
  method: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  municipalityId: z.string().regex(/^[\w-]{1,64}$/).optional().catch(undefined),
  scope: z.enum(SHARE_SCOPES).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type SearchInput = z.infer<typeof searchSchema>

export function parseSearch(params: URLSearchParams): SearchInput {
  const raw: Record<string, string> = {}
  for (const [k, v] of params) if (v !== '') raw[k] = v
  return searchSchema.parse(raw)
}
