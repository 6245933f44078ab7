import { describe, expect, it } from 'vitest'
import { describeDevice } from '~/modules/auth/device.ts'
import { classifyCode, formatRecoveryCode, roleRequiresMfa } from '~/modules/auth/mfa.ts'
import { acrSatisfies, checkClaims, parseTenants, refusalFromError } from '~/modules/auth/sso.ts'

describe('SSO claim rules', () => {
  it('Entra ID: only tenants on the allow-list, none when the list is empty', () => {
    const rules = { kind: 'entra' as const, allowedTenants: 'AAA, bbb', requiredAcr: null }
    expect(checkClaims(rules, { sub: 's', tid: 'aaa', oid: 'o1' })).toEqual({ ok: true, subject: 'aaa:o1', hashSubject: false })
    expect(checkClaims(rules, { sub: 's', tid: 'ccc' })).toEqual({ ok: false, reason: 'tenant' })
    expect(checkClaims(rules, { sub: 's' })).toEqual({ ok: false, reason: 'tenant' })
    expect(checkClaims({ ...rules, allowedTenants: '' }, { sub: 's', tid: 'aaa' })).toEqual({ ok: false, reason: 'tenant' })
    expect(parseTenants(' a ,b\nc ')).toEqual(['a', 'b', 'c'])
  })

  it('ID-porten: the acr level and a national identity number to hash', () => {
    const rules = { kind: 'idporten' as const, allowedTenants: null, requiredAcr: 'idporten-loa-high' }
    expect(checkClaims(rules, { sub: 's', acr: 'idporten-loa-substantial', pid: '01017012345' })).toEqual({ ok: false, reason: 'acr' })
    expect(checkClaims(rules, { sub: 's', acr: 'idporten-loa-high', pid: '01017012345' })).toEqual({ ok: true, subject: '01017012345', hashSubject: true })
    expect(checkClaims(rules, { sub: 's', acr: 'idporten-loa-high' })).toEqual({ ok: false, reason: 'claims' })
    expect(acrSatisfies('idporten-loa-substantial', 'idporten-loa-high')).toBe(true)
    expect(acrSatisfies('idporten-loa-substantial', 'idporten-loa-low')).toBe(false)
    expect(acrSatisfies('idporten-loa-substantial', 'something-else')).toBe(false)
  })

  it('a token without sub is refused', () => {
    expect(checkClaims({ kind: 'feide', allowedTenants: null, requiredAcr: null }, {})).toEqual({ ok: false, reason: 'claims' })
  })

  it('maps library errors (wrapped in cause) to reasons', () => {
    const wrap = (code: string, message: string, claim?: string) => Object.assign(new Error('unexpected JWT claim value encountered'), { code, cause: Object.assign(new Error(message), { code, cause: { claim } }) })
    expect(refusalFromError(wrap('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected ID Token "nonce" claim value', 'nonce'))).toBe('nonce')
    expect(refusalFromError(wrap('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "aud" (audience) claim value', 'aud'))).toBe('audience')
    expect(refusalFromError(wrap('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "iss" (issuer) claim value', 'iss'))).toBe('issuer')
    expect(refusalFromError(wrap('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'unexpected JWT "exp" claim value', 'exp'))).toBe('expired')
    expect(refusalFromError(wrap('OAUTH_INVALID_RESPONSE', 'unexpected "state" response parameter value'))).toBe('state')
    expect(refusalFromError(new Error('fetch failed'))).toBe('provider')
  })
})

describe('two-step sign-in rules', () => {
  it('requires it for the administrator roles only', () => {
    expect(roleRequiresMfa(['mentor', 'municipality_admin'])).toBe(true)
    expect(roleRequiresMfa(['national_editor'])).toBe(true)
    expect(roleRequiresMfa(['platform_admin'])).toBe(true)
    expect(roleRequiresMfa(['coordinator', 'mentor'])).toBe(false)
  })

  it('tells a TOTP code from a recovery code', () => {
    expect(classifyCode(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' })
    expect(classifyCode('ABCDE-23456')).toEqual({ kind: 'recovery', code: 'abcde23456' })
    expect(classifyCode('12345')).toBeNull()
    expect(formatRecoveryCode('abcde23456')).toBe('abcde-23456')
  })
})

describe('device labels', () => {
  it('names common browsers and systems', () => {
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0')).toEqual({ browser: 'Edge', os: 'Windows' })
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari', os: 'iOS' })
    expect(describeDevice('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36')).toEqual({ browser: 'Chrome', os: 'Android' })
    expect(describeDevice(null)).toBeNull()
    expect(describeDevice('curl/8.0')).toBeNull()
  })
})
