// The one Prisma client. SQLite (better-sqlite3) by default; PostgreSQL when
// DATABASE_URL starts with postgres. Both generated clients share one model
// API; the app is typed against the SQLite one.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient, Prisma } from './generated/prisma/client.ts'
import { PrismaClient as PostgresClient } from './generated/prisma-postgres/client.ts'
import { env } from './env.server.ts'
import { requestStore } from './utils/request-context.server.ts'

export type Db = SqliteClient
export type Tx = Prisma.TransactionClient
export { Prisma }

export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL)

type QueryListener = (sql: string) => void
const listeners = new Set<QueryListener>()

/** Count SQL statements while `fn` runs (tests). */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
  const statements: string[] = []
  const listener: QueryListener = (sql) => statements.push(sql)
  listeners.add(listener)
  try {
    const result = await fn()
    return { result, queries: statements.length, statements }
  } finally {
    listeners.delete(listener)
  }
}

function create(): Db {
  const log = [{ emit: 'event' as const, level: 'query' as const }]
  const client = isPostgres
    ? (new PostgresClient({
        adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) }),
        log,
      }) as unknown as Db)
    : new SqliteClient({
        adapter: new PrismaBetterSqlite3({ url: env.DATABASE_URL, timeout: 5000 }),
        log,
      })
  ;(client as unknown as { $on: (e: 'query', cb: (e: { query: string }) => void) => void }).$on('query', (e) => {
    const store = requestStore()
    if (store) store.queries++
    for (const l of listeners) l(e.query)
  })
  return client
}

const globalForDb = globalThis as unknown as { __mentornettDb?: Db; __mentornettDbReady?: Promise<void> }

export const db: Db = (globalForDb.__mentornettDb ??= create())

async function configure() {
  if (isPostgres) return
  // One better-sqlite3 connection per process: these settings hold for its lifetime.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
}

export const dbReady: Promise<void> = (globalForDb.__mentornettDbReady ??= configure())
await dbReady

/** Used by /healthz/db. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1')
}
