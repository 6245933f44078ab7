import fs from 'node:fs'
import matter from 'gray-matter'
import type { z } from 'zod'

/**
 * Reads a markdown file with frontmatter and checks it with `schema`. Never
 * throws for bad content: problems go to `errors` as `label: field: message`.
 */
export function readFrontmatter<S extends z.ZodType>(file: string, schema: S, label: string, errors: string[]): { data: z.output<S>; body: string } | null {
  let parsed: matter.GrayMatterFile<string>
  try {
    parsed = matter(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    errors.push(`${label}: frontmatter: ${(e as Error).message.split('\n')[0]}`)
    return null
  }
  const result = schema.safeParse(parsed.data)
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(`${label}: ${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`)
    return null
  }
  return { data: result.data, body: parsed.content }
}
