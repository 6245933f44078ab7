// The personal-data check. Identity numbers are generated here by the
// published algorithm (weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2), so
// no real person's number appears in the code.
import { describe, expect, it } from 'vitest'
import { blockers, checkFields, checkText, fingerprint, isNationalId, segments } from '~/modules/cases/pii.ts'

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
const sum = (d: number[], w: number[]) => w.reduce((s, x, i) => s + x * d[i]!, 0)

/** A number for the date (ddmmyy) and individual number, with k1 remainder `rest` (0 before 2032; 0–3 from 2032). */
function makeId(ddmmyy: string, individual: string, rest = 0): string | null {
  const d = (ddmmyy + individual).split('').map(Number)
  let k1 = 11 + rest - (sum(d, W1) % 11)
  if (k1 > 10) k1 -= 11
  if (k1 === 10) return null
  let k2 = 11 - (sum([...d, k1], W2) % 11)
  if (k2 === 11) k2 = 0
  if (k2 === 10) return null
  return ddmmyy + individual + k1 + k2
}
/** The first individual number from `from` that yields a number. */
function validId(ddmmyy: string, rest = 0, from = 100): string {
  for (let i = from; i < 1000; i++) {
    const id = makeId(ddmmyy, String(i).padStart(3, '0'), rest)
    if (id) return id
  }
  throw new Error('no number')
}
/** A number valid only under the 2032 rule: k1 from remainder 1–3 and not equal to the classic k1. */
function only2032(ddmmyy: string): string {
  for (let i = 100; i < 1000; i++) {
    const ind = String(i).padStart(3, '0')
    const classic = makeId(ddmmyy, ind, 0)
    for (const rest of [1, 2, 3]) {
      const id = makeId(ddmmyy, ind, rest)
      if (id && id.slice(0, 10) !== classic?.slice(0, 10)) return id
    }
  }
  throw new Error('no number')
}
const kinds = (text: string) => checkText(text).map((f) => f.kind)

describe('national identity numbers', () => {
  const fnr = validId('150385')
  it('accepts a valid fødselsnummer, with or without a space, and flags it in text', () => {
    expect(isNationalId(fnr)).toBe(true)
    expect(kinds(`Pasienten har nummer ${fnr} i journalen.`)).toEqual(['nationalId'])
    expect(kinds(`Nr. ${fnr.slice(0, 6)} ${fnr.slice(6)} står på lappen.`)).toEqual(['nationalId'])
  })
  it('rejects a number whose control digits are wrong', () => {
    const wrong = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10)
    expect(isNationalId(wrong)).toBe(false)
    expect(kinds(`Nummer ${wrong} her.`)).toEqual([])
  })
  it('rejects a number with an impossible date', () => {
    const id = validId('320185')
    expect(isNationalId(id)).toBe(false)
  })
  it('flags a number valid only under the 2032 rule', () => {
    const id = only2032('010190')
    const d = id.split('').map(Number)
    // The classic rule (remainder 0) gives a different first control digit.
    let classic = 11 - (sum(d, W1) % 11)
    if (classic === 11) classic = 0
    expect(classic).not.toBe(d[9])
    expect(isNationalId(id)).toBe(true)
    expect(kinds(`Hun oppga ${id}.`)).toEqual(['nationalId'])
  })
  it('flags D-numbers (first digit + 4) and H-numbers (third digit + 4)', () => {
    const dnr = validId('550385') // 15 March 1985 + 40 on the day
    const hnr = validId('154385') // month + 40
    expect(isNationalId(dnr)).toBe(true)
    expect(isNationalId(hnr)).toBe(true)
    expect(kinds(`D-nummer ${dnr}`)).toEqual(['nationalId'])
    expect(kinds(`H-nummer ${hnr}`)).toEqual(['nationalId'])
  })
  it('does not flag an 11-digit account number that fails mod 11', () => {
    // Find an 11-digit run with a plausible date that fails the check.
    const base = validId('150385')
    const account = base.slice(0, 9) + String((Number(base[9]) + 5) % 10) + base[10]
    expect(isNationalId(account)).toBe(false)
    expect(kinds(`Overfør til konto ${account} i dag.`)).toEqual([])
    expect(kinds('Kontonummer 12345678903 er feil.')).toEqual([])
  })
  it('does not flag a digit run longer than 11', () => {
    expect(kinds(`Ref ${fnr}9`)).toEqual([])
  })
})

describe('phone numbers', () => {
  it.each([
    ['ring 912 34 567 i morgen'],
    ['ring 91 23 45 67 i morgen'],
    ['ring 91234567 i morgen'],
    ['ring +47 912 34 567 i morgen'],
    ['ring 0047 91234567 i morgen'],
    ['ring +4722334455 i morgen'],
  ])('flags %s', (text) => {
    expect(kinds(text)).toEqual(['phone'])
  })
  it('keeps two numbers in a list apart', () => {
    expect(kinds('ring 41234567, 91 23 45 67')).toEqual(['phone', 'phone'])
  })
  it('does not flag short numbers, years or hours', () => {
    expect(kinds('I 2018 var det 44 timer og 12 mentorer, 3 t per samling.')).toEqual([])
  })
})

describe('other personal data', () => {
  it('flags e-mail addresses', () => {
    expect(kinds('Send til kari.nordmann@example.no')).toContain('email')
  })
  it('flags street addresses with a house number, and postcodes with a place', () => {
    expect(kinds('Hun bor i Storgata 5 B, like ved butikken.')).toEqual(['address'])
    expect(kinds('Vi kjørte til Kongens gate 12 i går.')).toEqual(['address'])
    expect(kinds('Adressen var 7030 Trondheim.')).toEqual(['postcode'])
  })
  it('reads 1900–2099 before a place as a year, not a postcode', () => {
    expect(kinds('i 2018 Trondheim kommune')).toEqual([])
  })
  it('flags dates of birth after a birth word', () => {
    expect(kinds('Pasienten er født 12.03.1954 og bor alene.')).toEqual(['birthdate'])
    expect(kinds('f. 3. mars 1940')).toEqual(['birthdate'])
    expect(kinds('Samlingen var 12.03.2018.')).toEqual([])
  })
  it('flags names inside a sentence, and a known name pair at a sentence start', () => {
    expect(kinds('I dag møtte jeg Ola Hansen på vakt.')).toEqual(['name'])
    expect(kinds('Kari Nordmann ringte på.')).toEqual(['name'])
    expect(kinds('Etter vakten snakket jeg med Kari om det.')).toEqual(['name'])
    expect(kinds('Sykepleieren ringte Bjørkeli Fjellstad i går.')).toEqual(['name'])
  })
  it('does not flag a capitalised word at a sentence start, or "Per" meaning per', () => {
    expect(kinds('Per dag har vi tre besøk. Pasienten var urolig. Hjemmetjenesten kom.')).toEqual([])
    expect(kinds('Hjemmetjenesten i Trondheim kommune har travle dager.')).toEqual([])
  })
  it('shows room numbers and ages as hints that do not block sharing', () => {
    const found = checkText('Beboeren på rom 214 er 87 år og urolig.')
    expect(found.map((f) => [f.kind, f.severity])).toEqual([['room', 'hint'], ['age', 'hint']])
    expect(blockers(found)).toEqual([])
  })
})

describe('findings, dismissals and highlighting', () => {
  const fnr = validId('150385')
  const text = `Nummer ${fnr} og telefon 912 34 567.`
  it('gives positions to highlight and no copy of the value', () => {
    const found = checkText(text)
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([fnr, '912 34 567'])
    expect(JSON.stringify(found)).not.toContain(fnr)
    const segs = segments(text, found)
    expect(segs.map((s) => s.text).join('')).toBe(text)
    expect(segs.filter((s) => s.finding).map((s) => s.finding!.kind)).toEqual(['nationalId', 'phone'])
  })
  it('a dismissal by fingerprint clears a finding in any field, and spacing does not matter', () => {
    const dismissed = [fingerprint('phone', '91234567')]
    const found = checkFields({ situation: text, question: 'Ring 912 34 567?' }, dismissed)
    expect(found.filter((f) => f.kind === 'phone').every((f) => f.dismissed)).toBe(true)
    expect(blockers(found).map((f) => f.kind)).toEqual(['nationalId'])
  })
})

describe('minutes warning', () => {
  it('names the kinds of personal data in minutes, hints left out', async () => {
    const { personalDataKinds } = await import('~/modules/cases/pii.ts')
    expect(personalDataKinds('Vi snakket med Ola Hansen på rom 12 og ringte 912 34 567.')).toEqual(['name', 'phone'])
    expect(personalDataKinds('Vi øvde på reflekterende team i 20 minutter.')).toEqual([])
  })
})
