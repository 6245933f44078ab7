// Word forms that are bokmål only: none of them is allowed in nynorsk (2012
// norm), so a nynorsk text containing one has slipped into bokmål. Checked by
// `npm run content:check` for every nn file and by a unit test.

const BOKMAL_ONLY = [
  'ikke', 'hva', 'jeg', 'mye', 'noen', 'noe', 'hvordan', 'hvorfor', 'hvem', 'hvor', 'hvilke', 'hvilken', 'hvilket', 'hvis',
  'fra', 'dere', 'deres', 'bare', 'være', 'uten', 'sammen', 'samme', 'hun', 'hennes', 'disse', 'gjøre', 'gjør', 'sier',
  'ble', 'egen', 'eget', 'egne', 'mer', 'selv', 'hverandre', 'hver', 'hvert', 'frem', 'gikk', 'fikk', 'kommer', 'forteller',
  'ligger', 'sitter', 'tidligere', 'vanskelig', 'mulig',
] as const

const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${BOKMAL_ONLY.join('|')})(?![\\p{L}\\p{N}])`, 'giu')

/** The bokmål-only word forms found in a text (lower case, in order, repeats kept). */
export function bokmalForms(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => m[1].toLowerCase())
}
