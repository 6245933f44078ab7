import { createCookie } from '@remix-run/node'
import { cookieSecure } from '~/env.server.ts'

/** The language chosen before signing in (or by someone without an account). */
export const langCookie = createCookie('mn_lang', {
  httpOnly: true,
  sameSite: 'lax',
  secure: cookieSecure,
  path: '/',
  maxAge: 60 * 60 * 24 * 365,
})
