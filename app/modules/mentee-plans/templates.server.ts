import { readFrontmatter } from '~/utils/frontmatter.server.ts'
import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { PLAN_LANGUAGES, planStructure, planTexts, type PlanLang, type PlanStructure, type PlanTexts } from './template-schema.ts'

export type PlanTemplate = PlanStructure & { text: Record<PlanLang, PlanTexts> }

const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'))

/** Reads content/plan-templates; reports `file: field: message` and never throws for bad content. */
export function loadPlanTemplates(dir = path.join(CONTENT_DIR, 'plan-templates')): { templates: PlanTemplate[]; errors: string[] } {
  const errors: string[] = []
  const templates: PlanTemplate[] = []
  const rel = (file: string) => path.relative(path.dirname(path.dirname(dir)), file)
  const read = <S extends z.ZodType>(file: string, schema: S) => {
    if (!fs.existsSync(file)) {
      errors.push(`${rel(file)}: missing`)
      return null
    }
    return readFrontmatter(file, schema, rel(file), errors)
  }
  if (!fs.existsSync(dir)) return { templates, errors: [`${rel(dir)}: missing`] }
  for (const slug of fs.readdirSync(dir).sort()) {
    const folder = path.join(dir, slug)
    if (!fs.statSync(folder).isDirectory()) continue
    const structure = read(path.join(folder, '_plan.md'), planStructure)
    if (!structure) continue
    if (structure.data.slug !== slug) errors.push(`${rel(path.join(folder, '_plan.md'))}: slug: must equal the folder name`)
    const keys = new Set([...structure.data.checklists.home_care, ...structure.data.checklists.hvs])
    const text = {} as Record<PlanLang, PlanTexts>
    let ok = true
    for (const lang of PLAN_LANGUAGES) {
      const file = path.join(folder, `${lang}.md`)
      const t = read(file, planTexts)
      if (!t) {
        ok = false
        continue
      }
      for (const k of keys) if (!t.data.checklistLabels[k]) errors.push(`${rel(file)}: checklistLabels.${k}: missing label`)
      for (const k of Object.keys(t.data.checklistLabels)) if (!keys.has(k)) errors.push(`${rel(file)}: checklistLabels.${k}: not in any checklist`)
      text[lang] = { ...t.data, html: renderMarkdown(t.body) }
    }
    if (ok) templates.push({ ...structure.data, text })
  }
  return { templates, errors }
}

let cache: PlanTemplate[] | null = null
/** The checked templates (cached); content errors throw at first use. */
export function planTemplates(): PlanTemplate[] {
  if (cache && process.env.NODE_ENV === 'production') return cache
  const { templates, errors } = loadPlanTemplates()
  if (errors.length) throw new Error(`content/plan-templates: ${errors.join('; ')}`)
  cache = templates
  return templates
}

export function planTemplate(slug: string): PlanTemplate | undefined {
  return planTemplates().find((t) => t.slug === slug)
}
