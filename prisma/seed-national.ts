// Deterministic data at national size, for benchmarks and capacity checks:
//   npm run seed:national -- --scale 1     357 municipalities, ~7,000 mentors, ~20,000 mentees
// A fixed random seed gives the same data every run; batched inserts and one
// precomputed password hash keep it fast. Re-running replaces what it made.
import { db } from '../app/db.server.ts'
import { hashPassword } from '../app/modules/auth/password.server.ts'
import { DEMO_PASSWORD } from './seed/demo-data.ts'
import { minutesBetween, osloInstant, suggestSchedule } from '../app/modules/curriculum/schedule.ts'
import { nationalCurriculum } from '../app/modules/curriculum/templates.server.ts'

export const NATIONAL = { municipalities: 357, mentors: 7000, mentees: 20000 }
export const SLUG_PREFIX = 'nat-'
export const EMAIL_DOMAIN = 'nat.demo'

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Anne', 'Kari', 'Ingrid', 'Marit', 'Liv', 'Åse', 'Solveig', 'Hilde', 'Ola', 'Per', 'Jon', 'Øystein', 'Lars', 'Nora', 'Emma', 'Sara', 'Ali', 'Fatima', 'Jonas', 'Ida', 'Thea', 'Sigrid', 'Bjørn', 'Håkon']
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Berg', 'Haugen', 'Dahl', 'Lie', 'Moe', 'Strand', 'Ødegård', 'Aasen', 'Sæther', 'Bakke', 'Nilsen', 'Kristiansen', 'Jensen', 'Vik', 'Eide', 'Ås', 'Solberg']
const STEM = ['Nord', 'Sør', 'Øst', 'Vest', 'Fjell', 'Lang', 'Stor', 'Bjørk', 'Furu', 'Sand', 'Skog', 'Elve', 'Sjø', 'Berg', 'Dal', 'Å', 'Vik', 'Hav', 'Myr', 'Eng']
const END = ['vik', 'dal', 'fjord', 'øy', 'nes', 'heim', 'stad', 'berg', 'land', 'sund', 'ås', 'bygd', 'strand', 'vang']

type Plan = { municipalities: number; mentors: number; mentees: number }

export function planFor(scale: number): Plan {
  return {
    municipalities: Math.max(1, Math.round(NATIONAL.municipalities * scale)),
    mentors: Math.max(2, Math.round(NATIONAL.mentors * scale)),
    mentees: Math.max(2, Math.round(NATIONAL.mentees * scale)),
  }
}

/** Splits `total` over weights, every share at least `min`. */
function share(total: number, weights: number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const out = weights.map((w) => Math.max(min, Math.floor((total * w) / sum)))
  let rest = total - out.reduce((a, b) => a + b, 0)
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]++
  return out
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}

export async function seedNational(scale = 1, seed = 2018) {
  const plan = planFor(scale)
  const random = prng(seed)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  // Replace an earlier run.
  await db.municipality.deleteMany({ where: { slug: { startsWith: SLUG_PREFIX } } })
  await db.user.deleteMany({ where: { email: { endsWith: `.${EMAIL_DOMAIN}` } } })

  // A few large municipalities, many small ones (Pareto-like weights).
  const weights = Array.from({ length: plan.municipalities }, () => 1 / Math.pow(random() + 0.02, 1.2))
  const mentorsPer = share(plan.mentors, weights, 1)
  const menteesPer = share(plan.mentees, weights, 1)

  const municipalities: { id: string; slug: string; name: string; defaultLanguage: string }[] = []
  const districts: { id: string; municipalityId: string; name: string }[] = []
  const units: { id: string; municipalityId: string; districtId: string; name: string; serviceType: string }[] = []
  const users: { id: string; email: string; name: string; passwordHash: string }[] = []
  const memberships: { id: string; userId: string; municipalityId: string; role: string; unitId: string | null }[] = []
  const programmes: { id: string; municipalityId: string; sourceSlug: string; name: string; year: number; coordinatorId: string; location: string; requiredMinutes: number; startsOn: Date; endsOn: Date }[] = []
  const gatherings: { id: string; programmeId: string; order: number; kind: string; title: string; theme: string; startsAt: Date; durationMinutes: number; location: string; preparation: string; agenda: string; methods: string; contentSlug: string }[] = []
  const enrolments: { id: string; programmeId: string; userId: string; joinedOn: Date; leftOn: Date | null; leftReason: string | null }[] = []
  const year = new Date().getUTCFullYear()
  const curriculum = nationalCurriculum('ntnu-2018', 'nb')!
  const schedule = suggestSchedule(curriculum.sessions, year)
  const usedNames = new Set<string>()
  let n = 0
  const id = (kind: string) => `${SLUG_PREFIX}${kind}-${(++n).toString(36).padStart(7, '0')}`

  for (let i = 0; i < plan.municipalities; i++) {
    // 280 stem/ending pairs: after those, a number keeps names unique.
    const base = `${pick(STEM)}${pick(END)}`
    let name = base
    for (let k = 2; usedNames.has(name); k++) name = `${base} ${k}`
    usedNames.add(name)
    const slug = `${SLUG_PREFIX}${String(i + 1).padStart(3, '0')}`
    const municipalityId = id('m')
    municipalities.push({ id: municipalityId, slug, name, defaultLanguage: random() < 0.12 ? 'nn' : 'nb' })

    const unitCount = Math.max(2, Math.ceil(mentorsPer[i] / 2))
    const districtIds = Array.from({ length: Math.max(1, Math.round(unitCount / 6)) }, (_, d) => {
      const districtId = id('d')
      districts.push({ id: districtId, municipalityId, name: `Bydel ${d + 1}` })
      return districtId
    })
    const unitIds = Array.from({ length: unitCount }, (_, u) => {
      const unitId = id('u')
      const serviceType = u % 2 === 0 ? 'home_care' : 'hvs'
      units.push({ id: unitId, municipalityId, districtId: districtIds[u % districtIds.length], name: `${serviceType === 'home_care' ? 'Hjemmetjeneste' : 'Helse- og velferdssenter'} ${u + 1}`, serviceType })
      return unitId
    })

    const person = (role: string, k: number, unitId: string | null) => {
      const userId = id('p')
      users.push({ id: userId, email: `${role}${k}@${slug}.${EMAIL_DOMAIN}`, name: `${pick(FIRST)} ${pick(LAST)}`, passwordHash })
      memberships.push({ id: id('ms'), userId, municipalityId, role, unitId })
      return userId
    }
    person('municipality_admin', 1, null)
    person('programme_lead', 1, null)
    const coordinatorId = person('coordinator', 1, null)
    unitIds.forEach((u, k) => person('department_leader', k + 1, u))
    const mentorIds = Array.from({ length: mentorsPer[i] }, (_, k) => person('mentor', k + 1, unitIds[k % unitIds.length]))
    for (let k = 0; k < menteesPer[i]; k++) person('mentee', k + 1, unitIds[k % unitIds.length])

    // This year's programme run with every mentor enrolled: some join late, some leave.
    const programmeId = id('pr')
    programmes.push({ id: programmeId, municipalityId, sourceSlug: curriculum.slug, name: `Kompetanseprogram for mentorer ${year}`, year, coordinatorId, location: name, requiredMinutes: curriculum.requiredMinutes, startsOn: osloInstant(`${year}-01-01`, '00:00'), endsOn: osloInstant(`${year}-12-31`, '23:59') })
    curriculum.sessions.forEach((sess, k) => {
      const when = schedule[k]
      gatherings.push({ id: id('g'), programmeId, order: k + 1, kind: sess.kind, title: sess.title, theme: sess.theme, startsAt: osloInstant(when.date, when.start), durationMinutes: minutesBetween(when.date, when.start, when.end), location: name, preparation: JSON.stringify(sess.preparation), agenda: JSON.stringify(sess.agenda), methods: sess.methods.join(','), contentSlug: sess.slug })
    })
    for (const userId of mentorIds) {
      const r = random()
      const joinedOn = osloInstant(r < 0.1 ? schedule[6].date : schedule[0].date, '00:00')
      const leaves = random() < 0.08
      enrolments.push({ id: id('e'), programmeId, userId, joinedOn, leftOn: leaves ? osloInstant(schedule[8].date, '23:59') : null, leftReason: leaves ? 'Ny stilling' : null })
    }
  }

  await inBatches(municipalities, 500, (data) => db.municipality.createMany({ data }))
  await inBatches(districts, 1000, (data) => db.district.createMany({ data }))
  await inBatches(units, 1000, (data) => db.unit.createMany({ data }))
  await inBatches(users, 1000, (data) => db.user.createMany({ data }))
  await inBatches(memberships, 1000, (data) => db.membership.createMany({ data }))
  await inBatches(programmes, 500, (data) => db.programme.createMany({ data }))
  await inBatches(gatherings, 500, (data) => db.gathering.createMany({ data }))
  await inBatches(enrolments, 1000, (data) => db.enrolment.createMany({ data }))

  return {
    municipalities: municipalities.length,
    units: units.length,
    users: users.length,
    mentors: memberships.filter((m) => m.role === 'mentor').length,
    mentees: memberships.filter((m) => m.role === 'mentee').length,
    programmes: programmes.length,
    gatherings: gatherings.length,
    enrolments: enrolments.length,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--scale')
  const scale = at >= 0 ? Number(args[at + 1]) : 1
  if (!(scale > 0 && scale <= 10)) {
    console.error('usage: seed-national.ts --scale N   (0 < N <= 10)')
    process.exit(2)
  }
  const started = Date.now()
  seedNational(scale)
    .then((r) => console.log(`seed:national scale ${scale}: ${JSON.stringify(r)} in ${((Date.now() - started) / 1000).toFixed(1)} s`))
    .catch((e) => {
      console.error(e)
      process.exitCode = 1
    })
    .finally(() => db.$disconnect())
}
