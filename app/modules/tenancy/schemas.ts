import { z } from 'zod'
import { LANGUAGES } from '~/i18n/lang.ts'

export const SERVICE_TYPES = ['home_care', 'hvs'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

const name = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' })

export const districtSchema = z.object({ id: z.string().optional(), name })

export const unitSchema = z.object({
  id: z.string().optional(),
  name,
  serviceType: z.enum(SERVICE_TYPES, { error: 'error.required' }),
  districtId: z.string().optional(),
})

const optionalUrl = z
  .string()
  .trim()
  .max(500, { error: 'error.tooLong' })
  .url({ error: 'error.url' })
  .refine((u) => /^https:\/\//.test(u), { error: 'error.httpsUrl' })
  .optional()

export const municipalitySettingsSchema = z.object({
  name,
  defaultLanguage: z.enum(LANGUAGES, { error: 'error.required' }),
  accessibilityStatementUrl: optionalUrl,
})

export const newMunicipalitySchema = z.object({
  name,
  slug: z
    .string({ error: 'error.required' })
    .trim()
    .toLowerCase()
    .min(2, { error: 'error.slug' })
    .max(60, { error: 'error.tooLong' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'error.slug' }),
  number: z.string().trim().regex(/^\d{4}$/, { error: 'error.municipalityNumber' }).optional(),
  defaultLanguage: z.enum(LANGUAGES, { error: 'error.required' }),
  privacyContactEmail: z.string().trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' }).optional(),
  privacyController: z.string().trim().max(4000, { error: 'error.tooLong' }).optional(),
  adminName: name,
  adminEmail: z.string({ error: 'error.required' }).trim().toLowerCase().max(254, { error: 'error.tooLong' }).email({ error: 'error.email' }),
})

/** The units page posts a district or a unit, told apart by `intent`. */
export const organisationActionSchema = z.discriminatedUnion('intent', [districtSchema.extend({ intent: z.literal('district') }), unitSchema.extend({ intent: z.literal('unit') })])
