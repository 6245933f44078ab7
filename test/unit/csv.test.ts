import { describe, expect, it } from 'vitest'
import { parseRoles, parseUserCsv } from '~/modules/users/csv.ts'

describe('parseUserCsv', () => {
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

describe('spreadsheet formula cells in the attendance export', () => {
  it("prefix every cell a spreadsheet would run (= + - @ tab CR) with ', and nothing else", async () => {
    const { safeCell } = await import('~/modules/attendance/export.server.ts')
    for (const s of ['=SUM(A1)', '+47 123', '-1', '@cmd', '\tx', '\rx']) expect(safeCell(s)).toBe(`'${s}`)
    for (const s of ['Åse', '3', 'a=b', ' =x']) expect(safeCell(s)).toBe(s)
    expect(safeCell(180)).toBe('180')
    expect(safeCell(null)).toBe('')
  })
})
