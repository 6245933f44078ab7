// Bench data at national size: `seed:national --scale N` on top of the demo
// seed, then registers for the past gatherings of the largest municipality's
// run. Prints {"programmeId","gatheringId","coordinator","admin","mentors","users"} as JSON.
import { db } from '../../app/db.server.ts'
import { seedNational, SLUG_PREFIX } from '../../prisma/seed-national.ts'

const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1
const summary = await seedNational(scale)
const [largest] = await db.enrolment.groupBy({
  by: ['programmeId'],
  where: { programme: { municipality: { slug: { startsWith: SLUG_PREFIX } } } },
  _count: { programmeId: true },
  orderBy: { _count: { programmeId: 'desc' } },
  take: 1,
})
const programme = await db.programme.findUniqueOrThrow({ where: { id: largest.programmeId }, include: { gatherings: { orderBy: { startsAt: 'asc' } }, municipality: true, enrolments: true } })
const now = Date.now()
const past = programme.gatherings.filter((g) => g.startsAt.getTime() + g.durationMinutes * 60_000 <= now)
const data = past.flatMap((g, k) =>
  programme.enrolments
    .filter((e) => e.joinedOn <= g.startsAt && (!e.leftOn || e.leftOn >= g.startsAt))
    .map((e, i) => {
      const absent = (i + k) % 7 === 0
      return { gatheringId: g.id, userId: e.userId, programmeId: programme.id, status: absent ? 'absent' : 'present', minutesPresent: absent ? 0 : g.durationMinutes, recordedById: programme.coordinatorId }
    }),
)
for (let i = 0; i < data.length; i += 1000) await db.attendance.createMany({ data: data.slice(i, i + 1000) })
const slug = programme.municipality.slug
console.log(
  JSON.stringify({
    programmeId: programme.id,
    gatheringId: (past[past.length - 1] ?? programme.gatherings[0]).id,
    coordinator: `coordinator1@${slug}.nat.demo`,
    admin: `municipality_admin1@${slug}.nat.demo`,
    mentors: programme.enrolments.length,
    members: await db.membership.count({ where: { municipalityId: programme.municipalityId } }),
    users: summary.users,
  }),
)
await db.$disconnect()
