import { z } from 'zod'

const DEV_SECRET = 'dev-only-secret-change-me-in-production-0123456789'

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().default('file:./data/dev.db'),
    /** Comma-separated; the first signs new cookies, the rest still verify (rotation). */
    SESSION_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Public base URL used in e-mails (links to invitations, resets, verification). */
    APP_URL: z.string().url().default('http://localhost:3000'),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Mentornett <no-reply@mentornett.invalid>'),
    /** 'true' | 'false'; defaults to true in production. */
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    /** Adds an X-Query-Count header to every response (tests and benchmarks). */
    EXPOSE_QUERY_COUNT: z.enum(['0', '1']).default('0'),
    /** Turn rate limiting off only for load benchmarks. */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
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

export const isProduction = env.NODE_ENV === 'production'
export const cookieSecure = env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : isProduction
