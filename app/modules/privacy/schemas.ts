import { z } from 'zod'

const text = z.string().trim().max(4000, { error: 'error.tooLong' }).optional()

export const noticeSchema = z.object({
  controller: text,
  purposes: text,
  retention: text,
  privacyContactEmail: z.string().trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' }).optional(),
})

/** The retention page's "run now": the button is the whole form. */
export const applyRetentionSchema = z.object({ intent: z.literal('apply-retention') })

export const erasureSchema = z.object({
  confirmName: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(200, { error: 'error.tooLong' }),
  removeDiplomas: z.literal('on').optional(),
})

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined)

/** The audit-log filter (query string): bad values are dropped, never a 500. */
export const auditFilterSchema = z.object({
  actor: z.string().trim().max(120).optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[a-z0-9_.:-]*$/i).optional().catch(undefined),
  entity: z.string().trim().max(60).regex(/^[a-z0-9_.:-]*$/i).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>
