// What the browser needs to know about languages, without any dictionary: the
// dictionaries stay on the server (index.ts) and the root loader sends only the
// active language's messages, which `useT` reads. Client code imports values
// from here, never from index.ts (that would ship all three dictionaries).
import type { MessageKey, Messages } from './index.ts'

export const LANGUAGES = ['nb', 'nn', 'en'] as const
export type Lang = (typeof LANGUAGES)[number]
export type Vars = Record<string, string | number>
export type T = (key: MessageKey, vars?: Vars) => string

/** BCP 47 tags for `<html lang>` and Intl. */
export const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }
export const HTML_LANG: Record<Lang, string> = { nb: 'nb', nn: 'nn', en: 'en' }
export const TIME_ZONE = 'Europe/Oslo'

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Fills `{name}` placeholders. */
export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

const translators = new WeakMap<object, T>()
const EMPTY = {}

/** A translator over one dictionary; a missing key reads as itself. */
export function translatorFor(messages: Partial<Messages> | null | undefined): T {
  const dict = (messages ?? EMPTY) as Partial<Messages>
  let t = translators.get(dict)
  if (!t) {
    t = (key, vars) => interpolate(Object.prototype.hasOwnProperty.call(dict, key) ? dict[key]! : key, vars)
    translators.set(dict, t)
  }
  return t
}

/**
 * The label of an enum value read from the database: the message `prefix.value`
 * when the value is one of `list`, else the value itself. A list value without a
 * message fails the type check, so no key is cast.
 */
export function enumLabel<P extends string, V extends string>(t: NoInfer<(key: `${P}.${V}`, vars?: Vars) => string>, prefix: P, list: readonly V[], value: string): string {
  const known = (v: string): v is V => (list as readonly string[]).includes(v)
  return known(value) ? t(`${prefix}.${value}`) : value
}

/** Translates a validation message that is a dictionary key; other strings pass through. */
export function translateMessage(t: T, message: string): string {
  return t(message as MessageKey)
}
