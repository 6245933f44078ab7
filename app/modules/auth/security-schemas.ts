import { z } from 'zod'
import { IDPORTEN_ACR, SSO_KINDS } from './sso.ts'

// Forms for single sign-on settings, the second factor and My sessions.
// Messages are dictionary keys; the page translates them.

export const codeSchema = z.object({
  code: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(20, { error: 'error.tooLong' }),
})

export const twoFactorSettingsSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('begin') }),
  z.object({ intent: z.literal('confirm'), code: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(20, { error: 'error.tooLong' }) }),
  z.object({ intent: z.literal('recovery') }),
  z.object({ intent: z.literal('disable') }),
])

const issuerField = z
  .string({ error: 'error.required' })
  .trim()
  .max(500, { error: 'error.tooLong' })
  .refine(
    (v) => {
      try {
        const url = new URL(v)
        return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      } catch {
        return false
      }
    },
    { error: 'sso.error.issuer' },
  )

export const ssoSettingSchema = z.discriminatedUnion('intent', [
  z
    .object({
      intent: z.literal('save'),
      kind: z.enum(SSO_KINDS),
      issuer: issuerField,
      clientId: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(200, { error: 'error.tooLong' }),
      clientSecret: z.string().max(500, { error: 'error.tooLong' }).optional(),
      allowedTenants: z.string().trim().max(2000, { error: 'error.tooLong' }).optional(),
      requiredAcr: z.enum(IDPORTEN_ACR.slice(1) as ['idporten-loa-substantial', 'idporten-loa-high']).optional(),
      enabled: z.literal('on').optional(),
    })
    .refine((v) => v.kind !== 'entra' || !!v.allowedTenants?.trim(), { path: ['allowedTenants'], error: 'sso.error.tenants' }),
  z.object({ intent: z.literal('remove'), providerId: z.string().min(1).max(100) }),
])

