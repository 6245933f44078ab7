// Bench data for the adherence view: 2,000 mentee plans in Trondheim spread
// over the six units and the last year, with a deterministic share held.
// Prints {"plans": n} as JSON. Idempotent.
import { db } from '../../app/db.server.ts'
import { osloParts } from '../../app/modules/curriculum/schedule.ts'
import { addDays, generateItems } from '../../app/modules/mentee-plans/schedule.ts'
import { planTemplate } from '../../app/modules/mentee-plans/templates.server.ts'

const N = 2000
const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' }, include: { units: true } })
const existing = await db.menteePlan.count({ where: { municipalityId: municipality.id, id: { startsWith: 'cbenchplan' } } })
if (existing < N) {
  const mentors = await db.user.findMany({ where: { memberships: { some: { municipalityId: municipality.id, role: 'mentor' } } }, select: { id: true } })
  const leader = await db.user.findUniqueOrThrow({ where: { email: 'leder@trondheim.demo' } })
  const template = planTemplate('trondheim')!
  const today = osloParts(new Date()).date
  for (let start = existing; start < N; start += 100) {
    const plans = []
    const items = []
    for (let i = start; i < Math.min(N, start + 100); i++) {
      const id = `cbenchplan${String(i).padStart(12, '0')}`
      const unit = municipality.units[i % municipality.units.length]
      const startDate = addDays(today, -((i * 7) % 364))
      plans.push({ id, municipalityId: municipality.id, unitId: unit.id, menteeName: `Benk Nyansatt ${String(i).padStart(4, '0')}`, mentorId: mentors[i % mentors.length].id, leaderId: leader.id, serviceType: unit.serviceType, templateSlug: 'trondheim', startDate, createdById: leader.id })
      for (const item of generateItems(template, startDate)) {
        const held = item.plannedDate < today && (item.seq + i) % 4 !== 0
        items.push({ planId: id, kind: item.kind, seq: item.seq, key: item.key, plannedDate: item.plannedDate, originalDate: item.plannedDate, expectedMinutes: item.expectedMinutes, withMentor: item.withMentor, heldDate: held ? item.plannedDate : null, minutesUsed: held && item.expectedMinutes ? item.expectedMinutes : null })
      }
    }
    await db.menteePlan.createMany({ data: plans })
    await db.planItem.createMany({ data: items })
  }
}
console.log(JSON.stringify({ plans: await db.menteePlan.count({ where: { municipalityId: municipality.id } }) }))
await db.$disconnect()
