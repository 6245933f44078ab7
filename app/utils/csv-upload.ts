import { z } from 'zod'

export const CSV_MAX_BYTES = 2_000_000

/** The fields of a CSV upload form: a file, or text pasted into the text area. */
export const csvUploadFields = {
  file: z.instanceof(File).optional(),
  csv: z.string().optional(),
}

/** The CSV from the uploaded file or, when none, from the text area (null when too large). */
export async function uploadedCsv(value: { file?: File; csv?: string }, maxBytes = CSV_MAX_BYTES): Promise<string | null> {
  const file = value.file
  if (file && file.size > 0) {
    if (file.size > maxBytes) return null
    return new TextDecoder('utf-8').decode(await file.arrayBuffer())
  }
  const text = value.csv ?? ''
  return text.length <= maxBytes ? text : null
}
