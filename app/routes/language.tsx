import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { db } from '~/db.server.ts'
import { isLang } from '~/i18n/lang.ts'
import { langCookie } from '~/i18n/lang.server.ts'
import { getViewer } from '~/modules/auth/index.ts'
import { safeRedirect } from '~/modules/auth/schemas.ts'

export async function loader() {
  throw redirect('/')
}

/** The language switch: saved on the account when signed in, in a cookie always. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  if (!isLang(lang)) throw new Response('Unknown language', { status: 400 })
  const viewer = await getViewer(request)
  if (viewer) await db.user.update({ where: { id: viewer.userId }, data: { language: lang } })
  throw redirect(safeRedirect(form.get('redirectTo'), '/'), { headers: { 'Set-Cookie': await langCookie.serialize(lang) } })
}
