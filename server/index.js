// Express server for the Remix build: security headers with a per-request CSP
// nonce, cross-origin write protection, health checks, static files and a
// graceful shutdown. Run `npm run build` first.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import closeWithGrace from 'close-with-grace'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { refusalPage, requestGuards } from './limits.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

process.env.NODE_ENV ??= 'production'
const MODE = process.env.NODE_ENV

// A single-instance installation (the demo, a small SQLite deployment) gets a
// random session secret kept next to its database. Several instances must share
// one: set SESSION_SECRET (see README).
if (!process.env.SESSION_SECRET) {
  const file = path.join(root, 'data', 'session-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 })
    console.log('Generated a session secret in data/session-secret (set SESSION_SECRET when running several instances).')
  }
  process.env.SESSION_SECRET = fs.readFileSync(file, 'utf8').trim()
}
const PORT = Number(process.env.PORT ?? 3000)
const HOST = process.env.HOST ?? '127.0.0.1'
const HTTPS = (process.env.APP_URL ?? '').startsWith('https:')

const build = await import(pathToFileURL(path.join(root, 'build/index.js')).href)
const hooks = build.entry.module

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
app.use(compression())

app.get('/healthz', (_req, res) => {
  res.type('text/plain').send('ok')
})
app.get('/healthz/db', async (_req, res) => {
  try {
    await hooks.pingDatabase()
    res.type('text/plain').send('ok')
  } catch (error) {
    console.error('healthz/db:', error)
    res.status(500).type('text/plain').send('database unavailable')
  }
})

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'strict-dynamic'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        'script-src-attr': ["'none'"],
        // Stylesheets only from our origin. Style attributes are refused: no
        // component renders one on the server, and scripts set styles through
        // the CSSOM, which this does not block.
        'style-src': ["'self'"],
        'style-src-attr': ["'none'"],
        ...(HTTPS ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: HTTPS ? { maxAge: 31536000, includeSubDomains: true } : false,
  }),
)

// Static files come after helmet, so they carry the same security headers.
// Fingerprinted assets are immutable; other public files get a short cache.
app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y', fallthrough: false }))
// Other public files have an extension; page paths skip the file-system lookup.
const publicFiles = express.static('public', { maxAge: '1h', index: false })
app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()))

// Anything answered to a signed-in browser (pages, data, CSV, PDF) stays out of
// shared and back-button caches.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?mn_session=/
app.use((req, res, next) => {
  if (SESSION_COOKIE.test(req.headers.cookie ?? '')) res.setHeader('Cache-Control', 'private, no-store')
  next()
})

// Refuse state-changing requests from other sites (CSRF): browsers send
// Sec-Fetch-Site and Origin; non-browser clients (no such headers) pass.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
app.use((req, res, next) => {
  if (SAFE.has(req.method)) return next()
  const site = req.get('sec-fetch-site')
  const origin = req.get('origin')
  let crossOrigin = site !== undefined && site !== 'same-origin' && site !== 'none'
  if (!crossOrigin && origin !== undefined) {
    try {
      crossOrigin = origin === 'null' || new URL(origin).host !== req.get('host')
    } catch {
      crossOrigin = true
    }
  }
  if (!crossOrigin) return next()
  res
    .status(403)
    .type('text/plain; charset=utf-8')
    .send('Forespørselen kom fra et annet nettsted og ble avvist.\nThe request came from another site and was refused.\n')
})

// Body limits and form-only bodies, before anything is read (server/limits.js).
app.use(
  requestGuards({
    refuse: (req, res, status, key) => {
      hooks
        .refusalText(req.headers.cookie, key)
        .then((text) => refusalPage(req, res, status, text))
        .catch((error) => {
          console.error(error)
          res.status(status).end()
        })
    },
  }),
)

const handler = createRequestHandler({
  build,
  mode: MODE,
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? 'unknown' }),
})
app.all('*', (req, res, next) => hooks.runWithRequestStore(() => handler(req, res, next)))

const server = app.listen(PORT, HOST, () => {
  console.log(`Mentornett listening on http://${HOST}:${PORT} (${MODE})`)
  if (!process.env.NO_BACKGROUND_JOBS) hooks.startBackgroundJobs()
})

closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
  if (err) console.error(err)
  else console.log(`${signal}: shutting down`)
  await new Promise((resolve) => server.close(resolve))
  await hooks.stopBackgroundJobs()
})
