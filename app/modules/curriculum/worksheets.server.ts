import { db } from '~/db.server.ts'
import { canSee, type Audience } from '~/modules/tenancy/index.ts'
import type { DiamondData, SunData } from './worksheet-schemas.ts'

export type WorksheetKind = 'cognitive-diamond' | 'pedagogical-sun'

export async function saveWorksheet(
  owner: { userId: string; municipalityId: string | null },
  kind: WorksheetKind,
  data: DiamondData | SunData,
  id?: string,
) {
  const row = { title: data.title, data: JSON.stringify(data) }
  if (id) {
    const { count } = await db.worksheet.updateMany({ where: { id, ownerId: owner.userId, kind }, data: row })
    return count === 1 ? id : null
  }
  const created = await db.worksheet.create({ data: { ...row, kind, ownerId: owner.userId, municipalityId: owner.municipalityId, scope: 'private' } })
  return created.id
}

export async function listWorksheets(userId: string, kind: WorksheetKind) {
  return db.worksheet.findMany({ where: { ownerId: userId, kind }, orderBy: { updatedAt: 'desc' }, select: { id: true, title: true, updatedAt: true } })
}

export async function getWorksheet(audience: Audience, id: string, kind: WorksheetKind) {
  const w = await db.worksheet.findFirst({ where: { id, kind } })
  if (!w || !canSee(audience, w)) return null
  return { id: w.id, title: w.title, data: JSON.parse(w.data) as Record<string, unknown>, mine: w.ownerId === audience.userId, updatedAt: w.updatedAt }
}

