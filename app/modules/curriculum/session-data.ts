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

/** Agenda blocks with start and end minutes from the session's start; the rest is breaks. */
export function timedAgenda(blocks: AgendaBlock[], durationMinutes: number) {
  let at = 0
  const timed = blocks.map((b) => {
    const block = { ...b, from: at, to: at + b.minutes }
    at += b.minutes
    return block
  })
  return { blocks: timed, breakMinutes: Math.max(0, durationMinutes - at) }
}
