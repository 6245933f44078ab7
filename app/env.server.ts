import { z } from 'zod'

const DEV_SECRET = 'dev-only-secret-change-me-in-production-0123456789'

/**
 * Where links point when APP_URL is not set: the address the server itself
 * listens on (PORT and HOST, as server/index.js reads them), so a dev server on
 * another port still e-mails working links. Production must set APP_URL.
 */
export function defaultAppUrl(source: Record<string, string | undefined>): string {
  const port = /^\d{1,5}$/.test(source.PORT ?? '') ? Number(source.PORT) : 3000
  const raw = (source.HOST ?? '').trim()
  // A wildcard address is no place to send a browser to.
  const host = !raw || raw === '0.0.0.0' || raw === '::' || raw === '127.0.0.1' ? 'localhost' : raw.includes(':') && !raw.startsWith('[') ? `[${raw}]` : raw
  return `http://${host}:${port}`
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().default('file:./data/dev.db'),
    /** Comma-separated; the first signs new cookies, the rest still verify (rotation). */
    SESSION_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Public base URL used in e-mails, PDFs and calendars (links to invitations, resets, verification). */
    APP_URL: z.string().url().default(defaultAppUrl(process.env)),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Mentornett <no-reply@mentornett.invalid>'),
    /** 'true' | 'false'; defaults to true in production. */
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    /** Adds an X-Query-Count header to every response (tests and benchmarks). */
    EXPOSE_QUERY_COUNT: z.enum(['0', '1']).default('0'),
    /** Serves /_floor, the benchmark's bare page; '0' (a 404) unless the benchmark asks. */
    BENCH_FLOOR: z.enum(['0', '1']).default('0'),
    /** Turn rate limiting off only for load benchmarks. */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    /** Survey results are shown only once this many have answered (also per sub-group). */
    SURVEY_MIN_RESPONSES: z.coerce.number().int().min(3).max(50).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === DEV_SECRET && !process.env.ALLOW_DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set in production' })
    }
  })

function load() {
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}

export const env = load()

if (env.NODE_ENV === 'production' && !process.env.APP_URL) {
  console.warn(`APP_URL is not set: links in e-mails, PDFs and calendars point to ${env.APP_URL}. Set APP_URL to the public address.`)
}

export const isProduction = env.NODE_ENV === 'production'
export const cookieSecure = env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : isProduction
