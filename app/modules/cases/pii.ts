// The personal-data check for cases, reflections and minutes: pure functions,
// no database, no logging. A finding carries where it is and why, never a copy
// of the value; a dismissal ("not personal data") is stored by a fingerprint.
import { idnr } from '@navikt/fnrvalidator'
import { findPhoneNumbersInText } from 'libphonenumber-js'
import { FIRST_NAMES, SURNAMES } from './names.ts'

export const FINDING_KINDS = ['nationalId', 'email', 'phone', 'birthdate', 'address', 'postcode', 'name', 'room', 'age'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

/** Hints (rooms, ages) are shown softer and do not block sharing. */
export const HINT_KINDS: readonly FindingKind[] = ['room', 'age']

export type Finding = {
  kind: FindingKind
  severity: 'block' | 'hint'
  /** Offsets into the checked text (UTF-16, as JavaScript strings). */
  start: number
  end: number
  /** Stable id of the value for dismissals; not reversible to the value in practice. */
  fingerprint: string
}

const L = 'A-Za-zÆØÅæøåÉéÖöÄäÜü'
const UPPER = 'A-ZÆØÅÉÖÄÜ'
const LOWER = 'a-zæøåéöäü'

/** FNV-1a, 32 bit, as 8 hex digits: short and deterministic in browser and server. */
function fnv1a(value: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function fingerprint(kind: FindingKind, value: string): string {
  const normal = value.toLowerCase().replace(/[\s.\-()]/g, '')
  return `${kind}:${fnv1a(`mentornett|${kind}|${normal}`)}`
}

function make(kind: FindingKind, start: number, end: number, text: string): Finding {
  return { kind, severity: HINT_KINDS.includes(kind) ? 'hint' : 'block', start, end, fingerprint: fingerprint(kind, text.slice(start, end)) }
}

/** Whether 11 digits are a Norwegian national identity number (fødselsnummer, D-, H-number), 2032 rule included. */
export function isNationalId(digits: string): boolean {
  return /^\d{11}$/.test(digits) && idnr(digits).status === 'valid'
}

function* matches(re: RegExp, text: string) {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m
    if (m[0].length === 0) re.lastIndex++
  }
}

function nationalIds(text: string): Finding[] {
  const out: Finding[] = []
  // 11 digits, or 6 + 5 with one space (as written on forms), not inside a longer number.
  for (const m of matches(/(?<![\d])(\d{6})[ \u00a0]?(\d{5})(?![\d])/g, text)) {
    if (isNationalId(m[1]! + m[2]!)) out.push(make('nationalId', m.index, m.index + m[0].length, text))
  }
  return out
}

function emails(text: string): Finding[] {
  return [...matches(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, text)].map((m) => make('email', m.index, m.index + m[0].length, text))
}

function phones(text: string): Finding[] {
  const out: Finding[] = []
  for (const p of findPhoneNumbersInText(text, { defaultCountry: 'NO' })) {
    // An extension swallowed from a following number ("41234567, 91 23 45 67") is cut back to the number itself.
    let end = p.endsAt
    if (p.number.ext) {
      const own = text.slice(p.startsAt, p.endsAt).search(/\s*[,;]|\s*(?:ext|x|#)/i)
      if (own > 0) end = p.startsAt + own
    }
    out.push(make('phone', p.startsAt, end, text))
  }
  // Norwegian 8-digit numbers in the usual groupings, also where the library is strict (e.g. unassigned series).
  for (const m of matches(/(?<![\d+])(?:(?:\+|00)47[ ]?)?(?:\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2}|[2-9]\d{7})(?![\d])/g, text)) {
    out.push(make('phone', m.index, m.index + m[0].length, text))
  }
  return out
}

const BIRTH_WORDS = '(?:født|fødd|f\\.|fødselsdato|fødselsdag|born|date of birth|DOB)'
const DATE = '(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{1,2}\\.? ?(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zæøå]*\\.? \\d{4})'

function birthdates(text: string): Finding[] {
  const out: Finding[] = []
  for (const m of matches(new RegExp(`${BIRTH_WORDS}:?\\s*(?:den |on )?${DATE}`, 'gi'), text)) {
    out.push(make('birthdate', m.index, m.index + m[0].length, text))
  }
  return out
}

const STREET = '(?:gate|gata|gaten|veien|vegen|vei|veg|stien|stig|plass|plassen|allé|alle|alléen|bakken|svingen|lia|ringen|haugen|tunet|kroken|brygga|bryggen|torget|jordet|løkka|kaia|kaien|road|street)'

function addresses(text: string): Finding[] {
  const out: Finding[] = []
  // "Storgata 5", "Gamle Kongevei 12 B", "Kong Øysteins veg 3"
  const re = new RegExp(`(?<![${L}])(?:[${UPPER}][${LOWER}]+ )?(?:[${UPPER}][${LOWER}]+s? )?[${UPPER}]?[${LOWER}]*${STREET} \\d{1,4}(?: ?[A-Ha-h](?![${L}]))?`, 'g')
  for (const m of matches(re, text)) out.push(make('address', m.index, m.index + m[0].length, text))
  return out
}

function postcodes(text: string): Finding[] {
  const out: Finding[] = []
  for (const m of matches(new RegExp(`(?<![\\d])(\\d{4}) ([${UPPER}][${LOWER}]+(?: [${UPPER}][${LOWER}]+)?)`, 'g'), text)) {
    const n = Number(m[1])
    // 1900–2099 read as years ("i 2018 Trondheim…"): a postcode there is missed rather than every year flagged.
    if (n >= 1900 && n <= 2099) continue
    out.push(make('postcode', m.index, m.index + m[0].length, text))
  }
  return out
}

/** Capitalised words that start no personal name (institutions, roles, methods). */
const NOT_NAMES = new Set(
  `NAV KS HVS NTNU Kommune Kommunen Sykehus Sykehuset Helse Hjemmetjenesten Hjemmesykepleien Sykehjem Legevakt Legevakten
Mentornett Norge Noreg Trondheim Farsund Kristiansand Oslo Bergen Bjørnafjorden Den Det De Jeg Eg Vi Hun Han Ho Dei Du
Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Januar Februar Mars April Mai Juni Juli August September Oktober November Desember`
    .split(/\s+/)
    .filter(Boolean),
)

function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"'«(*_#>-]+$/, '')
  return before === '' || /[.!?:\n]$/.test(before) || /\n\s*$/.test(text.slice(0, index))
}

function names(text: string): Finding[] {
  const out: Finding[] = []
  const word = new RegExp(`(?<![${L}\\d])[${UPPER}][${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?(?![${L}\\d])`, 'g')
  const words = [...matches(word, text)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }))
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!
    const b = words[i + 1]
    const pair = b && /^ $/.test(text.slice(a.end, b.start)) ? b : undefined
    const first = a.w.split('-')[0]!
    const known = FIRST_NAMES.has(first) || SURNAMES.has(a.w)
    const start = atSentenceStart(text, a.start)
    if (pair && !NOT_NAMES.has(a.w) && !NOT_NAMES.has(pair.w)) {
      // A pair: a known name anywhere, or any capitalised pair inside a sentence.
      if (known || SURNAMES.has(pair.w) || !start) {
        out.push(make('name', a.start, pair.end, text))
        i++
        continue
      }
    }
    // A single known name inside a sentence ("Per" at a sentence start reads as "per").
    if (known && !start && !NOT_NAMES.has(a.w)) out.push(make('name', a.start, a.end, text))
  }
  return out
}

function rooms(text: string): Finding[] {
  return [...matches(/(?<![\p{L}])(?:rom|rommet|romnr\.?|værelse|room|beboer på|pasient på)\s*(?:nr\.?\s*)?\d{1,4}\b/giu, text)].map((m) => make('room', m.index, m.index + m[0].length, text))
}

function ages(text: string): Finding[] {
  return [...matches(/(?<![\d])\d{1,3}(?:\s?år(?:s| gammel| gamal)?|-åring(?:en)?|\s?years? old)(?![\p{L}])/giu, text)].map((m) => make('age', m.index, m.index + m[0].length, text))
}

/** Higher in this list wins where two findings overlap. */
const ORDER: FindingKind[] = ['nationalId', 'email', 'birthdate', 'phone', 'address', 'postcode', 'name', 'room', 'age']

/** Every finding in a text, in order, without overlaps. */
export function checkText(text: string): Finding[] {
  if (!text) return []
  const all = [...nationalIds(text), ...emails(text), ...birthdates(text), ...phones(text), ...addresses(text), ...postcodes(text), ...names(text), ...rooms(text), ...ages(text)]
  all.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || x.start - y.start || y.end - x.end)
  const kept: Finding[] = []
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((x, y) => x.start - y.start)
}

export type FieldFinding = Finding & { field: string; dismissed: boolean }

/** Findings of several named fields, each marked dismissed when its fingerprint was marked "not personal data". */
export function checkFields(fields: Record<string, string | null | undefined>, dismissed: Iterable<string> = []): FieldFinding[] {
  const set = new Set(dismissed)
  return Object.entries(fields).flatMap(([field, text]) => checkText(text ?? '').map((f) => ({ ...f, field, dismissed: set.has(f.fingerprint) })))
}

/** What still blocks sharing beyond private: blocking findings not dismissed. */
export function blockers<F extends Finding & { dismissed?: boolean }>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'block' && !f.dismissed)
}

export type Segment = { text: string; finding?: Finding & { dismissed?: boolean } }

/** The text cut into plain runs and marked runs, for highlighting. */
export function segments(text: string, findings: readonly (Finding & { dismissed?: boolean })[]): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue
    if (f.start > at) out.push({ text: text.slice(at, f.start) })
    out.push({ text: text.slice(f.start, f.end), finding: f })
    at = f.end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/** The kinds of blocking personal data in a text (for a warning on minutes), without positions or values. */
export function personalDataKinds(text: string): FindingKind[] {
  return [...new Set(blockers(checkText(text)).map((f) => f.kind))]
}
