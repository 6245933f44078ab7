// Database tooling that works without Prisma's native engines.
//   tsx prisma/tools/db.ts generate        derive the PostgreSQL schema, generate both clients
//   tsx prisma/tools/db.ts diff <name>     write a migration for SQLite and PostgreSQL
//   tsx prisma/tools/db.ts check           exit 1 when the schema has changes without migrations
//   tsx prisma/tools/db.ts deploy          apply migrations to DATABASE_URL
//   tsx prisma/tools/db.ts status          migration history of DATABASE_URL
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ROOT, TARGETS, applyMigrations, migrationStatus, pendingDiff, providerOf, writePostgresSchema, type Provider,
} from './engine.ts'

export const DEFAULT_SQLITE_URL = 'file:./data/dev.db'
const PG_URL = process.env.SHADOW_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

function scratchSqliteUrl() {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mn-diff-')), 'scratch.db')}`
}

function urlFor(provider: Provider) {
  return provider === 'sqlite' ? scratchSqliteUrl() : PG_URL
}

function timestamp() {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

async function generate() {
  writePostgresSchema()
  for (const schema of [TARGETS.sqlite.schema, TARGETS.postgresql.schema]) {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/prisma/build/index.js'), 'generate', '--config', path.join(ROOT, 'prisma/prisma.config.ts'), '--schema', schema],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', cwd: ROOT },
    )
    if (r.status !== 0) {
      process.stdout.write(r.stdout ?? '')
      throw new Error(`prisma generate failed for ${path.relative(ROOT, schema)}`)
    }
    const line = (r.stdout ?? '').split('\n').find((l) => l.includes('Generated'))
    console.log(line?.trim() ?? `generated ${schema}`)
  }
}

async function diff(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: db.ts diff <name> (lower-case letters, digits, _)')
  writePostgresSchema()
  const stamp = timestamp()
  let wrote = 0
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const sql = await pendingDiff(urlFor(provider))
    if (!sql.trim()) {
      console.log(`${provider}: no changes`)
      continue
    }
    const dir = path.join(TARGETS[provider].migrations, `${stamp}_${name}`)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
    console.log(`${provider}: wrote ${path.relative(ROOT, dir)}/migration.sql`)
    wrote++
  }
  return wrote
}

async function check() {
  writePostgresSchema()
  let dirty = 0
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const sql = await pendingDiff(urlFor(provider))
    if (sql.trim()) {
      dirty++
      console.error(`${provider}: the schema has changes without a migration:\n${sql}`)
    } else console.log(`${provider}: migrations match the schema`)
  }
  return dirty
}

async function main() {
  const [command, arg] = process.argv.slice(2)
  const url = process.env.DATABASE_URL ?? DEFAULT_SQLITE_URL
  switch (command) {
    case 'generate':
      await generate()
      break
    case 'diff':
      await diff(arg)
      break
    case 'check':
      process.exitCode = (await check()) ? 1 : 0
      break
    case 'deploy': {
      const applied = await applyMigrations(url)
      console.log(`${providerOf(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations'}`)
      break
    }
    case 'status':
      console.log(JSON.stringify(await migrationStatus(url), null, 2))
      break
    default:
      throw new Error('usage: db.ts generate | diff <name> | check | deploy | status')
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  // The engine leaves a timer behind on PostgreSQL; end the process explicitly.
  .finally(() => setTimeout(() => process.exit(), 10))
