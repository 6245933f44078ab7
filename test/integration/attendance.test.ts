import { createRequire } from 'node:module'
import { parse as parseCsv } from 'csv-parse/sync'
import ical from 'node-ical'
import { beforeAll, describe, expect, it } from 'vitest'
import { countQueries, db } from '~/db.server.ts'
import { attendanceCsv, attendanceGrid, checkInCode, checkInWithCode, confirmCheckIns, getRegister, mentorProgress, notifyAbsence, saveRegister } from '~/modules/attendance/index.ts'
import { osloInstant } from '~/modules/curriculum/index.ts'
import { issueDiplomas, listDiplomas, reissueDiploma, renderDiplomasPdf, revokeDiploma, verifyDiploma, formatCode } from '~/modules/diplomas/index.ts'
import { feedEvents, rescheduleGathering, rotateFeed, toIcs } from '~/modules/programmes/index.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

const require = createRequire(import.meta.url)
const pdfParse: (data: Buffer) => Promise<{ text: string; numpages: number }> = require('pdf-parse/lib/pdf-parse.js')

let programmeId = ''
let actor = { userId: '', municipalityId: '' }
const END_OF_2018 = new Date('2019-01-01T00:00:00Z')

async function userId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email } })).id
}

beforeAll(async () => {
  await resetDb()
  await seed()
  const p = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
  programmeId = p.id
  actor = { userId: p.coordinatorId, municipalityId: p.municipalityId }
})

describe('the 2018 programme from the seed', () => {
  it('runs from 11 January to the seminar on 2 November and on to December: 44 hours', async () => {
    const gatherings = await db.gathering.findMany({ where: { programmeId }, orderBy: { startsAt: 'asc' } })
    expect(gatherings).toHaveLength(12)
    expect(gatherings[0].startsAt.toISOString()).toBe(osloInstant('2018-01-11', '09:00').toISOString())
    expect(gatherings.find((g) => g.kind === 'seminar')!.startsAt.toISOString()).toBe(osloInstant('2018-11-02', '09:00').toISOString())
    expect(gatherings.filter((g) => g.kind === 'gathering')).toHaveLength(10)
    expect(gatherings.reduce((s, g) => s + g.durationMinutes, 0)).toBe(44 * 60)
  })

  it('gives the mentor present at all 44 of 44 hours, and only her', async () => {
    const grid = await attendanceGrid(programmeId, END_OF_2018)
    const ase = grid.rows.find((r) => r.name === 'Åse Øverås')!
    expect(ase.hours).toMatchObject({ attendedMinutes: 44 * 60, totalMinutes: 44 * 60, requiredMinutes: 44 * 60, eligible: true })
    expect(grid.rows.filter((r) => r.hours.missed.length === 0 && r.hours.partial.length === 0 && r.hours.possibleSinceJoinedMinutes === 44 * 60).map((r) => r.name)).toEqual(['Åse Øverås'])
  })

  it('judges the August joiner by the hours possible since joining', async () => {
    const progress = (await mentorProgress(programmeId, await userId('mentor11@trondheim.demo'), END_OF_2018))!
    expect(progress.hours.possibleSinceJoinedMinutes).toBe(22 * 60)
    expect(progress.hours.attendedMinutes).toBe(22 * 60)
    expect(progress.hours.missed).toEqual([])
    expect(progress.hours.eligible).toBe(false)
  })

  it('issues a diploma whose PDF states the name and 44 of 44 hours, verifiable until revoked', async () => {
    const ase = await userId('mentor@trondheim.demo')
    const result = await issueDiplomas(actor, programmeId, 'eligible', 'diploma', 'nb')
    expect(result.issued).toHaveLength(1)
    const [diploma] = await db.diploma.findMany({ where: { id: { in: result.issued } } })
    expect(diploma).toMatchObject({ userId: ase, holderName: 'Åse Øverås', minutesAttended: 44 * 60, minutesRequired: 44 * 60, kind: 'diploma' })

    const pdf = await renderDiplomasPdf([diploma], 'nb')
    const { text, numpages } = await pdfParse(pdf)
    expect(numpages).toBe(1)
    expect(text).toContain('Åse Øverås')
    expect(text).toContain('44 av 44 timer')
    expect(text).toContain(formatCode(diploma.code))
    // Tagged: the catalogue has a structure tree and says the content is marked.
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/)
    expect(pdf.toString('latin1')).toMatch(/\/Marked true/)

    expect(await verifyDiploma(formatCode(diploma.code).toLowerCase())).toMatchObject({ holderName: 'Åse Øverås', minutesAttended: 44 * 60, revokedAt: null })
    expect(await verifyDiploma('00000-00000-00000-00000-000000')).toBeNull()
    expect(await revokeDiploma(actor, programmeId, diploma.id, 'Feil i timene')).toBe(true)
    expect((await verifyDiploma(diploma.code))!.revokedAt).toBeInstanceOf(Date)
  })

  it('re-issues after a correction and keeps the history; participation certificates show the real hours', async () => {
    const ase = await userId('mentor@trondheim.demo')
    const old = (await listDiplomas(programmeId)).find((d) => d.userId === ase)!
    const again = await reissueDiploma(actor, programmeId, old.id, 'Rettet', 'nb')
    expect(again?.issued).toHaveLength(1)
    const mine = (await listDiplomas(programmeId)).filter((d) => d.userId === ase)
    expect(mine).toHaveLength(2)
    expect(mine.find((d) => d.id === again!.issued[0])).toMatchObject({ replacesId: old.id, revokedAt: null })

    const hanne = await userId('mentor8@trondheim.demo')
    expect((await issueDiplomas(actor, programmeId, [hanne], 'diploma', 'nb')).skipped).toEqual([{ userId: hanne, reason: 'diploma.notEligible' }])
    // In the holder's language (her own choice; else the municipality's default, not the issuer's).
    await db.user.update({ where: { id: hanne }, data: { language: 'en' } })
    const participation = await issueDiplomas(actor, programmeId, [hanne], 'participation', 'en')
    const [cert] = await db.diploma.findMany({ where: { id: { in: participation.issued } } })
    const { text } = await pdfParse(await renderDiplomasPdf([cert], 'en'))
    expect(cert.minutesAttended).toBe(420 + 180 * 3)
    expect(text).toContain('16 of 44 hours')
  })

  it('renders thirty diplomas as one combined PDF', async () => {
    const d = await db.diploma.findFirstOrThrow({ where: { programmeId, revokedAt: null } })
    const pdf = await renderDiplomasPdf(Array.from({ length: 30 }, () => d), 'nb')
    expect((await pdfParse(pdf)).numpages).toBe(30)
  })
})

describe('the register', () => {
  it('saves the whole register at once, caps minutes, and refuses a save based on an old version', async () => {
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId, order: 11 } })
    const { version, rows } = await getRegister(g)
    const [a, b] = rows
    const ok = await saveRegister(actor, g, version, [
      { userId: a.userId, status: 'partial', arrived: '12:45' },
      { userId: b.userId, status: 'partial', minutes: 500 },
    ])
    expect(ok).toEqual({ ok: false, reason: 'invalid', fieldErrors: { 'rows[1].minutes': ['attendance.minutesRange'] } })
    expect(await saveRegister(actor, g, version, [{ userId: a.userId, status: 'partial', arrived: '12:45' }, { userId: b.userId, status: 'absent' }])).toEqual({ ok: true })
    const after = await getRegister(g)
    expect(after.rows.find((r) => r.userId === a.userId)).toMatchObject({ status: 'partial', minutes: 135 })
    expect(after.rows.find((r) => r.userId === b.userId)).toMatchObject({ status: 'absent', minutes: 0 })
    // A second coordinator who loaded the register before that save:
    expect(await saveRegister(actor, g, version, [{ userId: a.userId, status: 'present' }])).toEqual({ ok: false, reason: 'conflict' })
    expect((await getRegister(g)).rows.find((r) => r.userId === a.userId)?.minutes).toBe(135)
  })

  it('shows absence notices and confirms self check-ins made with the code', async () => {
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId, order: 12 } })
    const kari = await userId('mentor6@trondheim.demo')
    const eirik = await userId('mentor7@trondheim.demo')
    await db.attendance.deleteMany({ where: { gatheringId: g.id, userId: { in: [kari, eirik] } } })
    await notifyAbsence(eirik, g, 'work')
    const code = await checkInCode(actor.userId, g)
    expect(code.code).toMatch(/^[A-Z2-9]{6}$/)
    expect((await checkInCode(actor.userId, g)).code).toBe(code.code)
    expect(await checkInWithCode(kari, 'ZZZZZZ')).toEqual({ ok: false, reason: 'unknown' })
    expect(await checkInWithCode(await userId('mentor8@trondheim.demo'), code.code)).toEqual({ ok: false, reason: 'notEnrolled' })
    expect((await checkInWithCode(kari, code.code)).ok).toBe(true)
    let register = await getRegister(g)
    expect(register.rows.find((r) => r.userId === eirik)?.notice).toEqual({ reason: 'work' })
    expect(register.rows.find((r) => r.userId === kari)).toMatchObject({ status: 'unmarked', checkIn: { confirmed: false } })
    expect(await confirmCheckIns(actor, g)).toBe(1)
    register = await getRegister(g)
    expect(register.rows.find((r) => r.userId === kari)).toMatchObject({ status: 'present', minutes: g.durationMinutes, checkIn: { confirmed: true } })
  })

  it('needs the same number of queries for the grid whatever the number of mentors', async () => {
    const small = await countQueries(() => attendanceGrid(programmeId))
    const extra = await db.municipality.findFirstOrThrow({ where: { slug: 'trondheim' } })
    for (let i = 0; i < 20; i++) {
      const u = await db.user.create({ data: { email: `extra${i}@example.no`, name: `Ekstra ${i}` } })
      await db.membership.create({ data: { userId: u.id, municipalityId: extra.id, role: 'mentor' } })
      await db.enrolment.create({ data: { programmeId, userId: u.id, joinedOn: new Date('2018-01-01') } })
    }
    const large = await countQueries(() => attendanceGrid(programmeId))
    expect(large.queries).toBe(small.queries)
    expect(small.queries).toBeLessThanOrEqual(6)
  })
})

describe('exports', () => {
  it('writes CSV that a separate parser reads back: semicolons, BOM, totals, no formulas', async () => {
    const grid = await attendanceGrid(programmeId, END_OF_2018)
    const ase = grid.rows.find((r) => r.name === 'Åse Øverås')!
    const csv = attendanceCsv({ ...grid, rows: [{ ...ase, name: '=HYPERLINK("http://evil")' }, ase] }, 'nb')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows: string[][] = parseCsv(csv, { delimiter: ';', bom: true, relax_column_count: true })
    expect(rows[0]).toEqual(['Mentor', 'Nr.', 'Samling', 'Dato', 'Minutter til stede', 'Varighet (minutter)', 'Godkjent tilleggstid (minutter)', 'Krav (minutter)', 'Mulig i deltakerperioden (minutter)', 'Sum (timer)'])
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://evil")`)
    const aseRows = rows.filter((r) => r[0] === 'Åse Øverås')
    expect(aseRows).toHaveLength(13)
    expect(aseRows[0]).toEqual(['Åse Øverås', '1', 'Kick-off', '11.01.2018', '420', '420', '', '', '', ''])
    expect(aseRows[12]).toEqual(['Åse Øverås', '', 'Sum', '', String(44 * 60), '', '0', String(44 * 60), String(44 * 60), '44'])
  })

  it('writes ICS that node-ical reads back, with stable UIDs, a growing SEQUENCE and Oslo times across summer time', async () => {
    const token = await rotateFeed('programme', actor.userId, programmeId)
    const feed = (await feedEvents(token))!
    const parsed = Object.values(ical.sync.parseICS(toIcs(feed.name, feed.gatherings))).filter((e) => e.type === 'VEVENT') as ical.VEvent[]
    expect(parsed).toHaveLength(12)
    const kickoff = parsed.find((e) => String(e.summary).startsWith('Kick-off'))!
    expect(kickoff.start.toISOString()).toBe('2018-01-11T08:00:00.000Z') // 09:00 winter time
    const june = parsed.find((e) => e.start.toISOString().startsWith('2018-06-19'))!
    expect(june.start.toISOString()).toBe('2018-06-19T10:00:00.000Z') // 12:00 summer time
    const g = await db.gathering.findFirstOrThrow({ where: { programmeId, order: 6 } })
    expect(june.uid).toBe(`gathering-${g.id}@mentornett`)
    expect(Number(june.sequence ?? 0)).toBe(0)

    expect((await rescheduleGathering(actor, programmeId, g.id, { date: '2018-06-20', start: '13:00', end: '16:00', recorded: 'rescale' })).ok).toBe(true)
    const again = (await feedEvents(token))!
    const moved = (Object.values(ical.sync.parseICS(toIcs(again.name, again.gatherings))) as ical.VEvent[]).find((e) => e.uid === june.uid)!
    expect(Number(moved.sequence)).toBe(1)
    expect(moved.start.toISOString()).toBe('2018-06-20T11:00:00.000Z')

    const rotated = await rotateFeed('programme', actor.userId, programmeId)
    expect(await feedEvents(token)).toBeNull()
    expect(await feedEvents(rotated)).not.toBeNull()
  })
})
