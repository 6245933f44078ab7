import { type Lang } from '~/i18n/index.ts'
import { LOCALES, TIME_ZONE } from '~/i18n/lang.ts'

// All dates and times are stored in UTC and shown in Europe/Oslo, on the server
// and in the browser alike, so server-rendered and hydrated text match.

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions) {
  const key = `${lang}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options })
    cache.set(key, f)
  }
  return f
}

function toDate(value: Date | string | number) {
  return value instanceof Date ? value : new Date(value)
}

export function formatDate(value: Date | string | number, lang: Lang): string {
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value))
}

export function formatDateShort(value: Date | string | number, lang: Lang): string {
  return formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(toDate(value))
}

export function formatDateTime(value: Date | string | number, lang: Lang): string {
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    toDate(value),
  )
}

export function formatTime(value: Date | string | number, lang: Lang): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit' }).format(toDate(value))
}

const hourFormats = new Map<Lang, Intl.NumberFormat>()

/**
 * Hours from minutes with at most one decimal, in the reader's language: 26,5 in
 * Norwegian, 26.5 in English. The one formatter for hours: pages, CSV and PDF.
 */
export function formatHours(minutes: number, lang: Lang): string {
  let f = hourFormats.get(lang)
  if (!f) hourFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, useGrouping: false })))
  return f.format(minutes / 60)
}

/** Norwegian collation: Æ, Ø and Å sort after Z (databases get this wrong). */
export const nameCollator = new Intl.Collator('nb', { sensitivity: 'base' })

export function sortByName<T>(items: readonly T[], name: (item: T) => string = (i) => (i as { name: string }).name): T[] {
  return [...items].sort((a, b) => nameCollator.compare(name(a), name(b)))
}
