// Playwright's web server: a fresh database (SQLite file, or PostgreSQL when
// E2E_DATABASE_URL is set), migrated and seeded, then the production server
// on 127.0.0.1. Runs in this process, so stopping it stops everything.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const pgUrl = process.env.E2E_DATABASE_URL

let databaseUrl
if (pgUrl) {
  const u = new URL(pgUrl)
  const database = u.pathname.slice(1) || 'mn_e2e'
  const admin = new pg.Client({ connectionString: Object.assign(new URL(pgUrl), { pathname: '/postgres' }).toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  databaseUrl = u.toString()
} else {
  const file = path.resolve(root, process.env.E2E_SQLITE_FILE ?? 'test/.tmp/e2e.db')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  databaseUrl = `file:${file}`
}

const port = process.env.E2E_PORT ?? '3210'
Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  PORT: port,
  HOST: '127.0.0.1',
  NODE_ENV: 'production',
  APP_URL: `http://127.0.0.1:${port}`,
  SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123456789',
  NO_BACKGROUND_JOBS: '1',
  EXPOSE_QUERY_COUNT: process.env.EXPOSE_QUERY_COUNT ?? '0',
})
delete process.env.SMTP_URL

const tsx = path.join(root, 'node_modules/.bin/tsx')
for (const script of [['prisma/tools/db.ts', 'deploy'], ['prisma/seed.ts']]) {
  const r = spawnSync(tsx, script, { cwd: root, stdio: 'inherit', env: process.env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
await import('../../server/index.js')
