import { db, isPostgres, Prisma } from '~/db.server.ts'

const TABLES = Object.values(Prisma.ModelName)

/** Empties every table (fast reset between tests that need a clean slate). */
export async function resetDb() {
  if (isPostgres) {
    await db.$executeRawUnsafe(`TRUNCATE TABLE ${TABLES.map((t) => `"${t}"`).join(', ')} CASCADE`)
    return
  }
  await db.$executeRawUnsafe('PRAGMA foreign_keys = OFF')
  try {
    for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`)
  } finally {
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  }
}
