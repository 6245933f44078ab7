import { readFrontmatter } from '~/utils/frontmatter.server.ts'
import fs from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import type { z } from 'zod'
import type { Lang } from '~/i18n/index.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { bokmalForms } from './nynorsk.ts'
import {
  bodyLinks,
  bodyNumbers,
  CONTENT_LANGUAGES,
  CONTENT_LINK,
  linkTarget,
  literatureSchema,
  methodFrontmatter,
  programmeFrontmatter,
  sessionFrontmatter,
  type AgendaBlock,
  type ContentLang,
  type LiteratureEntry,
  type MethodFrontmatter,
  type SessionFrontmatter,
} from './content-schema.ts'

export type SessionText = { title: string; theme: string; preparation: string[]; agenda: AgendaBlock[]; html: string }
export type CurriculumSession = Omit<SessionFrontmatter, 'title' | 'theme' | 'preparation' | 'agenda'> & {
  /** Minutes of each agenda block (the same in every language). */
  agendaMinutes: number[]
  text: Record<ContentLang, SessionText>
}
export type Curriculum = {
  slug: string
  version: string
  requiredHours: number
  text: Record<ContentLang, { title: string; summary: string; html: string }>
  sessions: CurriculumSession[]
}
export type Method = {
  slug: MethodFrontmatter['slug']
  worksheet: MethodFrontmatter['worksheet']
  literature: string[]
  text: Record<ContentLang, MethodFrontmatter & { html: string }>
}
export type Content = { curricula: Curriculum[]; methods: Method[]; literature: LiteratureEntry[] }

export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'))

/** Reads and checks every file; never throws for bad content, it reports `file: field: message`. */
export function loadContent(dir = CONTENT_DIR): { content: Content; errors: string[] } {
  const errors: string[] = []
  const rel = (file: string) => path.relative(path.dirname(dir), file)
  const read = <S extends z.ZodType>(file: string, schema: S) => readFrontmatter(file, schema, rel(file), errors)
  const bodies: { file: string; body: string }[] = []
  // The same numbers (hours, counts, years) and links in every language of one file.
  const sameBody = (files: Partial<Record<ContentLang, { file: string; body: string }>>) => {
    const nb = files.nb
    if (!nb) return
    for (const lang of CONTENT_LANGUAGES.filter((l) => l !== 'nb')) {
      const other = files[lang]
      if (!other) continue
      if (JSON.stringify(bodyNumbers(other.body)) !== JSON.stringify(bodyNumbers(nb.body)))
        errors.push(`${rel(other.file)}: body: numbers (${bodyNumbers(other.body).join(', ') || 'none'}) must match the bokmål file (${bodyNumbers(nb.body).join(', ') || 'none'})`)
      if (JSON.stringify(bodyLinks(other.body)) !== JSON.stringify(bodyLinks(nb.body))) errors.push(`${rel(other.file)}: body: links must match the bokmål file`)
    }
  }

  // Literature
  let literature: LiteratureEntry[] = []
  const litFile = path.join(dir, 'literature.yml')
  try {
    const parsed = literatureSchema.safeParse(yaml.load(fs.readFileSync(litFile, 'utf8')))
    if (parsed.success) literature = parsed.data
    else for (const i of parsed.error.issues) errors.push(`${rel(litFile)}: ${i.path.join('.')}: ${i.message}`)
  } catch (e) {
    errors.push(`${rel(litFile)}: ${(e as Error).message.split('\n')[0]}`)
  }
  const literatureIds = new Set(literature.map((l) => l.id))

  // Methods
  const methods: Method[] = []
  const methodDir = path.join(dir, 'methods')
  const methodFiles = new Set(CONTENT_LANGUAGES.flatMap((l) => (fs.existsSync(path.join(methodDir, l)) ? fs.readdirSync(path.join(methodDir, l)) : [])))
  for (const name of [...methodFiles].filter((f) => f.endsWith('.md')).sort()) {
    const text = {} as Method['text']
    const methodBodies: Partial<Record<ContentLang, { file: string; body: string }>> = {}
    for (const lang of CONTENT_LANGUAGES) {
      const file = path.join(methodDir, lang, name)
      if (!fs.existsSync(file)) {
        errors.push(`${rel(file)}: missing (every method needs ${CONTENT_LANGUAGES.join(' and ')})`)
        continue
      }
      const r = read(file, methodFrontmatter)
      if (!r) continue
      if (`${r.data.slug}.md` !== name) errors.push(`${rel(file)}: slug: must match the file name`)
      for (const id of r.data.literature) if (!literatureIds.has(id)) errors.push(`${rel(file)}: literature: unknown id ${id}`)
      text[lang] = { ...r.data, html: renderMarkdown(r.body) }
      bodies.push({ file, body: r.body })
      methodBodies[lang] = { file, body: r.body }
    }
    sameBody(methodBodies)
    if (CONTENT_LANGUAGES.every((l) => text[l])) {
      const nb = text.nb
      const shape = (m: MethodFrontmatter) => JSON.stringify([m.steps?.map((s) => s.minutes ?? null), m.roles?.map((r) => r.key), m.fields?.map((f) => f.key), m.groups?.map((g) => [g.key, g.questions.length]), m.example?.rays.length ?? null])
      for (const lang of CONTENT_LANGUAGES.filter((l) => l !== 'nb')) {
        const file = rel(path.join(methodDir, lang, name))
        sameStructure(file, nb, text[lang], errors, ['slug', 'worksheet', 'literature', 'maxRays'])
        if (shape(nb) !== shape(text[lang])) errors.push(`${file}: steps/roles/fields/groups/example: must match the bokmål file`)
      }
      methods.push({ slug: nb.slug, worksheet: nb.worksheet, literature: nb.literature, text })
    }
  }
  const methodSlugs = new Set(methods.map((m) => m.slug))

  // Curricula
  const curricula: Curriculum[] = []
  const curriculumRoot = path.join(dir, 'curriculum')
  for (const slug of fs.existsSync(curriculumRoot) ? fs.readdirSync(curriculumRoot).sort() : []) {
    const base = path.join(curriculumRoot, slug)
    const programmeText = {} as Curriculum['text']
    let meta: z.output<typeof programmeFrontmatter> | null = null
    const sessionsByFile = new Map<string, Partial<Record<ContentLang, { data: SessionFrontmatter; html: string; file: string; body: string }>>>()
    const programmeBodies: Partial<Record<ContentLang, { file: string; body: string }>> = {}
    for (const lang of CONTENT_LANGUAGES) {
      const langDir = path.join(base, lang)
      if (!fs.existsSync(langDir)) {
        errors.push(`${rel(langDir)}: missing (every curriculum needs ${CONTENT_LANGUAGES.join(' and ')})`)
        continue
      }
      const p = read(path.join(langDir, '_programme.md'), programmeFrontmatter)
      if (p) {
        if (p.data.slug !== slug) errors.push(`${rel(path.join(langDir, '_programme.md'))}: slug: must be the folder name ${slug}`)
        meta ??= p.data
        programmeText[lang] = { title: p.data.title, summary: p.data.summary, html: renderMarkdown(p.body) }
        bodies.push({ file: path.join(langDir, '_programme.md'), body: p.body })
        programmeBodies[lang] = { file: path.join(langDir, '_programme.md'), body: p.body }
        if (meta && (p.data.version !== meta.version || p.data.requiredHours !== meta.requiredHours))
          errors.push(`${rel(path.join(langDir, '_programme.md'))}: version/requiredHours: must match the bokmål file`)
      }
      for (const name of fs.readdirSync(langDir).filter((f) => f.endsWith('.md') && f !== '_programme.md').sort()) {
        const file = path.join(langDir, name)
        const r = read(file, sessionFrontmatter)
        if (!r) continue
        if (!name.startsWith(`${String(r.data.order).padStart(2, '0')}-${r.data.slug}`)) errors.push(`${rel(file)}: order/slug: file name must be NN-<slug>.md`)
        for (const id of r.data.literature) if (!literatureIds.has(id)) errors.push(`${rel(file)}: literature: unknown id ${id}`)
        const entry = sessionsByFile.get(name) ?? {}
        entry[lang] = { data: r.data, html: renderMarkdown(r.body), file, body: r.body }
        sessionsByFile.set(name, entry)
        bodies.push({ file, body: r.body })
      }
    }
    sameBody(programmeBodies)
    const sessions: CurriculumSession[] = []
    for (const [name, byLang] of [...sessionsByFile].sort(([a], [b]) => a.localeCompare(b))) {
      const missing = CONTENT_LANGUAGES.filter((l) => !byLang[l])
      if (missing.length) {
        errors.push(`${rel(path.join(base, missing[0], name))}: missing (the ${CONTENT_LANGUAGES.find((l) => byLang[l])} file has no translation)`)
        continue
      }
      const nb = byLang.nb!.data
      for (const lang of CONTENT_LANGUAGES.filter((l) => l !== 'nb')) {
        const other = byLang[lang]!.data
        const file = rel(path.join(base, lang, name))
        sameStructure(file, nb, other, errors, ['order', 'slug', 'kind', 'durationMinutes', 'referenceDate', 'methods', 'literature'])
        if (JSON.stringify(nb.agenda.map((b) => b.minutes)) !== JSON.stringify(other.agenda.map((b) => b.minutes))) errors.push(`${file}: agenda: minutes must match the bokmål file`)
        if (nb.preparation.length !== other.preparation.length) errors.push(`${file}: preparation: must have as many tasks as the bokmål file`)
      }
      sameBody(Object.fromEntries(CONTENT_LANGUAGES.map((l) => [l, byLang[l]])))
      const { title: _t, theme: _th, preparation: _p, agenda, ...rest } = nb
      sessions.push({
        ...rest,
        agendaMinutes: agenda.map((b) => b.minutes),
        text: Object.fromEntries(
          CONTENT_LANGUAGES.map((l) => {
            const d = byLang[l]!.data
            return [l, { title: d.title, theme: d.theme, preparation: d.preparation, agenda: d.agenda, html: byLang[l]!.html }]
          }),
        ) as Record<ContentLang, SessionText>,
      })
    }
    sessions.sort((a, b) => a.order - b.order)
    const gap = sessions.findIndex((s, i) => s.order !== i + 1)
    if (gap >= 0) errors.push(`${rel(base)}: order: sessions must be numbered 1..${sessions.length} without gaps (found ${sessions[gap].order} at position ${gap + 1})`)
    if (meta) {
      const total = sessions.reduce((sum, s) => sum + s.durationMinutes, 0)
      if (total !== meta.requiredHours * 60) errors.push(`${rel(path.join(base, 'nb', '_programme.md'))}: requiredHours: sessions add up to ${total / 60} h, not ${meta.requiredHours} h`)
      curricula.push({ slug, version: meta.version, requiredHours: meta.requiredHours, text: programmeText, sessions })
    }
  }

  // Any other content a capability adds in nb/nn/en folders (plan templates,
  // surveys …) must exist in every language too.
  for (const parent of new Set(languageDirs(dir).map((d) => path.dirname(d)))) {
    if (parent === methodDir || path.dirname(parent) === curriculumRoot) continue
    const names = new Set(CONTENT_LANGUAGES.flatMap((l) => (fs.existsSync(path.join(parent, l)) ? fs.readdirSync(path.join(parent, l)) : [])))
    for (const name of [...names].sort())
      for (const l of CONTENT_LANGUAGES)
        if (!fs.existsSync(path.join(parent, l, name))) errors.push(`${rel(path.join(parent, l, name))}: missing (every file needs ${CONTENT_LANGUAGES.join(' and ')})`)
  }

  // Nynorsk files (frontmatter and body, wherever they are) must not slip into bokmål word forms.
  for (const langDir of languageDirs(dir).filter((d) => path.basename(d) === 'nn')) {
    for (const name of fs.readdirSync(langDir).filter((f) => /\.(md|ya?ml|json)$/.test(f)).sort()) {
      const file = path.join(langDir, name)
      const forms = [...new Set(bokmalForms(fs.readFileSync(file, 'utf8')))]
      if (forms.length) errors.push(`${rel(file)}: nynorsk: bokmål word forms ${forms.join(', ')}`)
    }
  }
  for (const entry of literature)
    for (const key of ['title', 'publisher'] as const) {
      const v = entry[key]
      const forms = typeof v === 'string' ? [] : bokmalForms(v.nn)
      if (forms.length) errors.push(`${rel(litFile)}: ${entry.id}.${key}.nn: bokmål word forms ${forms.join(', ')}`)
    }

  // Links in bodies must point at a method or a session that exists.
  const sessionKeys = new Set(curricula.flatMap((c) => c.sessions.map((s) => `${c.slug}/${s.slug}`)))
  for (const { file, body } of bodies) {
    for (const [, href] of body.matchAll(CONTENT_LINK)) {
      const target = linkTarget(href)
      const ok = target && (target.kind === 'method' ? methodSlugs.has(target.slug as never) : sessionKeys.has(`${target.programme}/${target.slug}`))
      if (!ok) errors.push(`${rel(file)}: link: ${href} does not resolve`)
    }
    if (/<\s*[a-z]/i.test(body)) errors.push(`${rel(file)}: body: raw HTML is not allowed`)
  }
  return { content: { curricula, methods, literature }, errors }
}

/** Every folder named nb, nn or en under `dir`. */
function languageDirs(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue
      const p = path.join(d, e.name)
      if ((CONTENT_LANGUAGES as readonly string[]).includes(e.name)) out.push(p)
      else walk(p)
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return out
}

function sameStructure(file: string, a: Record<string, unknown>, b: Record<string, unknown>, errors: string[], keys: string[]) {
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) errors.push(`${file}: ${key}: must match the bokmål file`)
}

let cached: Content | undefined

/** The content, read and checked once per process; a broken file stops start-up, not a request. */
export function getContent(): Content {
  if (!cached) {
    const { content, errors } = loadContent()
    if (errors.length) throw new Error(`content/ has errors (run npm run content:check):\n${errors.join('\n')}`)
    cached = content
  }
  return cached
}

/** Content exists in every interface language (bokmål, nynorsk, English). */
export function contentLang(lang: Lang): ContentLang {
  return lang
}

/**
 * A gathering planned from the national curriculum keeps the title and theme in
 * the language it was planned in. For a reader in another language (a calendar,
 * a diploma), texts still as the curriculum wrote them are given in the reader's
 * language; texts the coordinator edited are their own and stay as written.
 */
export function localiseGatheringText<G extends { contentSlug?: string | null; title: string; theme?: string }>(g: G, lang: Lang): G {
  const session = g.contentSlug ? getContent().curricula.flatMap((c) => c.sessions).find((s) => s.slug === g.contentSlug) : undefined
  if (!session) return g
  const text = session.text[contentLang(lang)]
  const unedited = (key: 'title' | 'theme', value: string | undefined) => value !== undefined && CONTENT_LANGUAGES.some((l) => session.text[l][key] === value)
  return { ...g, title: unedited('title', g.title) ? text.title : g.title, ...(g.theme !== undefined ? { theme: unedited('theme', g.theme) ? text.theme : g.theme } : {}) }
}
