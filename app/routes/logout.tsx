import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endSession } from '~/modules/auth/index.ts'

// Signing out changes state, so it is a POST; a GET just goes home.
export async function loader() {
  throw redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  throw redirect('/login', { headers: { 'Set-Cookie': await endSession(request) } })
}
