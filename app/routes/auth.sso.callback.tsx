import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getViewer } from '~/modules/auth/index.ts'
import { afterFirstFactor } from '~/modules/auth/mfa.server.ts'
import { clearFlowCookie, finishSsoLogin } from '~/modules/auth/sso.server.ts'

// The provider sends the browser back here with a code (or an error).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request)
  const outcome = await finishSsoLogin(request, { signedInUserId: viewer?.userId ?? null })
  const headers = new Headers({ 'Set-Cookie': await clearFlowCookie() })
  if (!outcome.ok) {
    // A signed-in user who was linking goes back to their account page.
    throw redirect(viewer ? `/account?sso=${outcome.reason}` : `/login?sso=${outcome.reason}`, { headers })
  }
  if (outcome.intent === 'link' && viewer) throw redirect('/account?sso=linked', { headers })
  const next = await afterFirstFactor(request, { userId: outcome.userId, municipalityId: outcome.municipalityId, redirectTo: outcome.redirectTo })
  for (const cookie of next.cookies) headers.append('Set-Cookie', cookie)
  throw redirect(next.location, { headers })
}
