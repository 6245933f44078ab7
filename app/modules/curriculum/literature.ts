// Kept apart from content-schema.ts (zod) so that pages showing literature ship no zod.
import type { ContentLang, LiteratureEntry } from './content-schema.ts'

/** One literature entry with its texts in one language. */
export function literatureIn(entry: LiteratureEntry, lang: ContentLang) {
  const pick = (v: LiteratureEntry['title']) => (typeof v === 'string' ? v : v[lang])
  return { id: entry.id, authors: entry.authors, year: entry.year, title: pick(entry.title), publisher: pick(entry.publisher) }
}
