import { createT, isLang, type MessageKey } from '~/i18n/index.ts'

type Match = { id: string; data: unknown }

/** `<title>` for a route: the translated page name and the product name. */
export function pageTitle(matches: readonly Match[], key: MessageKey, extra?: string) {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: string } | undefined
  const t = createT(isLang(root?.lang) ? root.lang : 'nb')
  const name = extra ? `${extra} – ${t(key)}` : t(key)
  return [{ title: `${name} – Mentornett` }]
}
