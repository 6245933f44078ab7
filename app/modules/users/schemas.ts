import { z } from 'zod'
import { csvUploadFields } from '~/utils/csv-upload.ts'
import { MUNICIPAL_ROLES } from '~/modules/auth/roles.ts'
import { emailField, nameField } from '~/modules/auth/schemas.ts'

const roles = z
  .array(z.enum(MUNICIPAL_ROLES, { error: 'error.required' }), { error: 'users.rolesRequired' })
  .min(1, { error: 'users.rolesRequired' })

export const inviteSchema = z.object({
  name: nameField,
  email: emailField,
  roles,
  unitId: z.string().optional(),
})

export const memberSchema = z.object({
  intent: z.literal('save'),
  roles,
  unitId: z.string().optional(),
})

/** The user import: preview the CSV, or import it (any other intent previews). */
export const importSchema = z.object({ intent: z.string().optional(), ...csvUploadFields })

/** The member page posts roles and unit (`save`) or (de)activates the account. */
export const memberActionSchema = z.discriminatedUnion('intent', [memberSchema, z.object({ intent: z.enum(['deactivate', 'reactivate']) })])
