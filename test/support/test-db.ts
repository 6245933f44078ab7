// Where integration tests keep their databases: a SQLite file per worker, or
// (TEST_DATABASE_URL set) a PostgreSQL database per worker, both cloned from a
// template migrated once per run.
import path from 'node:path'
import { threadId } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const TMP = path.join(ROOT, 'test/.tmp')
export const PG_URL = process.env.TEST_DATABASE_URL || ''
export const provider: 'sqlite' | 'postgresql' = PG_URL ? 'postgresql' : 'sqlite'

export const SQLITE_TEMPLATE = path.join(TMP, 'template.db')
/**
 * Prefix of every PostgreSQL database a test run creates. Set TEST_NS to run
 * several checkouts against one server without dropping each other's databases.
 */
export const NS = (process.env.TEST_NS || 'test').replace(/[^a-z0-9_]/gi, '').toLowerCase()
export const PG_TEMPLATE = `mn_${NS}_template`

export function pgUrlFor(database: string): string {
  const u = new URL(PG_URL)
  u.pathname = `/${database}`
  return u.toString()
}

/** Unique among test files running at the same time (in processes or in threads). */
export function workerId(): string {
  return threadId ? `${process.pid}_${threadId}` : String(process.pid)
}

export const WORKER_DB_PREFIX = `mn_${NS}_p`

/** A PostgreSQL server for tests that need one whatever the run's database. */
export const ANY_PG_URL = PG_URL || process.env.PG_URL || 'postgresql://postgres@127.0.0.1:5432/test'
