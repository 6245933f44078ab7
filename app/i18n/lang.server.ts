import { getViewer, type Viewer } from '~/modules/auth/viewer.server.ts'
import { publicPageLanguage } from '~/modules/tenancy/public-language.server.ts'
import { memo } from '~/utils/request-context.server.ts'
import { createT, isLang, type Lang, type T } from './index.ts'
import { langCookie } from './lang-cookie.server.ts'

export { langCookie } from './lang-cookie.server.ts'

/**
 * User's own choice, then the switcher's cookie, then the municipality's default
 * (the viewer's, or on a public page the municipality it belongs to), then bokmål.
 */
export function resolveLang(request: Request, viewer?: Viewer | null): Promise<Lang> {
  return memo('lang', () => computeLang(request, viewer))
}

async function computeLang(request: Request, viewer?: Viewer | null): Promise<Lang> {
  const v = viewer === undefined ? await getViewer(request) : viewer
  if (v?.language) return v.language
  const chosen = await langCookie.parse(request.headers.get('Cookie'))
  if (isLang(chosen)) return chosen
  return v?.municipality?.defaultLanguage ?? (await publicPageLanguage(request)) ?? 'nb'
}

export async function getT(request: Request, viewer?: Viewer | null): Promise<{ lang: Lang; t: T }> {
  const lang = await resolveLang(request, viewer)
  return { lang, t: createT(lang) }
}
