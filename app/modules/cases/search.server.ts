// Full-text search over the cases a viewer may see: SQLite FTS5 on the default
// database, PostgreSQL full-text search (tsvector + GIN) on PostgreSQL, behind
// this one function. The visibility clause is tenancy's rule written in SQL;
// test/integration/cases.test.ts compares it with visibleWhere.
import { db, isPostgres, Prisma } from '~/db.server.ts'
import type { Viewer } from '~/modules/auth/index.ts'
import { loadAudience, type Audience } from '~/modules/tenancy/index.ts'
import type { SearchInput } from './schemas.ts'

export const PAGE_SIZE = 20

export type SearchHit = { id: string; title: string; scope: string; serviceType: string | null; topic: string | null; method: string | null; municipalityId: string; updatedAt: Date; ownerId: string }

/** Words of the query (letters and digits only), so no query syntax reaches FTS5 or to_tsquery. */
export function queryWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? []
}

/** tenancy's visibility rule as SQL over "Case" c. */
function visibleSql(a: Audience): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."ownerId" = ${a.userId}`, Prisma.sql`c."scope" = 'national'`]
  if (a.municipalityId) parts.push(Prisma.sql`(c."scope" = 'municipality' AND c."municipalityId" = ${a.municipalityId})`)
  if (a.programmeIds.length) parts.push(Prisma.sql`(c."scope" = 'programme' AND c."programmeId" IN (${Prisma.join([...a.programmeIds])}))`)
  if (a.networkIds.length) parts.push(Prisma.sql`(c."scope" = 'network' AND c."networkId" IN (${Prisma.join([...a.networkIds])}))`)
  return Prisma.sql`(${Prisma.join(parts, ' OR ')})`
}

function filterSql(viewer: Viewer, f: SearchInput): Prisma.Sql[] {
  const out: Prisma.Sql[] = []
  if (f.serviceType) out.push(Prisma.sql`c."serviceType" = ${f.serviceType}`)
  if (f.topic) out.push(Prisma.sql`c."topic" = ${f.topic}`)
  if (f.method) out.push(Prisma.sql`c."method" = ${f.method}`)
  if (f.municipalityId) out.push(Prisma.sql`c."municipalityId" = ${f.municipalityId}`)
  if (f.scope) out.push(Prisma.sql`c."scope" = ${f.scope}`)
  if (f.mine) out.push(Prisma.sql`c."ownerId" = ${viewer.userId}`)
  return out
}

const COLUMNS = Prisma.sql`c."id", c."title", c."scope", c."serviceType", c."topic", c."method", c."municipalityId", c."updatedAt", c."ownerId"`

/**
 * One page of the cases the viewer may see that match the words and filters,
 * best matches first (newest first without words), and the total.
 */
export async function searchCases(viewer: Viewer, f: SearchInput): Promise<{ hits: SearchHit[]; total: number; page: number; pages: number }> {
  const audience = await loadAudience(viewer)
  const words = queryWords(f.q)
  const where = [visibleSql(audience), ...filterSql(viewer, f)]
  const page = Math.max(1, f.page ?? 1)
  const offset = (page - 1) * PAGE_SIZE
  let rows: Promise<SearchHit[]>
  let count: Promise<{ n: number | bigint }[]>
  if (!words.length) {
    const w = Prisma.join(where, ' AND ')
    rows = db.$queryRaw<SearchHit[]>`SELECT ${COLUMNS} FROM "Case" c WHERE ${w} ORDER BY c."updatedAt" DESC, c."id" LIMIT ${PAGE_SIZE} OFFSET ${offset}`
    count = db.$queryRaw`SELECT COUNT(*) AS n FROM "Case" c WHERE ${w}`
  } else if (isPostgres) {
    const tsq = words.map((x) => `${x}:*`).join(' & ')
    const w = Prisma.join([Prisma.sql`s."document" @@ to_tsquery('norwegian', ${tsq})`, ...where], ' AND ')
    rows = db.$queryRaw<SearchHit[]>`SELECT ${COLUMNS} FROM "Case" c JOIN "CaseSearch" s ON s."caseId" = c."id" WHERE ${w}
      ORDER BY ts_rank(s."document", to_tsquery('norwegian', ${tsq})) DESC, c."updatedAt" DESC, c."id" LIMIT ${PAGE_SIZE} OFFSET ${offset}`
    count = db.$queryRaw`SELECT COUNT(*) AS n FROM "Case" c JOIN "CaseSearch" s ON s."caseId" = c."id" WHERE ${w}`
  } else {
    // Each word as a quoted prefix term: "word"* (words hold letters and digits only).
    const match = words.map((x) => `"${x}"*`).join(' ')
    const w = Prisma.join([Prisma.sql`"CaseSearch" MATCH ${match}`, ...where], ' AND ')
    rows = db.$queryRaw<SearchHit[]>`SELECT ${COLUMNS} FROM "CaseSearch" JOIN "Case" c ON c.rowid = "CaseSearch".rowid WHERE ${w}
      ORDER BY "CaseSearch".rank, c."updatedAt" DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`
    count = db.$queryRaw`SELECT COUNT(*) AS n FROM "CaseSearch" JOIN "Case" c ON c.rowid = "CaseSearch".rowid WHERE ${w}`
  }
  const [hits, counted] = await Promise.all([rows, count])
  const total = Number(counted[0]?.n ?? 0)
  return { hits: hits.map((h) => ({ ...h, updatedAt: new Date(h.updatedAt) })), total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** Municipalities for the filter (their names are public). */
export async function searchFacets() {
  return { municipalities: await db.municipality.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }) }
}
