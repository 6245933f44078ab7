// Interface strings only bokmål has, for the language sweep: a page in nynorsk or
// English that shows one of them has a text that was not translated (hard-coded,
// or a key read from the wrong dictionary). Phrases only (a space, 14+ characters,
// split at placeholders) that the other dictionary never uses, so user content and
// shared words do not trip it.
import { dictionaries } from '../../app/i18n/index.ts'

export function bokmalOnly(lang: 'nn' | 'en'): string[] {
  const nb = dictionaries.nb as Record<string, string>
  const target = dictionaries[lang] as Record<string, string>
  const targetText = Object.values(target).join('\n')
  const out = new Set<string>()
  for (const [key, value] of Object.entries(nb)) {
    // Method names double as the titles of sessions and gatherings, which a run copies in
    // its own language (data, not interface): a bokmål run shows them in bokmål everywhere.
    if (target[key] === value || key.startsWith('method.')) continue
    for (const piece of value.split(/\{\w+\}/)) {
      const phrase = piece.trim()
      if (phrase.length >= 14 && phrase.includes(' ') && !targetText.includes(phrase)) out.add(phrase)
    }
  }
  return [...out]
}
