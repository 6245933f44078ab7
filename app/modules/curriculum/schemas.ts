import { z } from 'zod'
import { METHOD_SLUGS, SESSION_KINDS } from './content-schema.ts'

const required = (max: number) => z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(max, { error: 'error.tooLong' })

export const templateDetailsSchema = z.object({
  intent: z.literal('details'),
  name: required(120),
  description: z.string().trim().max(1000, { error: 'error.tooLong' }).optional(),
  /** Empty: follow the sum of the sessions. */
  requiredHours: z.coerce.number({ error: 'error.number' }).min(1, { error: 'error.number' }).max(500, { error: 'error.number' }).optional(),
})

export const sessionSchema = z.object({
  title: required(120),
  kind: z.enum(SESSION_KINDS, { error: 'error.required' }),
  theme: required(400),
  durationMinutes: z.coerce.number({ error: 'error.number' }).int({ error: 'error.number' }).min(15, { error: 'templates.durationRange' }).max(600, { error: 'templates.durationRange' }),
  /** One task per line. */
  preparation: z.string().max(4000, { error: 'error.tooLong' }).optional(),
  methods: z.array(z.enum(METHOD_SLUGS)).optional(),
})
export type SessionForm = z.infer<typeof sessionSchema>

export function sessionInput(v: SessionForm) {
  return {
    kind: v.kind,
    title: v.title,
    theme: v.theme,
    durationMinutes: v.durationMinutes,
    preparation: (v.preparation ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
    methods: v.methods ?? [],
  }
}

/** The national editor publishes or rejects a submitted template. */
export const reviewTemplateSchema = z.object({ intent: z.enum(['publish', 'reject']), templateId: z.string().default('') })

/** The template page: its details, a new session, moving or removing a session, or sending it for national review. */
export const templateActionSchema = z.discriminatedUnion('intent', [
  templateDetailsSchema,
  sessionSchema.extend({ intent: z.literal('add') }),
  z.object({ intent: z.enum(['up', 'down', 'remove']), sessionId: z.string().default('') }),
  z.object({ intent: z.literal('submit') }),
])

/** Copy a national curriculum (by slug) or a template the municipality may see (by id). */
export const forkTemplateSchema = z.union([z.object({ intent: z.literal('fork-national'), slug: z.string().default('') }), z.object({ templateId: z.string().default('') })])
