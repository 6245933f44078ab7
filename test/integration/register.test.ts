import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { attendanceGrid, getRegister, registerNeighbours, saveRegister, unmarkedRegisters } from '~/modules/attendance/index.ts'
import { osloParts } from '~/modules/curriculum/index.ts'
import { rescheduleGathering } from '~/modules/programmes/index.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

let programmeId = ''
let actor = { userId: '', municipalityId: '' }

beforeAll(async () => {
  await resetDb()
  await seed()
  const p = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
  programmeId = p.id
  actor = { userId: p.coordinatorId, municipalityId: p.municipalityId }
})

const gathering = (order: number) => db.gathering.findFirstOrThrow({ where: { programmeId, order } })
const times = (g: { startsAt: Date; durationMinutes: number }, extraMinutes = 0) => {
  const start = osloParts(g.startsAt)
  return { date: start.date, start: start.time, end: osloParts(new Date(g.startsAt.getTime() + (g.durationMinutes + extraMinutes) * 60_000)).time }
}

describe('times typed in the register', () => {
  it('counts a time typed for someone marked present as partial attendance, from the times', async () => {
    const g = await gathering(3)
    const { version, rows } = await getRegister(g)
    const start = osloParts(g.startsAt).time
    const [h, m] = start.split(':').map(Number)
    const arrived = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`
    expect(await saveRegister(actor, g, version, [{ userId: rows[0].userId, status: 'present', arrived }])).toEqual({ ok: true })
    expect((await getRegister(g)).rows.find((r) => r.userId === rows[0].userId)).toMatchObject({ status: 'partial', minutes: g.durationMinutes - 60 })
  })

  it('refuses a time typed for someone marked absent, with an error on that field, and writes nothing', async () => {
    const g = await gathering(3)
    const before = await getRegister(g)
    const result = await saveRegister(actor, g, before.version, [{ userId: before.rows[1].userId, status: 'absent', left: '12:00' }])
    expect(result).toEqual({ ok: false, reason: 'invalid', fieldErrors: { 'rows[0].arrived': ['attendance.absentWithTime'] } })
    expect(await getRegister(g)).toEqual(before)
  })
})

describe('moving a gathering after attendance was recorded', () => {
  it('asks what becomes of the recorded minutes and changes nothing until answered', async () => {
    const g = await gathering(4)
    expect(await db.attendance.count({ where: { gatheringId: g.id } })).toBeGreaterThan(0)
    const result = await rescheduleGathering(actor, programmeId, g.id, times(g, 60))
    expect(result).toEqual({ ok: false, notFound: false, fieldErrors: { recorded: ['gathering.recordedChoose'] } })
    expect((await gathering(4)).durationMinutes).toBe(g.durationMinutes)
    // Only the place changing needs no answer.
    expect(await rescheduleGathering(actor, programmeId, g.id, { ...times(g), location: 'Nytt rom' })).toEqual({ ok: true })
  })

  it('rescales: present becomes the whole new length, partial keeps its share, absent stays absent', async () => {
    const g = await gathering(4)
    const { version, rows } = await getRegister(g)
    const [a, b, c] = rows
    const half = Math.round(g.durationMinutes / 2)
    expect(await saveRegister(actor, g, version, [{ userId: a.userId, status: 'present' }, { userId: b.userId, status: 'partial', minutes: half }, { userId: c.userId, status: 'absent' }])).toEqual({ ok: true })
    expect(await rescheduleGathering(actor, programmeId, g.id, { ...times(g, 60), recorded: 'rescale' })).toEqual({ ok: true })
    const after = await gathering(4)
    expect(after.durationMinutes).toBe(g.durationMinutes + 60)
    const register = await getRegister(after)
    expect(register.version).toBeGreaterThan(version + 1)
    const by = new Map(register.rows.map((r) => [r.userId, r]))
    expect(by.get(a.userId)).toMatchObject({ status: 'present', minutes: after.durationMinutes })
    expect(by.get(b.userId)).toMatchObject({ status: 'partial', minutes: Math.round((half * after.durationMinutes) / g.durationMinutes) })
    expect(by.get(c.userId)).toMatchObject({ status: 'absent', minutes: 0 })
  })

  it('re-opens the register: the recorded attendance is removed and must be marked again', async () => {
    const g = await gathering(5)
    const before = await getRegister(g)
    const marked = before.rows.filter((r) => r.status !== 'unmarked').length
    expect(marked).toBeGreaterThan(0)
    expect(await db.attendance.count({ where: { gatheringId: g.id } })).toBe(marked)
    expect(await rescheduleGathering(actor, programmeId, g.id, { ...times(g, -30), recorded: 'reopen' })).toEqual({ ok: true })
    expect(await db.attendance.count({ where: { gatheringId: g.id } })).toBe(0)
    // The same people, every one of them unmarked.
    expect((await getRegister(await gathering(5))).rows.map((r) => [r.userId, r.status])).toEqual(before.rows.map((r) => [r.userId, 'unmarked']))
  })
})

describe('stepping through registers', () => {
  it('links each register to the previous and next gathering', async () => {
    const [first, second, third] = await Promise.all([gathering(1), gathering(2), gathering(3)])
    expect(await registerNeighbours(second)).toMatchObject({ previous: { id: first.id }, next: { id: third.id } })
    expect((await registerNeighbours(first)).previous).toBeNull()
  })

  it('lists the registers that ended with someone enrolled and not recorded', async () => {
    const g6 = await gathering(6)
    const before = unmarkedRegisters(await attendanceGrid(programmeId), new Date('2019-01-01T00:00:00Z'))
    expect(before.some((u) => u.id === g6.id)).toBe(false)
    const one = await db.attendance.findFirstOrThrow({ where: { gatheringId: g6.id } })
    await db.attendance.delete({ where: { id: one.id } })
    const after = unmarkedRegisters(await attendanceGrid(programmeId), new Date('2019-01-01T00:00:00Z'))
    expect(after.find((u) => u.id === g6.id)).toMatchObject({ order: 6, unmarked: 1 })
    // Not yet held: never listed.
    expect(unmarkedRegisters(await attendanceGrid(programmeId), new Date('2018-01-01T00:00:00Z'))).toEqual([])
  })
})

describe('the register read from the cached grid', () => {
  it('lists the same people, marks and neighbours as the register read from the database, for every gathering', async () => {
    // A mentor who left early and one recorded on a day they were not enrolled make the day's list differ from the run's.
    const enrolments = await db.enrolment.findMany({ where: { programmeId }, orderBy: { id: 'asc' }, take: 2 })
    const gatherings = await db.gathering.findMany({ where: { programmeId }, orderBy: { startsAt: 'asc' } })
    await db.enrolment.update({ where: { id: enrolments[0].id }, data: { leftOn: gatherings[2].startsAt, leftReason: 'Ny jobb' } })
    await db.enrolment.update({ where: { id: enrolments[1].id }, data: { joinedOn: new Date(gatherings[5].startsAt.getTime() + 86_400_000) } })
    const grid = await attendanceGrid(programmeId)
    for (const g of gatherings) {
      expect(await getRegister(g, grid.rows)).toEqual(await getRegister(g))
      expect(await registerNeighbours(g, grid.gatherings)).toEqual(await registerNeighbours(g))
    }
  })
})
