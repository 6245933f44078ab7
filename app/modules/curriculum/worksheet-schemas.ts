import { z } from 'zod'

// Shared by the worksheet forms (browser) and the action that saves them.
const line = (max: number) => z.string().trim().max(max, { error: 'error.tooLong' })
const title = z.string({ error: 'error.required' }).trim().min(1, { error: 'error.required' }).max(120, { error: 'error.tooLong' })

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


export function sunData(parsed: z.infer<typeof sunSchema>): SunData {
  return { title: parsed.title, centre: parsed.centre, rays: (parsed.rays ?? []).map((r) => r ?? '').filter((r) => r.length > 0) }
}

/** What the worksheet forms post: the sheet, and its id when an existing one is edited. */
export const diamondFormSchema = diamondSchema.extend({ id: z.string().optional() })
export const sunFormSchema = sunSchema.extend({ id: z.string().optional() })
