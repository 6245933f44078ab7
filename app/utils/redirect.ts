const BASE = 'http://mentornett.invalid'

/**
 * The one check for user-supplied redirect targets (`redirectTo` fields and
 * parameters): a path on this site, or `fallback`. Refused: anything not
 * starting with a single `/`, other hosts in any spelling (`//x`, `/\x`,
 * `/%09/x`, `/%2F/x`), control characters and raw characters outside printable
 * ASCII (which cannot go into a Location header), and very long values.
 */
export function safeRedirect(to: unknown, fallback = '/dashboard'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback
  if (!/^\/[\x21-\x7e]*$/.test(to)) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(to)
  } catch {
    return fallback
  }
  // After decoding, whitespace and control characters a browser might drop must
  // not turn the path into another host.
  const squeezed = decoded.replace(/[\x00-\x20\x7f-\x9f]/g, '')
  if (squeezed.startsWith('//') || squeezed.startsWith('/\\') || /[\x00-\x1f\x7f]/.test(decoded)) return fallback
  const url = new URL(to, BASE)
  if (url.origin !== BASE) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
