import { z } from 'zod'
import { db } from '~/db.server.ts'
import { canSee, type Audience } from '~/modules/tenancy/index.ts'

const line = (max: number) => z.string().trim().max(max, { error: 'error.tooLong' })
const title = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' })

export const DIAMOND_FIELDS = ['situation', 'thoughts', 'feelings', 'actions', 'body'] as const
export const SUN_MAX_RAYS = 12

export const diamondSchema = z.object({
  title,
  situation: line(2000).optional(),
  thoughts: line(2000).optional(),
  feelings: line(2000).optional(),
  actions: line(2000).optional(),
  body: line(2000).optional(),
})
export type DiamondData = z.infer<typeof diamondSchema>

export const sunSchema = z.object({
  title,
  centre: z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' }),
  rays: z.array(line(160).optional()).max(SUN_MAX_RAYS).optional(),
})
export type SunData = { title: string; centre: string; rays: string[] }

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

export function sunData(parsed: z.infer<typeof sunSchema>): SunData {
  return { title: parsed.title, centre: parsed.centre, rays: (parsed.rays ?? []).map((r) => r ?? '').filter((r) => r.length > 0) }
}
