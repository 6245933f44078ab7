import { describe, expect, it } from 'vitest'
import { loginSchema, safeRedirect, setPasswordSchema } from '~/modules/auth/schemas.ts'

describe('safeRedirect', () => {
  it('allows only same-site paths', () => {
    expect(safeRedirect('/admin/users?q=a')).toBe('/admin/users?q=a')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '', null, 42]) expect(safeRedirect(bad)).toBe('/dashboard')
  })
})

describe('password rules', () => {
  it('needs 12 characters and two equal entries', () => {
    const short = setPasswordSchema.safeParse({ password: 'short', confirmPassword: 'short' })
    expect(short.success).toBe(false)
    expect(short.error?.issues[0].message).toBe('error.passwordTooShort')
    const mismatch = setPasswordSchema.safeParse({ password: 'long enough password', confirmPassword: 'long enough passw0rd' })
    expect(mismatch.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['confirmPassword', 'error.passwordMismatch']])
    expect(setPasswordSchema.safeParse({ password: 'long enough password', confirmPassword: 'long enough password' }).success).toBe(true)
  })

  it('normalises the e-mail address at login', () => {
    expect(loginSchema.parse({ email: '  Kari@Example.NO ', password: 'x' }).email).toBe('kari@example.no')
  })
})
