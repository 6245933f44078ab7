// Demo mentee plans: a handful per municipality, started some weeks ago so the
// pages show held, moved, overdue and upcoming items. Idempotent: a plan is
// found by municipality and mentee name. Dates are relative to today.
import { db } from '../../app/db.server.ts'
import { addDays, generateItems } from '../../app/modules/mentee-plans/schedule.ts'
import { planTemplate } from '../../app/modules/mentee-plans/templates.server.ts'
import { osloParts } from '../../app/modules/curriculum/schedule.ts'

type DemoPlan = {
  slug: string
  mentee: string
  menteeEmail?: string
  unit: string
  mentor: string
  leader: string
  weeksAgo: number
  /** conversations held, by plan week */
  heldWeeks: number[]
  movedWeek?: number
  ended?: string
}

const PLANS: DemoPlan[] = [
  { slug: 'trondheim', mentee: 'Emma Nyansatt Brekke', menteeEmail: 'nyansatt@trondheim.demo', unit: 'Bergheim hjemmetjeneste', mentor: 'mentor@trondheim.demo', leader: 'leder@trondheim.demo', weeksAgo: 9, heldWeeks: [3, 4, 6], movedWeek: 5 },
  { slug: 'trondheim', mentee: 'Jon Eriksen', unit: 'Bergheim hjemmetjeneste', mentor: 'mentor2@trondheim.demo', leader: 'leder@trondheim.demo', weeksAgo: 20, heldWeeks: [3, 4, 5, 6, 8, 10, 12, 14, 16, 18] },
  { slug: 'trondheim', mentee: 'Fatima Yilmaz', unit: 'Bergheim hjemmetjeneste', mentor: 'mentor@trondheim.demo', leader: 'leder@trondheim.demo', weeksAgo: 14, heldWeeks: [3, 5] },
  { slug: 'trondheim', mentee: 'Karin Haugen', unit: 'Ilsvika helse- og velferdssenter', mentor: 'mentor9@trondheim.demo', leader: 'leder.ilsvika@trondheim.demo', weeksAgo: 12, heldWeeks: [3, 4, 5, 6, 8] },
  { slug: 'trondheim', mentee: 'Peder Sand', unit: 'Ilsvika helse- og velferdssenter', mentor: 'mentor10@trondheim.demo', leader: 'leder.ilsvika@trondheim.demo', weeksAgo: 16, heldWeeks: [3, 4], ended: 'sluttet, ny jobb' },
  { slug: 'farsund', mentee: 'Sofie Kvinlaug', menteeEmail: 'nyansatt@farsund.demo', unit: 'Farsund omsorgssenter', mentor: 'mentor2@farsund.demo', leader: 'leder@farsund.demo', weeksAgo: 7, heldWeeks: [3, 4, 5] },
  { slug: 'kristiansand', mentee: 'Silje Fjeld', menteeEmail: 'nyansatt@kristiansand.demo', unit: 'Hjemmetjenesten sone Lund', mentor: 'mentor2@kristiansand.demo', leader: 'koordinator@kristiansand.demo', weeksAgo: 6, heldWeeks: [3, 4] },
]

export async function seedPlans(now = new Date()) {
  const today = osloParts(now).date
  let created = 0
  for (const p of PLANS) {
    const municipality = await db.municipality.findUniqueOrThrow({ where: { slug: p.slug } })
    if (await db.menteePlan.findFirst({ where: { municipalityId: municipality.id, menteeName: p.mentee } })) continue
    const unit = await db.unit.findFirstOrThrow({ where: { municipalityId: municipality.id, name: p.unit } })
    const [mentor, leader] = await Promise.all([db.user.findUniqueOrThrow({ where: { email: p.mentor } }), db.user.findUniqueOrThrow({ where: { email: p.leader } })])
    const mentee = p.menteeEmail ? await db.user.findUnique({ where: { email: p.menteeEmail } }) : null
    const template = planTemplate(p.slug)!
    const start = addDays(today, -7 * p.weeksAgo)
    const items = generateItems(template, start)
    const endedOn = p.ended ? addDays(today, -14) : null
    await db.$transaction(async (tx) => {
      const plan = await tx.menteePlan.create({
        data: {
          municipalityId: municipality.id,
          unitId: unit.id,
          menteeName: p.mentee,
          menteeUserId: mentee?.id ?? null,
          mentorId: mentor.id,
          leaderId: leader.id,
          serviceType: unit.serviceType,
          templateSlug: p.slug,
          startDate: start,
          endedOn,
          endReason: p.ended ?? null,
          endedById: p.ended ? leader.id : null,
          createdById: leader.id,
        },
      })
      await tx.planItem.createMany({
        data: items.map((i) => {
          const held = (i.kind === 'conversation' && p.heldWeeks.includes(i.week)) || (i.kind !== 'conversation' && i.plannedDate < addDays(today, -3) && i.kind !== 'leader_mentor')
          const moved = i.kind === 'conversation' && i.week === p.movedWeek
          const plannedDate = moved ? addDays(i.plannedDate, 3) : i.plannedDate
          return {
            planId: plan.id,
            kind: i.kind,
            seq: i.seq,
            key: i.key,
            plannedDate,
            originalDate: i.plannedDate,
            expectedMinutes: i.expectedMinutes,
            withMentor: i.withMentor,
            movedReason: moved ? 'mentor syk' : null,
            heldDate: held && !(endedOn && i.plannedDate > endedOn) ? plannedDate : null,
            minutesUsed: held && i.kind === 'conversation' ? (i.expectedMinutes ?? 30) - 10 : null,
            note: held && i.kind === 'conversation' && i.week === 4 ? 'kort, travel vakt' : null,
            heldById: held ? (i.kind === 'probation_talk' ? leader.id : mentor.id) : null,
          }
        }),
      })
      const keys = template.checklists[unit.serviceType as 'home_care' | 'hvs'].slice(0, 3)
      await tx.checklistTick.createMany({ data: keys.map((itemKey) => ({ planId: plan.id, itemKey, tickedById: mentor.id })) })
    })
    created++
  }
  return { created }
}
