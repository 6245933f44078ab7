import { z } from 'zod'
import { agendaBlockSchema, METHOD_SLUGS, type AgendaBlock, type MethodSlug } from './content-schema.ts'

// Lists kept as JSON text in TemplateSession and Gathering rows (both databases
// lack a portable JSON column); always read back through these schemas.

const tasks = z.array(z.string())
const agenda = z.array(agendaBlockSchema)

export function readTasks(json: string): string[] {
  const r = tasks.safeParse(safeJson(json))
  return r.success ? r.data : []
}

export function readAgenda(json: string): AgendaBlock[] {
  const r = agenda.safeParse(safeJson(json))
  return r.success ? r.data : []
}

export function readMethods(csv: string): MethodSlug[] {
  return csv
    .split(',')
    .map((m) => m.trim())
    .filter((m): m is MethodSlug => (METHOD_SLUGS as readonly string[]).includes(m))
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export { timedAgenda } from './agenda-time.ts'
