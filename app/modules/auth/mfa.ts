import type { Role } from './roles.ts'

// Pure rules for the second factor (TOTP with recovery codes).

/** Roles that must sign in with a second factor. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['platform_admin', 'national_editor', 'municipality_admin']

export function roleRequiresMfa(roles: readonly string[]): boolean {
  return roles.some((r) => (MFA_REQUIRED_ROLES as readonly string[]).includes(r))
}

export const RECOVERY_CODE_COUNT = 10

/** What the user typed: a six-digit code (spaces allowed) or a recovery code (xxxxx-xxxxx). */
export function classifyCode(input: string): { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null {
  const compact = input.replace(/[\s-]/g, '').toLowerCase()
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact }
  if (/^[a-z0-9]{10}$/.test(compact)) return { kind: 'recovery', code: compact }
  return null
}

/** Recovery codes are shown as two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}
