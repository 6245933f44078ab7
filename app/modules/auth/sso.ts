// Pure rules for single sign-on (OpenID Connect): provider kinds, the claim checks
// each kind needs, and the refusal reasons the login page translates.

export const SSO_KINDS = ['entra', 'feide', 'idporten'] as const
export type SsoKind = (typeof SSO_KINDS)[number]

export function isSsoKind(value: string): value is SsoKind {
  return (SSO_KINDS as readonly string[]).includes(value)
}

/** ID-porten's assurance levels, lowest first. */
export const IDPORTEN_ACR = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'] as const
export type IdportenAcr = (typeof IDPORTEN_ACR)[number]

export type SsoRefusal =
  | 'flow' // no or stale sign-in attempt in this browser
  | 'state'
  | 'nonce'
  | 'audience'
  | 'issuer'
  | 'expired'
  | 'signature'
  | 'tenant'
  | 'acr'
  | 'claims'
  | 'provider' // the provider refused or could not be reached
  | 'not_linked'
  | 'no_access'

export const SSO_REFUSALS: readonly SsoRefusal[] = ['flow', 'state', 'nonce', 'audience', 'issuer', 'expired', 'signature', 'tenant', 'acr', 'claims', 'provider', 'not_linked', 'no_access']

export function parseTenants(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean)
}

/** Does the `acr` the provider reports meet the level the municipality requires? */
export function acrSatisfies(required: string | null | undefined, actual: unknown): boolean {
  if (!required) return true
  const need = IDPORTEN_ACR.indexOf(required as IdportenAcr)
  const got = typeof actual === 'string' ? IDPORTEN_ACR.indexOf(actual as IdportenAcr) : -1
  return need >= 0 && got >= need
}

export type ProviderRules = { kind: SsoKind; allowedTenants: string | null; requiredAcr: string | null }

/**
 * Checks that follow the signature, issuer, audience, expiry and nonce checks the
 * OpenID library already made: the municipality's own rules per provider kind.
 * Returns the raw subject to recognise the person by, or a refusal.
 */
export function checkClaims(rules: ProviderRules, claims: Record<string, unknown>): { ok: true; subject: string; hashSubject: boolean } | { ok: false; reason: SsoRefusal } {
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : null
  if (!sub) return { ok: false, reason: 'claims' }
  if (rules.kind === 'entra') {
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null
    // Deny by default: an empty allow-list lets nobody in.
    if (!tid || !parseTenants(rules.allowedTenants).includes(tid)) return { ok: false, reason: 'tenant' }
    return { ok: true, subject: `${tid}:${typeof claims.oid === 'string' ? claims.oid : sub}`, hashSubject: false }
  }
  if (rules.kind === 'idporten') {
    if (!acrSatisfies(rules.requiredAcr ?? 'idporten-loa-substantial', claims.acr)) return { ok: false, reason: 'acr' }
    // The national identity number (pid) is only ever kept as a salted hash.
    const pid = typeof claims.pid === 'string' && /^\d{11}$/.test(claims.pid) ? claims.pid : null
    if (!pid) return { ok: false, reason: 'claims' }
    return { ok: true, subject: pid, hashSubject: true }
  }
  return { ok: true, subject: sub, hashSubject: false }
}

/** Maps an error from openid-client / oauth4webapi (which wraps the original in `cause`) to the reason we show. */
export function refusalFromError(error: unknown): SsoRefusal {
  const chain: { code?: unknown; message?: unknown; cause?: unknown; claim?: unknown }[] = []
  let current: unknown = error
  while (current && typeof current === 'object' && chain.length < 4) {
    chain.push(current as (typeof chain)[number])
    current = (current as { cause?: unknown }).cause
  }
  const codes = chain.map((e) => e.code).filter((c): c is string => typeof c === 'string')
  const message = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' | ')
  const claim = chain.map((e) => e.claim).find((c): c is string => typeof c === 'string') ?? /"(\w+)"(?: \([^)]*\))? claim/.exec(message)?.[1]
  if (/"state" response parameter/.test(message)) return 'state'
  if (codes.includes('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return 'expired'
  if (codes.includes('OAUTH_JWT_CLAIM_COMPARISON_FAILED')) {
    if (claim === 'nonce') return 'nonce'
    if (claim === 'aud' || claim === 'azp') return 'audience'
    if (claim === 'iss') return 'issuer'
    return 'claims'
  }
  if (codes.includes('OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED') || /signature/i.test(message)) return 'signature'
  return 'provider'
}
