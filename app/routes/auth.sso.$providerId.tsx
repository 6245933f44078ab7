import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { getViewer } from '~/modules/auth/index.ts'
import { checkLinkToken, startSsoLogin } from '~/modules/auth/sso.server.ts'
import { safeRedirect } from '~/utils/redirect.ts'

// Starting a sign-in is a plain link (a GET): our CSP allows forms to post only to
// this site, and browsers apply that to the redirect to the provider as well.
// State, nonce and PKCE protect the round trip; linking an account also needs a
// token bound to the session that showed the link, so another site cannot start it.
const startSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('login'), redirectTo: z.string().max(2000).optional() }),
  z.object({ intent: z.literal('link'), csrf: z.string().min(1).max(100) }),
  z.object({ intent: z.literal('invite'), token: z.string().min(1).max(100) }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = startSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const input = parsed.data
  const providerId = String(params.providerId ?? '')
  let started: Awaited<ReturnType<typeof startSsoLogin>>
  if (input.intent === 'link') {
    const viewer = await getViewer(request)
    if (!viewer) throw redirect('/login?redirectTo=%2Faccount')
    if (!checkLinkToken(viewer.sessionId, providerId, input.csrf)) throw new Response('Forbidden', { status: 403 })
    started = await startSsoLogin(providerId, { intent: 'link', userId: viewer.userId })
  } else if (input.intent === 'invite') {
    started = await startSsoLogin(providerId, { intent: 'invite', invitationToken: input.token })
  } else {
    started = await startSsoLogin(providerId, { intent: 'login', redirectTo: safeRedirect(input.redirectTo) })
  }
  if (!started) throw new Response('Not Found', { status: 404 })
  throw redirect(started.url, { headers: { 'Set-Cookie': started.cookie } })
}
