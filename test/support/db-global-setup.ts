import fs from 'node:fs'
import pg from 'pg'
import { applyMigrations } from '../../prisma/tools/engine.ts'
import { PG_TEMPLATE, PG_URL, pgUrlFor, provider, SQLITE_TEMPLATE, TMP, WORKER_DB_PREFIX } from './test-db.ts'

/** Migrates the template database once per test run. */
export async function setup() {
  fs.mkdirSync(TMP, { recursive: true })
  if (provider === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(SQLITE_TEMPLATE + suffix, { force: true })
    await applyMigrations(`file:${SQLITE_TEMPLATE}`)
    return
  }
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${PG_TEMPLATE}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${PG_TEMPLATE}"`)
  await admin.end()
  await applyMigrations(pgUrlFor(PG_TEMPLATE))
}

/** Removes the per-file databases and files of this run. */
export async function teardown() {
  if (provider === 'sqlite') {
    for (const f of fs.readdirSync(TMP)) if (/^worker-\d+\.db/.test(f)) fs.rmSync(`${TMP}/${f}`, { force: true })
    return
  }
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE '${WORKER_DB_PREFIX}%'`)
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  await admin.end()
}
