// Interface texts in bokmål (default), nynorsk and English. `nb` defines the
// keys; the other dictionaries are typed against it, so a missing or extra key
// fails the type check.
import { en as coreEn } from './en.ts'
import { nb as coreNb } from './nb.ts'
import { nn as coreNn } from './nn.ts'
import * as auth from '~/modules/auth/messages.ts'
import * as menteePlans from '~/modules/mentee-plans/messages.ts'
import * as minutes from '~/modules/minutes/messages.ts'
import * as networks from '~/modules/networks/messages.ts'

// Each capability keeps its texts in app/modules/<capability>/messages.ts,
// exporting `nb`, `nn` and `en` (nn and en typed against its nb), and is
// registered here with one import and one spread per language:
//   import * as networks from '~/modules/networks/messages.ts'
//   const nb = { ...coreNb, ...networks.nb }   (and likewise nn, en)

const nb = { ...coreNb, ...auth.nb, ...networks.nb, ...minutes.nb, ...menteePlans.nb }

export const LANGUAGES = ['nb', 'nn', 'en'] as const
export type Lang = (typeof LANGUAGES)[number]
export type MessageKey = keyof typeof nb
export type Messages = Record<MessageKey, string>
export type Vars = Record<string, string | number>
export type T = (key: MessageKey, vars?: Vars) => string

const nn: Messages = { ...coreNn, ...auth.nn, ...networks.nn, ...minutes.nn, ...menteePlans.nn }
const en: Messages = { ...coreEn, ...auth.en, ...networks.en, ...minutes.en, ...menteePlans.en }

/** Every dictionary, merged from the core and the capabilities. */
export const dictionaries: Record<Lang, Messages> = { nb, nn, en }

/** BCP 47 tags for `<html lang>` and Intl. */
export const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }
export const HTML_LANG: Record<Lang, string> = { nb: 'nb', nn: 'nn', en: 'en' }
export const TIME_ZONE = 'Europe/Oslo'

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(nb, value)
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[lang][key] ?? nb[key] ?? key
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

export function createT(lang: Lang): T {
  return (key, vars) => translate(lang, key, vars)
}

/** Translates a validation message that is a dictionary key; other strings pass through. */
export function translateMessage(t: T, message: string): string {
  return isMessageKey(message) ? t(message) : message
}
