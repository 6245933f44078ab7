import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose'
import Provider from 'oidc-provider'

// A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for tests.
// Its sign-in page lists the test people; a test picks one with a button (e2e)
// or a form post (integration). `tamper` re-signs the ID token with the provider's
// own key but a wrong claim, to prove our side refuses it although the signature holds.

export type TestPerson = { sub: string; name: string; email?: string; tid?: string; oid?: string; pid?: string; acr?: string }
export type Tamper = 'none' | 'wrong-audience' | 'wrong-nonce' | 'expired'

export type TestProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  people: Map<string, TestPerson>
  tamper: Tamper
  stop(): Promise<void>
}

export async function startTestProvider(opts: { redirectUri: string; clientId?: string; clientSecret?: string; port?: number }): Promise<TestProvider> {
  const clientId = opts.clientId ?? 'mentornett'
  const clientSecret = opts.clientSecret ?? 'test-secret-0123456789abcdef'
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }
  const people = new Map<string, TestPerson>()

  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    acrValues: ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'],
    claims: { openid: ['sub'], profile: ['name', 'tid', 'oid', 'pid'], email: ['email'] },
    // Put the profile claims in the ID token, as Entra ID, Feide and ID-porten do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub)
      if (!person) return undefined
      return { accountId: sub, claims: async () => ({ sub, name: person.name, email: person.email, tid: person.tid, oid: person.oid, pid: person.pid }) }
    },
    // No consent screen: the test client is trusted for what it asks.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId })
      grant.addOIDCScope('openid profile email')
      await grant.save()
      return grant
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-0123456789'] },
  })

  const harness: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    people,
    tamper: 'none',
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }

  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path)
    if (match && ctx.method === 'GET') {
      await provider.interactionDetails(ctx.req, ctx.res)
      const buttons = [...people.values()]
        .map((p) => `<button type="submit" name="sub" value="${p.sub}">Sign in as ${p.name}</button>`)
        .join('')
      ctx.type = 'html'
      ctx.body = `<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main><h1>Test provider</h1><form method="post" action="/interaction/${match[1]}">${buttons}</form></main></body></html>`
      return
    }
    if (match && ctx.method === 'POST') {
      const raw = await new Promise<string>((resolve) => {
        let body = ''
        ctx.req.on('data', (c) => (body += c))
        ctx.req.on('end', () => resolve(body))
      })
      const sub = new URLSearchParams(raw).get('sub') ?? ''
      const person = people.get(sub)
      const result = person ? { login: { accountId: sub, ...(person.acr ? { acr: person.acr } : {}) } } : { error: 'access_denied' }
      await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false })
      ctx.respond = false
      return
    }
    await next()
    if (ctx.path === '/token' && ctx.method === 'POST' && ctx.status === 200 && harness.tamper !== 'none') {
      const body = ctx.body as { id_token?: string }
      if (body?.id_token) {
        const claims = decodeJwt(body.id_token)
        const now = Math.floor(Date.now() / 1000)
        if (harness.tamper === 'wrong-audience') claims.aud = 'some-other-app'
        if (harness.tamper === 'wrong-nonce') claims.nonce = 'not-the-nonce-we-sent'
        if (harness.tamper === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 })
        body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey)
      }
    }
  })

  server.on('request', provider.callback())
  return harness
}

/** A cookie jar for one origin, enough to walk the provider's redirects with fetch. */
export class CookieJar {
  private cookies = new Map<string, string>()
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/**
 * Plays the browser between our authorization redirect and the callback: follows
 * the provider's redirects, signs in as `sub` on its page, and returns the
 * callback URL the provider sends the browser back to.
 */
export async function signInAtProvider(authorizationUrl: string, sub: string, callbackPrefix: string): Promise<URL> {
  const jar = new CookieJar()
  let url = authorizationUrl
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(callbackPrefix)) return new URL(url)
    const isInteraction = /\/interaction\/[^/]+$/.test(new URL(url).pathname)
    const res = await fetch(url, {
      method: isInteraction ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { Cookie: jar.header(), ...(isInteraction ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
      body: isInteraction ? new URLSearchParams({ sub }) : undefined,
    })
    jar.store(res)
    const location = res.headers.get('location')
    if (!location) throw new Error(`provider stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`)
    url = new URL(location, url).toString()
  }
  throw new Error('too many redirects at the provider')
}
