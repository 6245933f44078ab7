import { z } from 'zod'
import { LANGUAGES } from '~/i18n/lang.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts'

// Messages are dictionary keys; the page translates them.

export const emailField = z
  .string({ error: 'error.required' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'error.tooLong' })
  .email({ error: 'error.email' })

export const nameField = z
  .string({ error: 'error.required' })
  .trim()
  .min(1, { error: 'error.required' })
  .max(120, { error: 'error.tooLong' })
  // PostgreSQL cannot store NUL in text; other control characters have no place in a name.
  .refine((v) => !/[\x00-\x1f\x7f]/.test(v), { error: 'error.controlChars' })

export const newPasswordField = z
  .string({ error: 'error.required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'error.passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'error.tooLong' })

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: 'error.required' }).max(PASSWORD_MAX_LENGTH, { error: 'error.tooLong' }),
  redirectTo: z.string().optional(),
})

const confirmField = z.string({ error: 'error.required' })
const passwordsMatch: [(v: { password: string; confirmPassword: string }) => boolean, { path: string[]; error: string }] = [
  (v) => v.password === v.confirmPassword,
  { path: ['confirmPassword'], error: 'error.passwordMismatch' },
]

export const setPasswordSchema = z.object({ password: newPasswordField, confirmPassword: confirmField }).refine(...passwordsMatch)

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'error.required' }).max(PASSWORD_MAX_LENGTH, { error: 'error.tooLong' }),
    password: newPasswordField,
    confirmPassword: confirmField,
  })
  .refine(...passwordsMatch)

export const forgotPasswordSchema = z.object({ email: emailField })

/** The account page: language preference, invitations, the personal calendar address. */
export const accountSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('calendar') }),
  z.object({ intent: z.enum(['accept-invitation', 'decline-invitation']), invitationId: z.string().max(100) }),
  // An empty choice (undefined after parsing) follows the municipality's default.
  z.object({ intent: z.literal('language'), language: z.enum(LANGUAGES).optional() }),
  z.object({ intent: z.literal('end-session'), sessionId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal('end-other-sessions') }),
])
/** Switch the session to another of the user's municipalities. */
export const switchMunicipalitySchema = z.object({ municipalityId: z.string().default(''), redirectTo: z.string().optional() })
