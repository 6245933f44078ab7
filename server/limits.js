// Request guards that run before anything reads a body (issue 8, items 3 and 4).
// - Bodies are limited by their declared length before a byte is buffered:
//   ordinary forms get FORM_LIMIT, the CSV imports CSV_LIMIT. A body without a
//   Content-Length (chunked) is refused with 411: browsers always send one for
//   forms, and Node's parser never reads past the declared length.
// - Our actions accept only HTML forms: a body of any other type (JSON, XML,
//   text) answers 415 instead of failing inside `request.formData()`.

export const FORM_LIMIT = 256 * 1024
export const CSV_LIMIT = 2 * 1024 * 1024
/** Pages that take a CSV file (with or without Remix's `.data` suffix for fetches). */
export const CSV_PATHS = /^\/(admin\/users\/import|programmes\/[^/]+\/participants)(\.data)?$/
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])
const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * @param {{ refuse: (req: import('express').Request, res: import('express').Response, status: number, key: string) => void, formLimit?: number, csvLimit?: number }} options
 */
export function requestGuards({ refuse, formLimit = FORM_LIMIT, csvLimit = CSV_LIMIT }) {
  return (req, res, next) => {
    if (NO_BODY.has(req.method)) return next()
    const length = req.headers['content-length']
    const chunked = req.headers['transfer-encoding'] !== undefined
    if (length === undefined && chunked) return refuse(req, res, 411, 'request.tooLarge')
    const bytes = length === undefined ? 0 : Number(length)
    if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(req, res, 400, 'request.badInput')
    const limit = CSV_PATHS.test(req.path) ? csvLimit : formLimit
    if (bytes > limit) return refuse(req, res, 413, 'request.tooLarge')
    if (bytes > 0) {
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      if (!FORM_TYPES.has(type)) return refuse(req, res, 415, 'request.unsupported')
    }
    next()
  }
}

/** A small page for a refused request; the body is left unread and the connection closed. */
export function refusalPage(req, res, status, { lang, title, lead }) {
  res.set('Connection', 'close')
  // Discard (never keep) whatever the client still sends, so it reads the answer.
  req.resume()
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${lead}</p><p><a href="/">Mentornett</a></p></main></body></html>`,
    )
}
