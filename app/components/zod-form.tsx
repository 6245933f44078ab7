// Kept apart from form.tsx so that pages whose forms are validated on the
// server only (useServerForm) do not ship zod to the browser.
import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/**
 * One zod schema per form: the server parses with it (400 + field errors +
 * the submitted values) and, once JavaScript has loaded, the browser validates
 * with the same schema. Without JavaScript the form still posts and the server
 * answers with the same messages.
 */
export function useZodForm<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  return useForm<z.input<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  })
}
