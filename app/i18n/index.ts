// Interface texts in bokmål (default), nynorsk and English. `nb` defines the
// keys; the other dictionaries are typed against it, so a missing or extra key
// fails the type check.
import { en as coreEn } from './en.ts'
import { nb as coreNb } from './nb.ts'
import { nn as coreNn } from './nn.ts'
import { interpolate, type Lang, type T, type Vars } from './lang.ts'
import * as auth from '~/modules/auth/messages.ts'
import * as cases from '~/modules/cases/messages.ts'
import * as authSecurity from '~/modules/auth/security-messages.ts'
import * as menteePlans from '~/modules/mentee-plans/messages.ts'
import * as minutes from '~/modules/minutes/messages.ts'
import * as networks from '~/modules/networks/messages.ts'
import * as privacy from '~/modules/privacy/messages.ts'
import * as surveys from '~/modules/outcomes/survey-messages.ts'
import * as outcomesRetention from '~/modules/outcomes/retention-messages.ts'

export { HTML_LANG, isLang, LANGUAGES, LOCALES, TIME_ZONE, type Lang, type T, type Vars } from './lang.ts'

// Each capability keeps its texts in app/modules/<capability>/messages.ts,
// exporting `nb`, `nn` and `en` (nn and en typed against its nb), and is
// registered here with one import and one spread per language:
//   import * as networks from '~/modules/networks/messages.ts'
//   const nb = { ...coreNb, ...networks.nb }   (and likewise nn, en)

const nb = { ...coreNb, ...auth.nb, ...networks.nb, ...minutes.nb, ...menteePlans.nb, ...cases.nb, ...privacy.nb, ...authSecurity.nb, ...surveys.nb, ...outcomesRetention.nb }

export type MessageKey = keyof typeof nb
export type Messages = Record<MessageKey, string>

const nn: Messages = { ...coreNn, ...auth.nn, ...networks.nn, ...minutes.nn, ...menteePlans.nn, ...cases.nn, ...privacy.nn, ...authSecurity.nn, ...surveys.nn, ...outcomesRetention.nn }
const en: Messages = { ...coreEn, ...auth.en, ...networks.en, ...minutes.en, ...menteePlans.en, ...cases.en, ...privacy.en, ...authSecurity.en, ...surveys.en, ...outcomesRetention.en }

/** Every dictionary, merged from the core and the capabilities. */
export const dictionaries: Record<Lang, Messages> = { nb, nn, en }

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(nb, value)
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return interpolate(dictionaries[lang][key] ?? nb[key] ?? key, vars)
}

export function createT(lang: Lang): T {
  return (key, vars) => translate(lang, key, vars)
}

/** Translates a validation message that is a dictionary key; other strings pass through. */
export function translateMessage(t: T, message: string): string {
  return isMessageKey(message) ? t(message) : message
}
