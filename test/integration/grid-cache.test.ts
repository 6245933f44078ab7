import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { countQueries, db } from '~/db.server.ts'
import { attendanceGrid, attendanceGridView, clearGridCache, getRegister, grantCredit, mentorProgress, saveRegister } from '~/modules/attendance/index.ts'
import { getViewer, startSession } from '~/modules/auth/index.ts'
import { leaveProgramme, programmeAccessAndHead, rotateFeed } from '~/modules/programmes/index.ts'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest } from '../support/factories.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

// The attendance grid is cached per programme under Programme.gridVersion,
// which database triggers raise in the same transaction as every change. Each
// test warms the cache first, then changes the data the way the app (or
// another instance, writing straight to the database) would.
let programmeId = ''
let actor = { userId: '', municipalityId: '' }
const END_OF_2018 = new Date('2019-01-01T00:00:00Z')

async function row(userId: string, now = END_OF_2018) {
  return (await attendanceGrid(programmeId, now)).rows.find((r) => r.userId === userId)!
}

beforeAll(async () => {
  await resetDb()
  await seed()
  const p = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
  programmeId = p.id
  actor = { userId: p.coordinatorId, municipalityId: p.municipalityId }
})
beforeEach(() => clearGridCache())

describe('the cached attendance grid', () => {
  it('takes the version read with the access check: the grid page reads access, version and calendar address in one statement, the grid none', async () => {
    const cookie = cookieFrom(await startSession(getRequest('/'), { userId: actor.userId, municipalityId: actor.municipalityId }))
    const viewer = (await runWithRequestStore(() => getViewer(getRequest('/', cookie))))!
    await attendanceGrid(programmeId, END_OF_2018)
    const read = await countQueries(async () => {
      const found = (await programmeAccessAndHead(viewer, programmeId))!
      return { found, view: await attendanceGridView(programmeId, END_OF_2018, found.head) }
    })
    expect(read.queries).toBe(1)
    expect(read.result.found).toMatchObject({ access: 'manage', municipalityId: actor.municipalityId, head: { viewerHasFeed: false } })
    expect(read.result.view.rows.length).toBeGreaterThan(5)
    await rotateFeed('programme', actor.userId, programmeId)
    expect((await programmeAccessAndHead(viewer, programmeId))!.head.viewerHasFeed).toBe(true)
    // A change after the head was read shows with the next request's head.
    const who = read.result.view.rows[0].userId
    await db.enrolment.updateMany({ where: { programmeId, userId: who }, data: { leftReason: 'Flyttet' } })
    const head = (await programmeAccessAndHead(viewer, programmeId))!.head
    expect(head.gridVersion).toBeGreaterThan(read.result.found.head.gridVersion)
    expect((await attendanceGrid(programmeId, END_OF_2018, head)).rows.find((r) => r.userId === who)!.leftReason).toBe('Flyttet')
  })

  it('answers from the cache in one statement while nothing changed', async () => {
    await attendanceGrid(programmeId, END_OF_2018)
    const again = await countQueries(() => attendanceGridView(programmeId, END_OF_2018))
    expect(again.queries).toBe(1)
    expect(again.result.rows.length).toBeGreaterThan(5)
  })

  it('shows a saved register at once, and so does a fresh instance', async () => {
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId, order: 3 } })
    const { version, rows } = await getRegister(g)
    const who = rows[0].userId
    const before = await row(who)
    const target = before.cells[2] === 0 ? 'present' : 'absent'
    expect(await saveRegister(actor, g, version, [{ userId: who, status: target }])).toEqual({ ok: true })
    const after = await row(who)
    expect(after.cells[2]).toBe(target === 'present' ? g.durationMinutes : 0)
    expect(after.hours.attendedMinutes).not.toBe(before.hours.attendedMinutes)
    clearGridCache()
    expect((await row(who)).cells[2]).toBe(after.cells[2])
  })

  it('sees writes made by another instance straight to the database (attendance, credit, enrolment, gathering, name)', async () => {
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { programmeId, leftOn: null }, include: { user: true } })
    const who = enrolment.userId
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId, order: 2 } })

    await row(who)
    await db.attendance.upsert({
      where: { gatheringId_userId: { gatheringId: g.id, userId: who } },
      create: { gatheringId: g.id, userId: who, programmeId, status: 'partial', minutesPresent: 17, recordedById: actor.userId },
      update: { status: 'partial', minutesPresent: 17 },
    })
    expect((await row(who)).cells[1]).toBe(17)
    await db.attendance.delete({ where: { gatheringId_userId: { gatheringId: g.id, userId: who } } })
    expect((await row(who)).cells[1]).toBeNull()

    const credited = (await row(who)).hours.creditedMinutes
    expect(await grantCredit(actor, programmeId, { userId: who, minutes: 45, kind: 'catch-up', reason: 'Ekstra oppgave' })).toBe(true)
    expect((await row(who)).hours.creditedMinutes).toBe(credited + 45)

    expect(await leaveProgramme(actor, programmeId, enrolment.id, '2018-06-30', 'Ny jobb')).toBe('ok')
    expect((await row(who)).leftOn).not.toBeNull()

    await db.gathering.update({ where: { id: g.id }, data: { title: 'Flyttet samling' } })
    expect((await attendanceGrid(programmeId, END_OF_2018)).gatherings[1].title).toBe('Flyttet samling')

    await db.user.update({ where: { id: who }, data: { name: 'Nytt Navn' } })
    expect((await row(who)).name).toBe('Nytt Navn')

    const newcomer = await db.user.create({ data: { email: 'ny.mentor@example.no', name: 'Ny Mentor' } })
    await db.enrolment.create({ data: { programmeId, userId: newcomer.id, joinedOn: new Date('2018-09-01') } })
    expect((await row(newcomer.id)).name).toBe('Ny Mentor')
    await db.enrolment.delete({ where: { programmeId_userId: { programmeId, userId: newcomer.id } } })
    expect((await attendanceGrid(programmeId, END_OF_2018)).rows.some((r) => r.userId === newcomer.id)).toBe(false)
  })

  it('recomputes when time passes a gathering, not otherwise', async () => {
    const gs = await db.gathering.findMany({ where: { programmeId }, orderBy: { startsAt: 'asc' } })
    const late = (await attendanceGrid(programmeId, END_OF_2018)).rows.find((r) => r.hours.missed.length > 0)!
    const beforeFirst = new Date(gs[0].startsAt.getTime() - 60_000)
    const early = await row(late.userId, beforeFirst)
    expect(early.hours.missed).toEqual([])
    expect((await countQueries(() => attendanceGrid(programmeId, new Date(beforeFirst.getTime() + 1000)))).queries).toBe(1)
    expect((await row(late.userId, END_OF_2018)).hours.missed).toEqual(late.hours.missed)
  })

  it('gives one mentor\'s progress without reading the rest of the run, with the grid\'s figures', async () => {
    const grid = await attendanceGrid(programmeId, END_OF_2018)
    const r = grid.rows[3]
    const { result, statements } = await countQueries(() => mentorProgress(programmeId, r.userId, END_OF_2018))
    expect(result!.hours).toEqual(r.hours)
    expect(result!.cells).toEqual(r.cells)
    // Every statement on attendance, enrolments and credits is limited to the one mentor.
    for (const sql of statements.filter((s) => /FROM .*"(Attendance|Enrolment|AttendanceCredit)"/.test(s))) expect(sql).toMatch(/"userId"/)
    expect(await mentorProgress(programmeId, 'nobody', END_OF_2018)).toBeNull()
  })
})
