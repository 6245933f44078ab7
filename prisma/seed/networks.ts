// Demo district networks in Trondheim (the report's recommendation after the
// pilot): Østbyen, run by nettverk@trondheim.demo, and Midtbyen. Meetings every
// second month up to now with attendance, one upcoming, published minutes for
// the latest held meeting, and a mentor from Farsund who accepted an
// invitation. Idempotent: networks by name; meetings only when a network has none.
import { db } from '../../app/db.server.ts'
import { addMonths } from '../../app/modules/networks/rhythm.ts'
import { osloInstant, osloParts } from '../../app/modules/curriculum/schedule.ts'

type DemoNetwork = { name: string; district: string; contact: string; members: string[]; external?: { email: string; municipality: string }[]; topics: string[] }

const NETWORKS: DemoNetwork[] = [
  {
    name: 'Mentornettverk Østbyen',
    district: 'Østbyen',
    contact: 'nettverk@trondheim.demo',
    members: ['mentor3@trondheim.demo', 'mentor4@trondheim.demo', 'mentor7@trondheim.demo', 'mentor8@trondheim.demo'],
    external: [{ email: 'regional@agder.demo', municipality: 'farsund' }],
    topics: ['Første møte: forventninger og møteform', 'Når mentee strever med vaktene', 'Refleksjon med den kognitive diamanten', 'Grenser for mentorrollen', 'Oppfølging etter sommeren'],
  },
  {
    name: 'Mentornettverk Midtbyen',
    district: 'Midtbyen',
    contact: 'mentor9@trondheim.demo',
    members: ['mentor@trondheim.demo', 'mentor10@trondheim.demo', 'mentor11@trondheim.demo', 'mentor12@trondheim.demo'],
    topics: ['Oppstart av nettverket', 'Reflekterende team i praksis', 'Samtaler som stopper opp', 'Erfaringer fra første halvår'],
  },
]

export async function seedNetworks(now = new Date()) {
  const trondheim = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' } })
  const lead = await db.user.findUniqueOrThrow({ where: { email: 'hovedansvarlig@trondheim.demo' } })
  for (const n of NETWORKS) {
    const district = await db.district.findFirstOrThrow({ where: { municipalityId: trondheim.id, name: n.district } })
    const contact = await db.user.findUniqueOrThrow({ where: { email: n.contact } })
    const network = await db.network.upsert({
      where: { municipalityId_name: { municipalityId: trondheim.id, name: n.name } },
      create: { municipalityId: trondheim.id, districtId: district.id, name: n.name, contactId: contact.id, rhythmMonths: 2, createdById: lead.id, description: 'Mentorer fra hjemmetjenesten og helse- og velferdssentrene i bydelen møtes annenhver måned.' },
      update: {},
    })
    const firstMeeting = addMonths(now, -2 * (n.topics.length - 1))
    const people = [
      ...[n.contact, ...n.members].map((email) => ({ email, municipalityId: trondheim.id })),
      ...(n.external ?? []).map((x) => ({ email: x.email, municipalityId: '' as string, slug: x.municipality })),
    ]
    const ids: string[] = []
    for (const p of people) {
      const user = await db.user.findUniqueOrThrow({ where: { email: p.email } })
      const municipalityId = 'slug' in p ? (await db.municipality.findUniqueOrThrow({ where: { slug: p.slug as string } })).id : p.municipalityId
      await db.networkMember.upsert({
        where: { networkId_userId: { networkId: network.id, userId: user.id } },
        create: { networkId: network.id, userId: user.id, municipalityId, status: 'active', joinedAt: addMonths(firstMeeting, -1), invitedById: 'slug' in p ? contact.id : null },
        update: {},
      })
      ids.push(user.id)
    }
    if (await db.networkMeeting.count({ where: { networkId: network.id } })) continue
    // Held meetings every second month up to now, then one a few weeks ahead.
    const dates = n.topics.map((_, i) => addMonths(firstMeeting, 2 * i))
    let lastHeld: { id: string; topic: string } | null = null
    for (const [i, topic] of n.topics.entries()) {
      const day = osloParts(dates[i]).date
      const held = i < n.topics.length - 1
      const startsAt = held ? osloInstant(day, '13:00') : osloInstant(osloParts(new Date(now.getTime() + 21 * 86_400_000)).date, '13:00')
      const meeting = await db.networkMeeting.create({
        data: { networkId: network.id, municipalityId: trondheim.id, startsAt, durationMinutes: 120, location: n.district === 'Østbyen' ? 'Dragvoll helse- og velferdssenter, møterom 2' : 'Ilsvika helse- og velferdssenter', topic, agenda: 'Runde: hvordan går det med mentee?\nTema for dagen\nVeien videre og neste tema', methodSlug: topic.includes('diamanten') ? 'cognitive-diamond' : topic.includes('Reflekterende') ? 'reflecting-team' : null, createdById: contact.id, reminderSentAt: held ? startsAt : null },
      })
      if (!held) continue
      // Everyone but one member at most meetings; the last member has missed the latest ones.
      await db.networkAttendance.createMany({
        data: ids.map((userId, k) => {
          const absent = (k === ids.length - 1 && i >= n.topics.length - 3) || (k + i) % 5 === 4
          return { meetingId: meeting.id, networkId: network.id, userId, status: absent ? 'absent' : 'present', minutesPresent: absent ? 0 : 120, recordedById: contact.id }
        }),
      })
      lastHeld = { id: meeting.id, topic }
    }
    if (lastHeld && !(await db.minutes.findUnique({ where: { meetingId: lastHeld.id } }))) {
      const present = await db.networkAttendance.findMany({ where: { meetingId: lastHeld.id, minutesPresent: { gt: 0 } }, select: { userId: true } })
      await db.minutes.create({
        data: {
          municipalityId: trondheim.id, meetingId: lastHeld.id, networkId: network.id, authorId: contact.id, title: `${n.name}: ${lastHeld.topic}`,
          status: 'published', audience: 'network', version: 1, publishedAt: now,
          versions: { create: { version: 1, createdById: contact.id, body: `## ${lastHeld.topic}\n\n- Runde der alle fortalte kort hvordan det går med sin mentee.\n- Vi snakket om hvordan man kan avtale faste tidspunkt for samtalene.\n- Neste gang: vi tar med hver vår situasjon fra praksis, uten navn.\n` } },
          reviews: { create: present.filter((p) => p.userId !== contact.id).map((p) => ({ version: 1, userId: p.userId, status: 'approved', answeredAt: now })) },
        },
      })
    }
  }
}
