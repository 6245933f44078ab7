// Runs before each integration test file: gives this worker a fresh copy of the
// migrated template and points DATABASE_URL at it before any app module loads.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PG_TEMPLATE, PG_URL, pgUrlFor, provider, SQLITE_TEMPLATE, TMP, WORKER_DB_PREFIX, workerId } from './test-db.ts'

const id = workerId()

// Worker threads keep globalThis between test files: drop the previous file's
// client so this file's connection opens its own fresh database.
const previous = globalThis as unknown as { __mentornettDb?: { $disconnect(): Promise<void> }; __mentornettDbReady?: unknown }
if (previous.__mentornettDb) {
  await previous.__mentornettDb.$disconnect().catch(() => {})
  delete previous.__mentornettDb
  delete previous.__mentornettDbReady
}

if (provider === 'sqlite') {
  const file = path.join(TMP, `worker-${id}.db`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  fs.copyFileSync(SQLITE_TEMPLATE, file)
  process.env.DATABASE_URL = `file:${file}`
} else {
  const database = `${WORKER_DB_PREFIX}${id}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${PG_TEMPLATE}"`)
  await admin.end()
  process.env.DATABASE_URL = pgUrlFor(database)
}
process.env.NODE_ENV = 'test'
process.env.APP_URL ??= 'http://mentornett.test'
