// Bench data on top of the demo seed: the 2018 programme grown to 30 mentors
// with registers and a diploma (or participation certificate) each.
// Prints {"programmeId","mentorId","gatheringId","diplomaId","diplomas"} as JSON.
import { db } from '../../app/db.server.ts'
import { issueDiplomas } from '../../app/modules/diplomas/index.ts'

const programme = await db.programme.findFirstOrThrow({ where: { year: 2018 }, include: { gatherings: true } })
const current = await db.enrolment.count({ where: { programmeId: programme.id } })
for (let i = current; i < 30; i++) {
  const user = await db.user.upsert({ where: { email: `bench${i}@trondheim.demo` }, create: { email: `bench${i}@trondheim.demo`, name: `Benk Mentor ${String(i).padStart(2, '0')}` }, update: {} })
  await db.membership.upsert({ where: { userId_municipalityId_role: { userId: user.id, municipalityId: programme.municipalityId, role: 'mentor' } }, create: { userId: user.id, municipalityId: programme.municipalityId, role: 'mentor' }, update: {} })
  await db.enrolment.create({ data: { programmeId: programme.id, userId: user.id, joinedOn: new Date('2018-01-01') } })
  await db.attendance.createMany({
    data: programme.gatherings.map((g, k) => ({ gatheringId: g.id, userId: user.id, programmeId: programme.id, status: (i + k) % 7 === 0 ? 'absent' : 'present', minutesPresent: (i + k) % 7 === 0 ? 0 : g.durationMinutes, recordedById: programme.coordinatorId })),
  })
}
const actor = { userId: programme.coordinatorId, municipalityId: programme.municipalityId }
await issueDiplomas(actor, programme.id, 'eligible', 'diploma', 'nb')
const rest = await db.enrolment.findMany({ where: { programmeId: programme.id }, select: { userId: true } })
await issueDiplomas(actor, programme.id, rest.map((r) => r.userId), 'participation', 'nb')
const diploma = await db.diploma.findFirstOrThrow({ where: { programmeId: programme.id, revokedAt: null } })

// Networks: Trondheim grown to 40 networks of 10 members, each meeting every
// second month for two years with a register (the municipality's network report).
const bench = await db.user.findMany({ where: { email: { startsWith: 'bench' } }, orderBy: { email: 'asc' }, select: { id: true } })
const now = new Date()
const twoYearsAgo = new Date(Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth(), now.getUTCDate(), 11))
for (let k = await db.network.count({ where: { municipalityId: programme.municipalityId } }); k < 40; k++) {
  const members = Array.from({ length: 10 }, (_, j) => bench[(k * 3 + j) % bench.length].id)
  const network = await db.network.create({ data: { municipalityId: programme.municipalityId, name: `Benknettverk ${String(k).padStart(2, '0')}`, contactId: members[0], createdById: programme.coordinatorId } })
  await db.networkMember.createMany({ data: members.map((userId) => ({ networkId: network.id, userId, municipalityId: programme.municipalityId, status: 'active', joinedAt: twoYearsAgo })) })
  for (let i = 0; i < 12; i++) {
    const startsAt = new Date(twoYearsAgo.getTime())
    startsAt.setUTCMonth(startsAt.getUTCMonth() + 2 * i)
    const meeting = await db.networkMeeting.create({ data: { networkId: network.id, municipalityId: programme.municipalityId, startsAt, durationMinutes: 120, topic: `Tema ${i % 6}`, createdById: members[0] } })
    await db.networkAttendance.createMany({
      data: members.map((userId, j) => ({ meetingId: meeting.id, networkId: network.id, userId, status: (i + j + k) % 4 === 0 ? 'absent' : 'present', minutesPresent: (i + j + k) % 4 === 0 ? 0 : 120, recordedById: members[0] })),
    })
  }
}
const day = (d: Date) => d.toISOString().slice(0, 10)
console.log(JSON.stringify({
  programmeId: programme.id, mentorId: rest[0].userId, gatheringId: programme.gatherings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[5].id, diplomaId: diploma.id, diplomas: await db.diploma.count({ where: { programmeId: programme.id, revokedAt: null } }),
  reportFrom: day(twoYearsAgo), reportTo: day(now), networks: await db.network.count({ where: { municipalityId: programme.municipalityId } }), meetings: await db.networkMeeting.count(),
}))
await db.$disconnect()
