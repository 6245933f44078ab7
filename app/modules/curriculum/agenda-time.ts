import type { AgendaBlock } from './content-schema.ts'

// Pure and free of zod: the session page's agenda uses it in the browser.

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
