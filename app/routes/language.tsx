import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { LANGUAGES } from '~/i18n/lang.ts'
import { langCookie } from '~/i18n/lang.server.ts'
import { getViewer, setLanguagePreference } from '~/modules/auth/index.ts'
import { parseForm } from '~/utils/forms.server.ts'
import { safeRedirect } from '~/utils/redirect.ts'

export async function loader() {
  throw redirect('/')
}

const languageSchema = z.object({ lang: z.enum(LANGUAGES), redirectTo: z.string().max(2000).optional() })

/** The language switch: saved on the account when signed in, in a cookie always. */
export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, languageSchema)
  if (submission.status !== 'success') throw new Response('Unknown language', { status: 400 })
  const { lang, redirectTo } = submission.value
  const viewer = await getViewer(request)
  if (viewer) await setLanguagePreference(viewer.userId, lang)
  throw redirect(safeRedirect(redirectTo, '/'), { headers: { 'Set-Cookie': await langCookie.serialize(lang) } })
}
