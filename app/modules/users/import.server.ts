import { db } from '~/db.server.ts'
import { inviteInTx } from '~/modules/auth/index.ts'
import { parseUserCsv, type ImportRow } from './csv.ts'

export type ImportPreview = {
  rows: (ImportRow & { unitId: string | null; existing: boolean })[]
  fileErrors: string[]
  valid: boolean
}

/** Parses the file and checks units and who already has a role in the municipality. Writes nothing. */
export async function previewImport(municipalityId: string, csv: string): Promise<ImportPreview> {
  const { rows, fileErrors } = parseUserCsv(csv)
  const [units, existing] = await Promise.all([
    db.unit.findMany({ where: { municipalityId }, select: { id: true, name: true } }),
    // Only people with an active role here count as known: whether an address
    // has an account elsewhere on the platform is not this municipality's business.
    db.user.findMany({ where: { email: { in: rows.map((r) => r.email).filter(Boolean) }, memberships: { some: { municipalityId, deactivatedAt: null } } }, select: { email: true } }),
  ])
  const unitByName = new Map(units.map((u) => [u.name.toLocaleLowerCase('nb'), u.id]))
  const existingEmails = new Set(existing.map((u) => u.email))
  const checked = rows.map((row) => {
    const unitId = row.unit ? (unitByName.get(row.unit.toLocaleLowerCase('nb')) ?? null) : null
    const errors = row.unit && !unitId ? [...row.errors, 'import.unitUnknown'] : row.errors
    return { ...row, errors, unitId, existing: existingEmails.has(row.email) }
  })
  return { rows: checked, fileErrors, valid: fileErrors.length === 0 && checked.every((r) => r.errors.length === 0) }
}

/** All rows or none: one transaction; every new person gets an invitation. */
export async function runImport(
  actor: { userId: string; ip?: string | null },
  municipality: { id: string; name: string; defaultLanguage: string },
  csv: string,
): Promise<{ ok: true; count: number } | { ok: false; preview: ImportPreview }> {
  const preview = await previewImport(municipality.id, csv)
  if (!preview.valid) return { ok: false, preview }
  await db.$transaction(
    async (tx) => {
      for (const row of preview.rows) {
        await inviteInTx(tx, { actorId: actor.userId, municipality, ip: actor.ip }, { email: row.email, name: row.name, roles: row.roles, unitId: row.unitId })
      }
    },
    { timeout: 60_000 },
  )
  return { ok: true, count: preview.rows.length }
}
