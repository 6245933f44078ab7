import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { getViewer } from '~/modules/auth/index.ts'
import { startSsoLogin } from '~/modules/auth/sso.server.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { safeRedirect } from '~/utils/redirect.ts'

// Starting a sign-in is a POST (a button on the login, account or invitation page).
export async function loader() {
  throw redirect('/login')
}

const startSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('login'), redirectTo: z.string().max(2000).optional() }),
  z.object({ intent: z.literal('link') }),
  z.object({ intent: z.literal('invite'), token: z.string().min(1).max(100) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, startSchema)
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const input = submission.value
  const providerId = String(params.providerId ?? '')
  let started: Awaited<ReturnType<typeof startSsoLogin>>
  if (input.intent === 'link') {
    const viewer = await getViewer(request)
    if (!viewer) throw redirect('/login?redirectTo=%2Faccount')
    started = await startSsoLogin(providerId, { intent: 'link', userId: viewer.userId })
  } else if (input.intent === 'invite') {
    started = await startSsoLogin(providerId, { intent: 'invite', invitationToken: input.token })
  } else {
    started = await startSsoLogin(providerId, { intent: 'login', redirectTo: safeRedirect(input.redirectTo) })
  }
  if (!started) throw new Response('Not Found', { status: 404 })
  throw redirect(started.url, { headers: { 'Set-Cookie': started.cookie } })
}
