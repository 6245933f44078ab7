import { describe, expect, it } from 'vitest'
import { parseRoles, parseUserCsv } from '~/modules/users/csv.ts'

describe('parseUserCsv', () => {
  it('applies the invite form\'s limits: name and e-mail length, no NUL or other control characters (issue 8, item 5)', () => {
    const long = 'x'.repeat(121)
    const { rows } = parseUserCsv(`navn;e-post\n${long};a@example.no\nNul\u0000Byte;b@example.no\nOk;${'c'.repeat(250)}@example.no\nOk;d\u0000@example.no\n`)
    expect(rows.map((r) => r.errors)).toEqual([['import.nameTooLong'], ['error.controlChars'], ['import.emailInvalid'], ['import.emailInvalid']])
  })

  it('reads semicolons, Norwegian headers and a BOM', () => {
    const { rows, fileErrors } = parseUserCsv('\uFEFFnavn;e-post;rolle;enhet\nÅse Ødegård;ASE@Example.no;Koordinator;Zion\n')
    expect(fileErrors).toEqual([])
    expect(rows).toEqual([{ line: 2, name: 'Åse Ødegård', email: 'ase@example.no', roles: ['coordinator'], unit: 'Zion', errors: [] }])
  })

  it('reads commas and English headers; an empty role means mentor', () => {
    const { rows } = parseUserCsv('name,email,role,unit\nKari,kari@example.no,,\nOla,ola@example.no,mentor|Network contact person,Bergheim\n')
    expect(rows.map((r) => r.roles)).toEqual([['mentor'], ['mentor', 'network_contact']])
  })

  it('reports row errors without dropping rows', () => {
    const { rows } = parseUserCsv('navn;e-post;rolle\n;a@example.no;mentor\nB;not-an-email;mentor\nC;a@example.no;sjef\n')
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, ['import.nameMissing']],
      [3, ['import.emailInvalid']],
      [4, ['import.roleUnknown', 'import.duplicate']],
    ])
  })

  it('refuses a file without the needed columns, and an empty file', () => {
    expect(parseUserCsv('fornavn;telefon\nA;123\n').fileErrors).toEqual(['import.missingColumns'])
    expect(parseUserCsv('  ').fileErrors).toEqual(['import.empty'])
    expect(parseUserCsv('navn;e-post\n').fileErrors).toEqual(['import.empty'])
  })

  it('knows role names in all three languages', () => {
    expect(parseRoles('Nyansatt|mentee|Nytilsett').roles).toEqual(['mentee'])
    expect(parseRoles('Avdelingsleiar').roles).toEqual(['department_leader'])
  })
})
