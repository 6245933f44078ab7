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

/** Counting stops here: "1000+" is as useful as an exact figure and keeps common words cheap. */
export const COUNT_CAP = 1000

/**
 * One page of the cases the viewer may see that match the words and filters,
 * and the total (capped at COUNT_CAP). With words, results are ordered by
 * relevance while at most COUNT_CAP cases match, and newest first beyond that
 * (ranking tens of thousands of matches costs more than it helps); without
 * words, newest first.
 */
export async function searchCases(viewer: Viewer, f: SearchInput): Promise<{ hits: SearchHit[]; total: number; capped: boolean; page: number; pages: number }> {
  const audience = await loadAudience(viewer)
  const words = queryWords(f.q)
  const where = [visibleSql(audience), ...filterSql(viewer, f)]
  const page = Math.max(1, f.page ?? 1)
  const offset = (page - 1) * PAGE_SIZE
  const recent = Prisma.sql`c."updatedAt" DESC, c."id"`
  let from: Prisma.Sql
  let rank: Prisma.Sql | null = null
  if (!words.length) from = Prisma.sql`"Case" c WHERE ${Prisma.join(where, ' AND ')}`
  else if (isPostgres) {
    const tsq = words.map((x) => `${x}:*`).join(' & ')
    from = Prisma.sql`"Case" c JOIN "CaseSearch" s ON s."caseId" = c."id" WHERE ${Prisma.join([Prisma.sql`s."document" @@ to_tsquery('norwegian', ${tsq})`, ...where], ' AND ')}`
    rank = Prisma.sql`ts_rank(s."document", to_tsquery('norwegian', ${tsq})) DESC, ${recent}`
  } else {
    // Each word as a quoted prefix term: "word"* (words hold letters and digits only).
    const match = words.map((x) => `"${x}"*`).join(' ')
    from = Prisma.sql`"CaseSearch" JOIN "Case" c ON c.rowid = "CaseSearch".rowid WHERE ${Prisma.join([Prisma.sql`"CaseSearch" MATCH ${match}`, ...where], ' AND ')}`
    rank = Prisma.sql`"CaseSearch".rank, ${recent}`
  }
  const counted = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${COUNT_CAP + 1}) t`
  const n = Number(counted[0]?.n ?? 0)
  const capped = n > COUNT_CAP
  const total = Math.min(n, COUNT_CAP)
  // Newest first on SQLite walks the updatedAt index and stops after one page; its planner
  // would otherwise gather every visible row through the OR of the visibility rule and sort.
  if (!isPostgres && (capped || !words.length)) {
    const filter = words.length ? [Prisma.sql`c.rowid IN (SELECT rowid FROM "CaseSearch" WHERE "CaseSearch" MATCH ${words.map((x) => `"${x}"*`).join(' ')})`, ...where] : where
    from = Prisma.sql`"Case" c INDEXED BY "Case_updatedAt_idx" WHERE ${Prisma.join(filter, ' AND ')}`
  }
  const order = rank && !capped ? rank : recent
  const hits = n === 0 || offset >= n ? [] : await db.$queryRaw<SearchHit[]>`SELECT ${COLUMNS} FROM ${from} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset}`
  return { hits: hits.map((h) => ({ ...h, updatedAt: new Date(h.updatedAt) })), total, capped, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** Municipalities for the filter (their names are public). */
export async function searchFacets() {
  return { municipalities: await db.municipality.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }) }
}
