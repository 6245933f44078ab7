import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { z } from 'zod'

/** Reads the form once and validates it with the form's schema. */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await request.formData()
  return { formData, submission: parseWithZod(formData, { schema }) }
}

/**
 * `parseWithZod` for routes whose page validates on the server only: importing it
 * from here (a `.server` file) keeps conform's zod adapter out of the page's
 * browser bundle.
 */
export { parseWithZod }

/** A 400 that carries the field errors and what the user typed (minus secrets). */
export function invalid<Extra extends Record<string, unknown> = {}>(
  result: unknown,
  init: { status?: number; headers?: HeadersInit; extra?: Extra } = {},
) {
  return data({ ...(init.extra as Extra), result: result as any }, { status: init.status ?? 400, headers: init.headers })
}
