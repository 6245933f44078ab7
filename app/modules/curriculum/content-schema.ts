import { z } from 'zod'
import { METHOD_SLUGS } from './method-slugs.ts'
import { SESSION_KINDS } from './kinds.ts'

// The shape of everything in content/ (see content/README.md). Validated by
// `npm run content:check` before tests and builds, and again when loaded.

export const CONTENT_LANGUAGES = ['nb', 'nn', 'en'] as const
export type ContentLang = (typeof CONTENT_LANGUAGES)[number]

export { METHOD_SLUGS, type MethodSlug } from './method-slugs.ts'

export { SESSION_KINDS } from './kinds.ts'
export type SessionKind = (typeof SESSION_KINDS)[number]

const text = z.string().trim().min(1)
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case slug')

export const agendaBlockSchema = z.object({ title: text, minutes: z.number().int().positive() })
export type AgendaBlock = z.infer<typeof agendaBlockSchema>

export const programmeFrontmatter = z.object({
  slug,
  version: text,
  title: text,
  summary: text,
  requiredHours: z.number().positive(),
})

export const sessionFrontmatter = z
  .object({
    order: z.number().int().positive(),
    slug,
    kind: z.enum(SESSION_KINDS),
    title: text,
    durationMinutes: z.number().int().positive(),
    referenceDate: z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    theme: text,
    methods: z.array(z.enum(METHOD_SLUGS)),
    preparation: z.array(text),
    agenda: z.array(agendaBlockSchema).min(1),
    literature: z.array(slug),
  })
  .refine((s) => s.agenda.reduce((sum, b) => sum + b.minutes, 0) <= s.durationMinutes, {
    path: ['agenda'],
    message: 'agenda blocks add up to more than durationMinutes',
  })
export type SessionFrontmatter = z.infer<typeof sessionFrontmatter>

const methodBase = z.object({
  slug: z.enum(METHOD_SLUGS),
  title: text,
  summary: text,
  worksheet: z.enum(['reflecting-team', 'cognitive-diamond', 'pedagogical-sun', 'none']),
  literature: z.array(slug),
})

export const methodFrontmatter = methodBase.extend({
  steps: z.array(z.object({ title: text, minutes: z.number().int().positive().optional(), text })).optional(),
  roles: z.array(z.object({ key: z.enum(['mentor', 'mentee', 'team1', 'team2']), title: text, text })).optional(),
  fields: z.array(z.object({ key: z.enum(['situation', 'thoughts', 'feelings', 'actions', 'body']), title: text, prompt: text })).optional(),
  maxRays: z.number().int().positive().optional(),
  example: z.object({ centre: text, rays: z.array(text) }).optional(),
  groups: z.array(z.object({ key: z.enum(['personal', 'professional', 'social']), title: text, questions: z.array(text).min(1) })).optional(),
})
export type MethodFrontmatter = z.infer<typeof methodFrontmatter>

/** A title or publisher is the same in every language, or given per language (e.g. "title not given"). */
const localisedText = z.union([text, z.object({ nb: text, nn: text, en: text })])
export const literatureSchema = z.array(
  z.object({ id: slug, authors: text, year: z.number().int(), title: localisedText, publisher: localisedText }),
)
export type LiteratureEntry = z.infer<typeof literatureSchema>[number]

export { literatureIn } from './literature.ts'

/** Numbers written as digits in a body (hours, counts, years): the same in every language. */
export function bodyNumbers(body: string): string[] {
  return [...body.replace(CONTENT_LINK, '').matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => m[0].replace(',', '.')).sort()
}

/** Link targets in a body, sorted: the same in every language. */
export function bodyLinks(body: string): string[] {
  return [...body.matchAll(CONTENT_LINK)].map((m) => m[1]).sort()
}

/** Links allowed in content bodies: method pages and sessions of a curriculum. */
export const CONTENT_LINK = /\]\((\/[^)\s]*)\)/g
export function linkTarget(href: string): { kind: 'method'; slug: string } | { kind: 'session'; programme: string; slug: string } | null {
  let m = href.match(/^\/methods\/([a-z0-9-]+)$/)
  if (m) return { kind: 'method', slug: m[1] }
  m = href.match(/^\/curriculum\/([a-z0-9-]+)\/([a-z0-9-]+)$/)
  if (m) return { kind: 'session', programme: m[1], slug: m[2] }
  return null
}
