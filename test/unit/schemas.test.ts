import { describe, expect, it } from 'vitest'
import { loginSchema, setPasswordSchema } from '~/modules/auth/schemas.ts'
import { safeRedirect } from '~/utils/redirect.ts'

describe('safeRedirect', () => {
  it('allows only same-site paths', () => {
    expect(safeRedirect('/admin/users?q=a')).toBe('/admin/users?q=a')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '', null, 42]) expect(safeRedirect(bad)).toBe('/dashboard')
  })

  it('refuses other hosts in any spelling and values a Location header cannot carry (issue 8, item 4)', () => {
    for (const bad of ['/%09/evil.example', '/\t/evil.example', '/%2F/evil.example', '/%5Cevil.example', '/a\r\nSet-Cookie: x=1', '/a\nb', '/sø', '/\u2028', '/ok\u0100', '/%E0%A4%A', `/${'a'.repeat(2001)}`]) {
      expect(safeRedirect(bad), JSON.stringify(bad)).toBe('/dashboard')
    }
    expect(safeRedirect('/programmes/abc?x=%C3%B8#top')).toBe('/programmes/abc?x=%C3%B8#top')
    expect(safeRedirect('/a/../admin')).toBe('/admin')
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
