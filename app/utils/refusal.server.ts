import { createT, isLang, isMessageKey, type Lang, type MessageKey } from '~/i18n/index.ts'
import { langCookie } from '~/i18n/lang-cookie.server.ts'

const LEADS: Partial<Record<MessageKey, MessageKey>> = {
  'request.tooLarge': 'request.tooLargeLead',
}

/**
 * Texts for a request Express refuses before Remix sees it (server/limits.js):
 * in the language of the switcher's cookie, else bokmål (no database read).
 */
export async function refusalText(cookieHeader: string | null | undefined, key: string): Promise<{ lang: Lang; title: string; lead: string }> {
  const chosen = await langCookie.parse(cookieHeader ?? null).catch(() => null)
  const lang: Lang = isLang(chosen) ? chosen : 'nb'
  const t = createT(lang)
  const k: MessageKey = (key in LEADS || key.startsWith('request.')) && isMessageKey(key) ? key : 'request.badInput'
  return { lang, title: t(k), lead: t(LEADS[k] ?? k) }
}
