import Papa from 'papaparse'
import { createT } from '~/i18n/index.ts'
import { LANGUAGES } from '~/i18n/lang.ts'
import { MUNICIPAL_ROLES, type MunicipalRole } from '~/modules/auth/roles.ts'
import { emailField, nameField } from '~/modules/auth/schemas.ts'

// Pure parsing and checking of a user import file; the database lookups and the
// import itself are in import.server.ts.

export type ImportRow = {
  line: number
  name: string
  email: string
  roles: MunicipalRole[]
  unit: string
  /** Raw joining date from an optional column (programme enrolment only). */
  joined?: string
  errors: string[]
}

const HEADERS: Record<string, 'name' | 'email' | 'role' | 'unit' | 'joined'> = {
  name: 'name', navn: 'name', namn: 'name',
  email: 'email', 'e-mail': 'email', 'e-post': 'email', epost: 'email',
  role: 'role', roles: 'role', rolle: 'role', roller: 'role',
  unit: 'unit', enhet: 'unit', eining: 'unit',
  joined: 'joined', 'joined on': 'joined', startdato: 'joined', startet: 'joined', start: 'joined',
}

/** Role codes and their names in every interface language, lower-cased. */
const ROLE_NAMES = new Map<string, MunicipalRole>()
for (const role of MUNICIPAL_ROLES) {
  ROLE_NAMES.set(role, role)
  for (const lang of LANGUAGES) ROLE_NAMES.set(createT(lang)(`role.${role}`).toLocaleLowerCase('nb'), role)
}

export function parseRoles(cell: string): { roles: MunicipalRole[]; unknown: string[] } {
  const parts = cell.split(/[|/]/).map((p) => p.trim()).filter(Boolean)
  const roles: MunicipalRole[] = []
  const unknown: string[] = []
  for (const p of parts) {
    const role = ROLE_NAMES.get(p.toLocaleLowerCase('nb'))
    if (role) roles.includes(role) || roles.push(role)
    else unknown.push(p)
  }
  return { roles: roles.length || unknown.length ? roles : ['mentor'], unknown }
}

export type ParsedCsv = { rows: ImportRow[]; fileErrors: string[] }

/**
 * Columns: name, e-mail, role, unit (Norwegian or English headers), comma or
 * semicolon separated, UTF-8 with or without BOM. Role may list several roles
 * separated by | and defaults to mentor.
 */
export function parseUserCsv(text: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '')
  if (!clean.trim()) return { rows: [], fileErrors: ['import.empty'] }
  const result = Papa.parse<Record<string, string>>(clean, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (h) => HEADERS[h.trim().toLocaleLowerCase('nb')] ?? h.trim(),
  })
  const fields = result.meta.fields ?? []
  const fileErrors: string[] = []
  if (!fields.includes('name') || !fields.includes('email')) fileErrors.push('import.missingColumns')
  if (fileErrors.length) return { rows: [], fileErrors }

  const seen = new Map<string, number>()
  const rows = result.data.map((record, index): ImportRow => {
    const line = index + 2 // header is line 1
    const name = (record.name ?? '').trim()
    const mail = (record.email ?? '').trim().toLowerCase()
    const unit = (record.unit ?? '').trim()
    const { roles, unknown } = parseRoles(record.role ?? '')
    const errors: string[] = []
    // The same limits as the invite form (length, no control characters such as NUL).
    if (!name) errors.push('import.nameMissing')
    else if (!nameField.safeParse(name).success) errors.push(name.length > 120 ? 'import.nameTooLong' : 'error.controlChars')
    if (!emailField.safeParse(mail).success) errors.push('import.emailInvalid')
    if (unknown.length) errors.push('import.roleUnknown')
    if (mail && seen.has(mail)) errors.push('import.duplicate')
    else if (mail) seen.set(mail, line)
    const joined = (record.joined ?? '').trim() || undefined
    return { line, name, email: mail, roles, unit, joined, errors }
  })
  for (const e of result.errors) {
    const row = rows.find((r) => r.line === (e.row ?? -1) + 2)
    if (row && e.code === 'TooManyFields') row.errors.push('import.tooManyFields')
  }
  if (!rows.length) fileErrors.push('import.empty')
  return { rows, fileErrors }
}
