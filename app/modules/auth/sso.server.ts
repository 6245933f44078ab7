import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import * as oidc from 'openid-client'
import { db } from '~/db.server.ts'
import { cookieSecure, env } from '~/env.server.ts'
import { audit } from '~/modules/audit/audit.server.ts'
import { accessOf } from './login.server.ts'
import { open, seal } from './secret-box.server.ts'
import { checkClaims, isSsoKind, refusalFromError, type SsoKind, type SsoRefusal } from './sso.ts'
import { consumeToken, findUsableToken } from './tokens.server.ts'

// Single sign-on with OpenID Connect: authorization code flow with PKCE, state and
// nonce. openid-client validates the ID token (signature against the provider's
// keys, issuer, audience, expiry, nonce); sso.ts adds each municipality's rules.

export const SSO_CALLBACK_PATH = '/auth/sso/callback'
const FLOW_TTL_SECONDS = 10 * 60

export function redirectUri(): string {
  return new URL(SSO_CALLBACK_PATH, env.APP_URL).toString()
}

/** The sign-in attempt in progress, kept in a short-lived signed cookie. */
type Flow = {
  providerId: string
  state: string
  nonce: string
  verifier: string
  intent: 'login' | 'link' | 'invite'
  /** Who asked to link (intent link): the callback must come from the same session. */
  userId?: string
  invitationToken?: string
  redirectTo?: string
  startedAt: number
}

const flowCookie = createCookie(cookieSecure ? '__Host-mn_sso' : 'mn_sso', {
  httpOnly: true,
  // Lax: the provider sends the browser back with a top-level GET.
  sameSite: 'lax',
  secure: cookieSecure,
  path: '/',
  maxAge: FLOW_TTL_SECONDS,
  secrets: env.SESSION_SECRET.split(',').map((s) => s.trim()),
})

export function clearFlowCookie(): Promise<string> {
  return flowCookie.serialize('', { maxAge: 0, expires: new Date(0) })
}

/** Only loopback issuers may use plain http (the local test provider). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer)
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

type ProviderRow = NonNullable<Awaited<ReturnType<typeof findProvider>>>

function findProvider(id: string) {
  return db.ssoProvider.findFirst({ where: { id, enabled: true }, include: { municipality: { select: { id: true, name: true } } } })
}

const configs = new Map<string, { at: number; config: Promise<oidc.Configuration> }>()
const CONFIG_TTL_MS = 10 * 60 * 1000

/** The provider's discovery document and keys, cached for ten minutes per saved configuration. */
function configFor(provider: ProviderRow, clockSkewSeconds = 0): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}:${clockSkewSeconds}`
  const hit = configs.get(key)
  if (hit && Date.now() - hit.at < CONFIG_TTL_MS) return hit.config
  const secret = provider.clientSecretEnc ? open(provider.clientSecretEnc) : null
  const metadata: Partial<oidc.ClientMetadata> = { id_token_signed_response_alg: 'RS256', ...(clockSkewSeconds ? { [oidc.clockSkew]: clockSkewSeconds } : {}) }
  const config = oidc
    .discovery(new URL(provider.issuer), provider.clientId, metadata, secret ? oidc.ClientSecretPost(secret) : oidc.None(), {
      execute: [
        ...(isLoopbackHttp(provider.issuer) ? [oidc.allowInsecureRequests] : []),
        // Verify the ID token's signature too, not only the TLS channel it came over.
        oidc.enableNonRepudiationChecks,
      ],
      timeout: 10,
    })
    .catch((error) => {
      configs.delete(key)
      throw error
    })
  configs.set(key, { at: Date.now(), config })
  return config
}

/** Forget cached discovery documents (tests start a fresh provider each time). */
export function clearSsoCache(): void {
  configs.clear()
}

export type LoginProvider = { id: string; kind: SsoKind; municipality: string }

/** The enabled providers for the login page's "Sign in with …" buttons. */
export async function listLoginProviders(): Promise<LoginProvider[]> {
  const rows = await db.ssoProvider.findMany({
    where: { enabled: true },
    select: { id: true, kind: true, municipality: { select: { name: true } } },
    orderBy: [{ municipality: { name: 'asc' } }, { kind: 'asc' }],
  })
  return rows.filter((r) => isSsoKind(r.kind)).map((r) => ({ id: r.id, kind: r.kind as SsoKind, municipality: r.municipality.name }))
}

/** One municipality's enabled providers (the invitation page offers them). */
export async function listMunicipalityProviders(municipalityId: string): Promise<{ id: string; kind: SsoKind }[]> {
  const rows = await db.ssoProvider.findMany({ where: { municipalityId, enabled: true }, select: { id: true, kind: true }, orderBy: { kind: 'asc' } })
  return rows.filter((r) => isSsoKind(r.kind)).map((r) => ({ id: r.id, kind: r.kind as SsoKind }))
}

export type StartInput = { intent: 'login' } | { intent: 'link'; userId: string } | { intent: 'invite'; invitationToken: string }

/**
 * Begins a sign-in at the provider: returns where to send the browser and the
 * cookie that remembers state, nonce and the PKCE verifier. Null for an unknown
 * or disabled provider.
 */
export async function startSsoLogin(providerId: string, input: StartInput & { redirectTo?: string }): Promise<{ url: string; cookie: string } | null> {
  const provider = await findProvider(providerId)
  if (!provider || !isSsoKind(provider.kind)) return null
  const config = await configFor(provider)
  const verifier = oidc.randomPKCECodeVerifier()
  const flow: Flow = {
    providerId: provider.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    intent: input.intent,
    userId: input.intent === 'link' ? input.userId : undefined,
    invitationToken: input.intent === 'invite' ? input.invitationToken : undefined,
    redirectTo: input.redirectTo,
    startedAt: Date.now(),
  }
  const params: Record<string, string> = {
    redirect_uri: redirectUri(),
    scope: provider.kind === 'idporten' ? 'openid profile' : 'openid profile email',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  }
  if (provider.kind === 'idporten') params.acr_values = provider.requiredAcr ?? 'idporten-loa-substantial'
  const url = oidc.buildAuthorizationUrl(config, params)
  return { url: url.toString(), cookie: await flowCookie.serialize(flow) }
}

export type SsoOutcome =
  | { ok: true; userId: string; municipalityId: string | null; intent: Flow['intent']; redirectTo?: string }
  | { ok: false; reason: SsoRefusal }

export type FinishOptions = {
  /** The session the callback arrived with (for linking). */
  signedInUserId?: string | null
  /** Seconds to add to our clock when checking token times (tests prove expired tokens are refused). */
  clockSkewSeconds?: number
}

async function readFlow(request: Request): Promise<Flow | null> {
  const value = (await flowCookie.parse(request.headers.get('Cookie'))) as Flow | null
  if (!value || typeof value !== 'object' || typeof value.state !== 'string' || typeof value.providerId !== 'string') return null
  if (Date.now() - value.startedAt > FLOW_TTL_SECONDS * 1000) return null
  return value
}

/** Where the ID token's subject is kept: the raw `sub`, or an HMAC for a national identity number. */
function storedSubject(provider: ProviderRow, subject: string, hash: boolean): string {
  return hash ? `hmac:${createHmac('sha256', provider.subjectSalt).update(subject).digest('base64url')}` : subject
}

/**
 * Completes the sign-in on the callback: validates the response and ID token,
 * applies the municipality's rules, then finds the linked account, or links one
 * (only through an invitation or for the signed-in user who started the linking).
 */
export async function finishSsoLogin(request: Request, options: FinishOptions = {}): Promise<SsoOutcome> {
  const flow = await readFlow(request)
  if (!flow) return { ok: false, reason: 'flow' }
  const provider = await findProvider(flow.providerId)
  if (!provider || !isSsoKind(provider.kind)) return { ok: false, reason: 'flow' }

  let claims: Record<string, unknown>
  try {
    const config = await configFor(provider, options.clockSkewSeconds)
    // Our public address, whatever host header the request came with: it must equal the redirect_uri sent.
    const current = new URL(redirectUri())
    current.search = new URL(request.url).search
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    })
    claims = (tokens.claims() ?? {}) as Record<string, unknown>
  } catch (error) {
    if (process.env.SSO_DEBUG) console.error("SSO_DEBUG", (error as any)?.code, (error as any)?.message, (error as any)?.cause)
    return { ok: false, reason: refusalFromError(error) }
  }

  const checked = checkClaims({ kind: provider.kind, allowedTenants: provider.allowedTenants, requiredAcr: provider.requiredAcr }, claims)
  if (!checked.ok) return checked
  const subject = storedSubject(provider, checked.subject, checked.hashSubject)

  const linked = await db.ssoIdentity.findUnique({ where: { providerId_subject: { providerId: provider.id, subject } }, select: { id: true, userId: true } })
  let userId: string
  if (linked) {
    userId = linked.userId
    await db.ssoIdentity.update({ where: { id: linked.id }, data: { lastUsedAt: new Date() } })
  } else if (flow.intent === 'link' && flow.userId && flow.userId === options.signedInUserId) {
    const member = await db.membership.findFirst({ where: { userId: flow.userId, municipalityId: provider.municipalityId, deactivatedAt: null }, select: { id: true } })
    if (!member) return { ok: false, reason: 'no_access' }
    userId = flow.userId
    await db.$transaction(async (tx) => {
      await tx.ssoIdentity.deleteMany({ where: { providerId: provider.id, userId } })
      await tx.ssoIdentity.create({ data: { providerId: provider.id, subject, userId, lastUsedAt: new Date() } })
      await audit(tx, { actorId: userId, municipalityId: provider.municipalityId, action: 'link-sso', entity: 'User', entityId: userId, details: { kind: provider.kind } })
    })
  } else if (flow.intent === 'invite' && flow.invitationToken) {
    const token = await findUsableToken(flow.invitationToken, 'invite')
    // The invitation must come from the provider's own municipality.
    if (!token || token.municipalityId !== provider.municipalityId) return { ok: false, reason: 'not_linked' }
    const done = await db.$transaction(async (tx) => {
      if (!(await consumeToken(tx, token.id))) return false
      await tx.ssoIdentity.deleteMany({ where: { providerId: provider.id, userId: token.userId } })
      await tx.ssoIdentity.create({ data: { providerId: provider.id, subject, userId: token.userId, lastUsedAt: new Date() } })
      await audit(tx, { actorId: token.userId, municipalityId: provider.municipalityId, action: 'accept-invite', entity: 'User', entityId: token.userId, details: { via: provider.kind } })
      return true
    })
    if (!done) return { ok: false, reason: 'not_linked' }
    userId = token.userId
  } else {
    // Never by e-mail match: an unknown identity gets no account.
    return { ok: false, reason: 'not_linked' }
  }

  const user = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true } })
  if (!user || user.disabledAt) return { ok: false, reason: 'no_access' }
  const access = await accessOf(userId)
  if (!access.hasAccess) return { ok: false, reason: 'no_access' }
  const inProviderMunicipality = await db.membership.findFirst({ where: { userId, municipalityId: provider.municipalityId, deactivatedAt: null }, select: { id: true } })
  return { ok: true, userId, municipalityId: inProviderMunicipality ? provider.municipalityId : access.municipalityId, intent: flow.intent, redirectTo: flow.redirectTo }
}

// ── Settings for a municipality admin (and the onboarding wizard) ──────────────

export type SsoSetting = {
  id: string
  kind: SsoKind
  issuer: string
  clientId: string
  hasSecret: boolean
  allowedTenants: string
  requiredAcr: string | null
  enabled: boolean
  linkedCount: number
}

/** A municipality's providers; the client secret is never returned, only whether one is stored. */
export async function listSsoSettings(municipalityId: string): Promise<SsoSetting[]> {
  const rows = await db.ssoProvider.findMany({
    where: { municipalityId },
    orderBy: { kind: 'asc' },
    select: { id: true, kind: true, issuer: true, clientId: true, clientSecretEnc: true, allowedTenants: true, requiredAcr: true, enabled: true, _count: { select: { identities: true } } },
  })
  return rows
    .filter((r) => isSsoKind(r.kind))
    .map((r) => ({
      id: r.id,
      kind: r.kind as SsoKind,
      issuer: r.issuer,
      clientId: r.clientId,
      hasSecret: !!r.clientSecretEnc,
      allowedTenants: r.allowedTenants ?? '',
      requiredAcr: r.requiredAcr,
      enabled: r.enabled,
      linkedCount: r._count.identities,
    }))
}

export type SsoSettingInput = {
  kind: SsoKind
  issuer: string
  clientId: string
  /** Empty keeps the stored secret. */
  clientSecret?: string
  allowedTenants?: string
  requiredAcr?: string
  enabled: boolean
}

/** Creates or updates the municipality's provider of this kind. */
export async function saveSsoSetting(municipalityId: string, actorId: string, input: SsoSettingInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const data = {
      issuer: input.issuer,
      clientId: input.clientId,
      allowedTenants: input.kind === 'entra' ? (input.allowedTenants ?? '') : null,
      requiredAcr: input.kind === 'idporten' ? (input.requiredAcr ?? 'idporten-loa-substantial') : null,
      enabled: input.enabled,
      ...(input.clientSecret ? { clientSecretEnc: seal(input.clientSecret) } : {}),
    }
    const saved = await tx.ssoProvider.upsert({
      where: { municipalityId_kind: { municipalityId, kind: input.kind } },
      create: { municipalityId, kind: input.kind, subjectSalt: randomBytes(32).toString('base64url'), ...data },
      update: data,
      select: { id: true },
    })
    await audit(tx, { actorId, municipalityId, action: 'configure-sso', entity: 'SsoProvider', entityId: saved.id, details: { kind: input.kind, enabled: input.enabled, secretChanged: !!input.clientSecret } })
  })
}

/** Removes a provider of the municipality (and every identity linked through it). False when not theirs. */
export async function deleteSsoSetting(municipalityId: string, actorId: string, providerId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.ssoProvider.deleteMany({ where: { id: providerId, municipalityId } })
    if (count) await audit(tx, { actorId, municipalityId, action: 'remove-sso', entity: 'SsoProvider', entityId: providerId })
    return count === 1
  })
}

/** A token for the "link" button, bound to the session that shows it and the provider. */
export function linkToken(sessionId: string, providerId: string): string {
  const key = env.SESSION_SECRET.split(',')[0]!.trim()
  return createHmac('sha256', key).update(`sso-link:${sessionId}:${providerId}`).digest('base64url')
}

export function checkLinkToken(sessionId: string, providerId: string, token: string): boolean {
  const expected = Buffer.from(linkToken(sessionId, providerId))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The providers a signed-in user may link (their current municipality's) and which are linked. */
export async function listMyIdentities(userId: string, municipalityId: string | null, sessionId: string) {
  const [providers, linked] = await Promise.all([
    municipalityId ? db.ssoProvider.findMany({ where: { municipalityId, enabled: true }, select: { id: true, kind: true }, orderBy: { kind: 'asc' } }) : [],
    db.ssoIdentity.findMany({ where: { userId }, select: { providerId: true } }),
  ])
  const linkedIds = new Set(linked.map((l) => l.providerId))
  return providers
    .filter((p) => isSsoKind(p.kind))
    .map((p) => ({ id: p.id, kind: p.kind as SsoKind, linked: linkedIds.has(p.id), linkUrl: `/auth/sso/${p.id}?${new URLSearchParams({ intent: 'link', csrf: linkToken(sessionId, p.id) })}` }))
}
