// Formatting of money and shares for the outcomes pages (client-safe, no server code).
import { LOCALES, type Lang } from '~/i18n/lang.ts'

const nokFormats = new Map<Lang, Intl.NumberFormat>()
const shareFormats = new Map<Lang, Intl.NumberFormat>()
const hourFormats = new Map<Lang, Intl.NumberFormat>()

/** Øre as kroner with two decimals, in the reader's language (37 055,25 / 37,055.25). */
export function formatNok(ore: number, lang: Lang): string {
  let f = nokFormats.get(lang)
  if (!f) nokFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 })))
  return f.format(ore / 100)
}

/** A share as a whole percentage: 0.75 → "75 %". */
export function formatShare(share: number, lang: Lang): string {
  let f = shareFormats.get(lang)
  if (!f) shareFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 })))
  return f.format(share)
}

/** Hours with up to two decimals (the cost model's inputs are whole minutes). */
export function formatModelHours(minutes: number, lang: Lang): string {
  let f = hourFormats.get(lang)
  if (!f) hourFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 })))
  return f.format(minutes / 60)
}

export function formatCount(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value)
}
