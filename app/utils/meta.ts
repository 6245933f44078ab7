import type { MessageKey, Messages } from '~/i18n/index.ts'
import { translatorFor } from '~/i18n/lang.ts'

type Match = { id: string; data: unknown }

/** `<title>` for a route: the translated page name and the product name. */
export function pageTitle(matches: readonly Match[], key: MessageKey, extra?: string) {
  const root = matches.find((m) => m.id === 'root')?.data as { messages?: Messages } | undefined
  const t = translatorFor(root?.messages)
  const name = extra ? `${extra} – ${t(key)}` : t(key)
  return [{ title: `${name} – Mentornett` }]
}
