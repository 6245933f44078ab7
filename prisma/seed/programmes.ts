// Demo programme runs: Trondheim's 2018 pilot on its real dates (late joiners
// and leavers included), and a run in the current year so dashboards have a
// next gathering. Idempotent: a run is found by municipality, name and year.
import { db } from '../../app/db.server.ts'
import { nationalCurriculum } from '../../app/modules/curriculum/templates.server.ts'
import { minutesBetween, osloInstant, suggestSchedule } from '../../app/modules/curriculum/schedule.ts'

type Enrol = { email: string; joinedOn: string; leftOn?: string; leftReason?: string }

async function ensureRun(opts: { slug: string; name: string; year: number; location: string; coordinator: string; enrol: Enrol[]; lang?: 'nb' | 'nn' }) {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: opts.slug } })
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: opts.coordinator } })
  let programme = await db.programme.findFirst({ where: { municipalityId: municipality.id, name: opts.name, year: opts.year } })
  if (!programme) {
    const curriculum = nationalCurriculum('ntnu-2018', opts.lang ?? 'nb')!
    const schedule = suggestSchedule(curriculum.sessions, opts.year)
    programme = await db.programme.create({
      data: {
        municipalityId: municipality.id,
        sourceSlug: curriculum.slug,
        name: opts.name,
        year: opts.year,
        coordinatorId: coordinator.id,
        location: opts.location,
        requiredMinutes: curriculum.requiredMinutes,
        startsOn: osloInstant(`${opts.year}-01-01`, '00:00'),
        endsOn: osloInstant(`${opts.year}-12-31`, '23:59'),
      },
    })
    await db.gathering.createMany({
      data: curriculum.sessions.map((s, i) => ({
        programmeId: programme!.id,
        order: i + 1,
        kind: s.kind,
        title: s.title,
        theme: s.theme,
        startsAt: osloInstant(schedule[i].date, schedule[i].start),
        durationMinutes: minutesBetween(schedule[i].date, schedule[i].start, schedule[i].end),
        location: opts.location,
        preparation: JSON.stringify(s.preparation),
        agenda: JSON.stringify(s.agenda),
        methods: s.methods.join(','),
        contentSlug: s.slug,
      })),
    })
  }
  for (const e of opts.enrol) {
    const user = await db.user.findUniqueOrThrow({ where: { email: e.email } })
    await db.enrolment.upsert({
      where: { programmeId_userId: { programmeId: programme.id, userId: user.id } },
      create: {
        programmeId: programme.id,
        userId: user.id,
        joinedOn: osloInstant(e.joinedOn, '00:00'),
        leftOn: e.leftOn ? osloInstant(e.leftOn, '23:59') : null,
        leftReason: e.leftReason ?? null,
      },
      update: {},
    })
  }
  return programme
}

const mentor = (n: number) => (n === 1 ? 'mentor@trondheim.demo' : `mentor${n}@trondheim.demo`)

/**
 * 2018 attendance as it went: only one mentor (Åse) came to everything; the
 * others missed some or left early; the August joiners came to all they could.
 * Per mentor: gathering order → minutes (missing = not there; the duration = the whole time).
 */
const ATTENDANCE_2018: Record<number, Record<number, number | 'all'>> = {
  1: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 1, 'all'])),
  2: { 1: 'all', 2: 'all', 3: 'all', 5: 'all', 6: 'all', 7: 'all', 8: 'all', 9: 'all', 10: 'all', 11: 'all', 12: 'all' },
  3: { 1: 'all', 2: 'all', 3: 'all', 4: 'all', 5: 'all', 7: 'all', 8: 'all', 10: 'all', 11: 'all', 12: 'all' },
  4: { 1: 'all', 2: 120, 3: 'all', 4: 'all', 5: 'all', 6: 'all', 7: 'all', 8: 'all', 9: 'all', 10: 300, 11: 'all', 12: 'all' },
  5: { 1: 'all', 3: 'all', 4: 'all', 6: 'all', 8: 'all', 9: 'all', 10: 'all', 12: 'all' },
  6: { 1: 'all', 2: 'all', 4: 'all', 5: 'all', 6: 'all', 7: 'all', 9: 'all', 10: 'all', 11: 'all', 12: 'all' },
  7: { 1: 'all', 2: 'all', 3: 'all', 4: 'all', 5: 'all', 6: 'all', 7: 'all', 8: 'all', 9: 'all', 10: 'all', 11: 'all' },
  8: { 1: 'all', 2: 'all', 3: 'all', 5: 'all' },
  9: { 1: 'all', 2: 'all', 3: 'all', 4: 'all', 5: 90, 6: 'all', 7: 'all', 8: 'all' },
  10: { 1: 'all', 2: 'all', 3: 'all', 4: 'all', 5: 'all', 6: 'all', 8: 'all', 9: 'all', 10: 'all', 11: 'all', 12: 'all' },
  11: { 7: 'all', 8: 'all', 9: 'all', 10: 'all', 11: 'all', 12: 'all' },
  12: { 7: 'all', 8: 'all', 10: 'all', 11: 'all', 12: 'all' },
}

async function seedAttendance2018(programmeId: string, coordinatorId: string) {
  const gatherings = await db.gathering.findMany({ where: { programmeId }, orderBy: { order: 'asc' } })
  for (const [n, plan] of Object.entries(ATTENDANCE_2018)) {
    const user = await db.user.findUniqueOrThrow({ where: { email: mentor(Number(n)) } })
    const enrolment = await db.enrolment.findUniqueOrThrow({ where: { programmeId_userId: { programmeId, userId: user.id } } })
    for (const g of gatherings) {
      const value = plan[g.order]
      // Gatherings held while enrolled but not attended are recorded as absent (0 minutes).
      const enrolled = g.startsAt >= enrolment.joinedOn && (!enrolment.leftOn || g.startsAt <= enrolment.leftOn)
      if (value === undefined && !enrolled) continue
      const minutes = value === undefined ? 0 : value === 'all' ? g.durationMinutes : value
      await db.attendance.upsert({
        where: { gatheringId_userId: { gatheringId: g.id, userId: user.id } },
        create: { gatheringId: g.id, userId: user.id, programmeId, status: minutes === g.durationMinutes ? 'present' : minutes === 0 ? 'absent' : 'partial', minutesPresent: minutes, recordedById: coordinatorId },
        update: {},
      })
    }
  }
  // Mentor 3 caught up on the April gathering with the Farsund group.
  const three = await db.user.findUniqueOrThrow({ where: { email: mentor(3) } })
  if (!(await db.attendanceCredit.count({ where: { programmeId, userId: three.id } }))) {
    await db.attendanceCredit.create({ data: { programmeId, userId: three.id, minutes: 180, kind: 'catch-up', reason: 'Tok igjen aprilsamlingen sammen med gruppa i Farsund', grantedById: coordinatorId } })
  }
}

export async function seedProgrammes() {
  // 2018: ten mentors from the kick-off, two who joined in August, two who left.
  const pilot = await ensureRun({
    slug: 'trondheim',
    name: 'Kompetanseprogram for mentorer 2018',
    year: 2018,
    location: 'NTNU',
    coordinator: 'koordinator@trondheim.demo',
    enrol: [
      ...[1, 2, 3, 4, 5, 6, 7, 10].map((n) => ({ email: mentor(n), joinedOn: '2018-01-11' })),
      { email: mentor(8), joinedOn: '2018-01-11', leftOn: '2018-05-31', leftReason: 'Ny stilling' },
      { email: mentor(9), joinedOn: '2018-01-11', leftOn: '2018-09-30', leftReason: 'Permisjon' },
      { email: mentor(11), joinedOn: '2018-08-21' },
      { email: mentor(12), joinedOn: '2018-08-21' },
    ],
  })
  await seedAttendance2018(pilot.id, pilot.coordinatorId)
  // This year's run and next year's, so there is always a next gathering.
  const thisYear = new Date().getUTCFullYear()
  for (const year of [thisYear, thisYear + 1]) {
    await ensureRun({
      slug: 'trondheim',
      name: `Kompetanseprogram for mentorer ${year}`,
      year,
      location: 'Trondheim rådhus',
      coordinator: 'koordinator@trondheim.demo',
      enrol: [1, 2, 3, 4, 5, 6].map((n) => ({ email: mentor(n), joinedOn: `${year}-01-01` })).concat([{ email: 'nettverk@trondheim.demo', joinedOn: `${year}-01-01` }]),
    })
  }
  // Bjørnafjorden plans in nynorsk: the gatherings carry the nynorsk texts.
  for (const year of [thisYear, thisYear + 1]) {
    await ensureRun({
      slug: 'bjornafjorden',
      name: `Kompetanseprogram for mentorar ${year}`,
      year,
      location: 'Bjørnafjorden rådhus, Osøyro',
      coordinator: 'koordinator@bjornafjorden.demo',
      lang: 'nn',
      enrol: ['mentor', 'mentor2', 'mentor3'].map((m) => ({ email: `${m}@bjornafjorden.demo`, joinedOn: `${year}-01-01` })),
    })
  }
  // Kristiansand's run still names the coordinator who has since left for Farsund.
  await ensureRun({
    slug: 'kristiansand',
    name: `Mentorprogram Kristiansand ${thisYear}`,
    year: thisYear,
    location: 'Kristiansand rådhus',
    coordinator: 'tidligere.koordinator@agder.demo',
    enrol: [{ email: 'mentor@kristiansand.demo', joinedOn: `${thisYear}-01-01` }],
  })
}
