// Bench data for case search: 50,000 cases spread over the demo municipalities
// (about half national, a fifth shared with the municipality, the rest
// private), written from a small vocabulary so common words match thousands
// of cases. The search index is filled by the database's triggers.
// Prints {"cases": n, "word": w} as JSON. Idempotent.
import { db } from '../../app/db.server.ts'

const N = Number(process.env.BENCH_CASES ?? 50_000)
const WORDS = `pasient beboer medisiner kveldsvakt morgenstell pårørende uro smerte samtale kollega mentee veiledning opplæring rutiner vaktskifte
dokumentasjon prioritering stress tillit grenser trygghet ernæring fall sårstell legevisitt demens angst søvn ensomhet medvirkning ansvar tilbakemelding
refleksjon erfaring usikkerhet samarbeid turnus nattevakt hjemmebesøk velferdsteknologi brannrutiner sykefravær mestring respekt verdighet`.split(/\s+/)

const existing = await db.case.count({ where: { id: { startsWith: 'cbenchcase' } } })
if (existing < N) {
  const municipalities = await db.municipality.findMany({ orderBy: { slug: 'asc' }, select: { id: true } })
  const owners = await db.user.findMany({ where: { memberships: { some: { role: 'mentor' } } }, select: { id: true, memberships: { select: { municipalityId: true }, take: 1 } } })
  const pick = (i: number, k: number) => WORDS[(i * 31 + k * 17 + ((i * k) % 13)) % WORDS.length]
  const sentence = (i: number, n: number, salt: number) => Array.from({ length: n }, (_, k) => pick(i + salt, k)).join(' ')
  for (let start = existing; start < N; start += 500) {
    const rows = []
    for (let i = start; i < Math.min(N, start + 500); i++) {
      const owner = owners[i % owners.length]!
      const scope = i % 10 < 5 ? 'national' : i % 10 < 7 ? 'municipality' : 'private'
      rows.push({
        id: `cbenchcase${String(i).padStart(14, '0')}`,
        municipalityId: owner.memberships[0]?.municipalityId ?? municipalities[0]!.id,
        ownerId: owner.id,
        title: `${sentence(i, 4, 1)} ${i}`,
        situation: `${sentence(i, 40, 2)}.`,
        question: `${sentence(i, 10, 3)}?`,
        thoughts: sentence(i, 8, 4),
        feelings: sentence(i, 5, 5),
        actions: sentence(i, 8, 6),
        bodily: sentence(i, 3, 7),
        serviceType: i % 2 ? 'home_care' : 'hvs',
        topic: ['personal', 'professional', 'social'][i % 3],
        method: ['reflecting-team', 'cognitive-diamond', 'pedagogical-sun'][i % 3],
        scope,
        review: scope === 'private' ? 'none' : 'approved',
        updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      })
    }
    await db.case.createMany({ data: rows })
  }
}
console.log(JSON.stringify({ cases: await db.case.count(), word: 'medisiner' }))
await db.$disconnect()
