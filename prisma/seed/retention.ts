// Demo outcomes: Table 1 of the 2018 report (the six pilot units' leavers in
// 2017), a few recent starters with and without a mentor, Peder Sand's plan
// recorded as a leaver, a dated cost model, and national opt-ins (Trondheim,
// Farsund and Kristiansand share; Bjørnafjorden does not). Idempotent: skipped once Trondheim has records.
import { db } from '../../app/db.server.ts'
import { osloParts } from '../../app/modules/curriculum/schedule.ts'
import { addMonthsIso } from '../../app/modules/outcomes/retention.ts'

type Row = [unit: string, startedOn: string, leftOn: string | null, reason: string | null, hadMentor: boolean]

const B = 'Bergheim hjemmetjeneste'
const V = 'Valentinlyst hjemmetjeneste'
const M = 'Munkvoll hjemmetjeneste'
const D = 'Dragvoll helse- og velferdssenter'
const I = 'Ilsvika helse- og velferdssenter'
const Z = 'Zion helse- og velferdssenter'

/** Leavers in 2017 by unit and length of service, as in Table 1 (dates illustrative). */
const TABLE_1: Row[] = [
  [D, '2017-01-09', '2017-05-31', 'temporary_ended', false],
  [D, '2017-02-06', '2017-06-30', 'temporary_ended', false],
  [D, '2017-03-01', '2017-08-15', 'other_job', false],
  [I, '2016-10-03', '2017-06-01', 'other_job', false],
  [Z, '2017-01-16', '2017-04-30', 'moved', false],
  [Z, '2017-03-13', '2017-08-31', 'other_job', false],
  [Z, '2016-09-05', '2017-05-15', 'education', false],
  [M, '2017-04-03', '2017-09-30', 'other_job', false],
  [B, '2010-08-16', '2017-06-30', 'moved', false],
  [B, '2007-01-08', '2017-10-31', 'other_job', false],
  [V, '2016-08-15', '2017-03-31', 'other_job', false],
  [V, '2016-06-01', '2017-04-30', 'education', false],
]

export async function seedRetention(now = new Date()) {
  const today = osloParts(now).date
  const trondheim = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' } })
  if (await db.employment.findFirst({ where: { municipalityId: trondheim.id }, select: { id: true } })) return { created: 0 }
  const units = new Map((await db.unit.findMany({ where: { municipalityId: trondheim.id } })).map((u) => [u.name, u.id]))
  const recorder = await db.user.findUniqueOrThrow({ where: { email: 'hovedansvarlig@trondheim.demo' } })
  const ago = (months: number) => addMonthsIso(today, -months)
  // Recent starters without a plan in Mentornett: followed 13–30 months, some left.
  const recent: Row[] = [
    [B, ago(30), null, null, true],
    [B, ago(28), ago(20), 'other_job', false],
    [V, ago(27), null, null, true],
    [V, ago(26), ago(22), 'moved', false],
    [M, ago(25), null, null, true],
    [M, ago(24), null, null, false],
    [D, ago(22), ago(9), 'education', true],
    [D, ago(20), ago(17), 'temporary_ended', false],
    [I, ago(18), null, null, true],
    [Z, ago(16), null, null, true],
    [Z, ago(15), ago(11), 'other_job', false],
    [B, ago(14), null, null, false],
  ]
  const rows = [...TABLE_1, ...recent]
  await db.employment.createMany({
    data: rows.map(([unit, startedOn, leftOn, leftReason, hadMentor]) => ({ municipalityId: trondheim.id, unitId: units.get(unit)!, startedOn, leftOn, leftReason, hadMentor, recordedById: recorder.id })),
  })
  // Peder Sand's plan ended because he took another job.
  const peder = await db.menteePlan.findFirst({ where: { municipalityId: trondheim.id, menteeName: 'Peder Sand' } })
  if (peder?.endedOn) await db.employment.create({ data: { municipalityId: trondheim.id, unitId: peder.unitId, menteePlanId: peder.id, startedOn: peder.startDate, leftOn: peder.endedOn, leftReason: 'other_job', hadMentor: true, recordedById: recorder.id } })
  // A dated cost model for home care from 2025 (a demo figure), beside the 2018 defaults.
  await db.costModel.create({
    data: {
      municipalityId: trondheim.id, serviceType: 'home_care', validFrom: '2025-01-01', annualCostOre: 812_000_00, annualHours: 1846, trainingShifts: 10, shiftMinutes: 420,
      advertMinutes: 60, interviewsMinutes: 720, referencesMinutes: 60, preparationMinutes: 60, probationMinutes: 360, basicDayMinutes: 420,
      conversations: 19, conversationMinutes: 60, conversationPersons: 2, mentorAllowanceOre: 15_000_00, createdById: recorder.id,
    },
  })
  for (const slug of ['trondheim', 'farsund', 'kristiansand']) {
    const m = await db.municipality.findUniqueOrThrow({ where: { slug } })
    await db.outcomeSettings.upsert({ where: { municipalityId: m.id }, create: { municipalityId: m.id, nationalOptIn: true, optedInAt: now, unitsForEstimate: slug === 'trondheim' ? 41 : null }, update: {} })
  }
  return { created: rows.length }
}
