import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { bokmalForms } from '~/modules/curriculum/nynorsk.ts'
import { readFrontmatter } from '~/utils/frontmatter.server.ts'
import { renderMarkdown } from '~/utils/markdown.server.ts'
import { SURVEY_LANGUAGES, surveyStructure, surveyTexts, textProblems, type SurveyLang, type SurveyQuestion, type SurveyStructure } from './survey-schema.ts'

export type SurveyTemplate = Omit<SurveyStructure, 'questions'> & {
  questions: SurveyQuestion[]
  text: Record<SurveyLang, { title: string; summary: string; html: string }>
}

const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'))

/** Reads content/surveys; reports `file: field: message` and never throws for bad content. */
export function loadSurveyTemplates(dir = path.join(CONTENT_DIR, 'surveys')): { templates: SurveyTemplate[]; errors: string[] } {
  const errors: string[] = []
  const templates: SurveyTemplate[] = []
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
    const structure = read(path.join(folder, '_survey.md'), surveyStructure)
    if (!structure) continue
    if (structure.data.slug !== slug) errors.push(`${rel(path.join(folder, '_survey.md'))}: slug: must equal the folder name`)
    const text = {} as SurveyTemplate['text']
    const wording = {} as Record<SurveyLang, z.infer<typeof surveyTexts>>
    let ok = true
    for (const lang of SURVEY_LANGUAGES) {
      const file = path.join(folder, `${lang}.md`)
      const t = read(file, surveyTexts)
      if (!t) {
        ok = false
        continue
      }
      const problems = textProblems(structure.data, t.data)
      for (const p of problems) errors.push(`${rel(file)}: ${p}`)
      if (problems.length) ok = false
      if (lang === 'nn') {
        const forms = [...new Set(bokmalForms(fs.readFileSync(file, 'utf8')))]
        if (forms.length) errors.push(`${rel(file)}: nynorsk: bokmål word forms ${forms.join(', ')}`)
      }
      wording[lang] = t.data
      text[lang] = { title: t.data.title, summary: t.data.summary, html: renderMarkdown(t.body) }
    }
    if (!ok) continue
    const questions = structure.data.questions.map((q) => ({
      ...q,
      text: Object.fromEntries(SURVEY_LANGUAGES.map((l) => [l, wording[l].questions[q.key]])) as SurveyQuestion['text'],
    }))
    templates.push({ ...structure.data, questions, text })
  }
  return { templates, errors }
}

let cache: SurveyTemplate[] | null = null
/** The checked templates (cached in production); content errors throw at first use. */
export function surveyTemplates(): SurveyTemplate[] {
  if (cache && process.env.NODE_ENV === 'production') return cache
  const { templates, errors } = loadSurveyTemplates()
  if (errors.length) throw new Error(`content/surveys: ${errors.join('; ')}`)
  cache = templates
  return templates
}

export function surveyTemplate(slug: string): SurveyTemplate | undefined {
  return surveyTemplates().find((t) => t.slug === slug)
}
