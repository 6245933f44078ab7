import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '~/db.server.ts'
import { attendanceCsv, attendanceGrid } from '~/modules/attendance/index.ts'
import { osloInstant } from '~/modules/curriculum/index.ts'
import { issueDiplomas, reissueDiploma, renderDiplomasPdf } from '~/modules/diplomas/index.ts'
import { formatHours } from '~/utils/format.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

// Lets a test make the diploma insert fail half-way through a re-issue.
const failing = vi.hoisted(() => ({ code: false }))
vi.mock('~/modules/diplomas/code.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/modules/diplomas/code.ts')>()
  return {
    ...original,
    newVerificationCode: (...args: Parameters<typeof original.newVerificationCode>) => {
      if (failing.code) throw new Error('injected failure')
      return original.newVerificationCode(...args)
    },
  }
})

const require = createRequire(import.meta.url)
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js')

let programmeId = ''
let actor = { userId: '', municipalityId: '' }

async function userId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email } })).id
}

beforeAll(async () => {
  await resetDb()
  await seed()
  const p = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
  programmeId = p.id
  actor = { userId: p.coordinatorId, municipalityId: p.municipalityId }
  // The seed issues some diplomas; these tests start from none.
  await db.diploma.deleteMany({ where: { programmeId } })
})

describe('issuing diplomas', () => {
  it('issues one diploma when two coordinators issue for the same person at the same time', async () => {
    const ase = await userId('mentor@trondheim.demo')
    const results = await Promise.all([issueDiplomas(actor, programmeId, [ase], 'diploma', 'nb'), issueDiplomas(actor, programmeId, [ase], 'diploma', 'nb')])
    expect(await db.diploma.count({ where: { programmeId, userId: ase, revokedAt: null } })).toBe(1)
    expect(results.flatMap((r) => r.issued)).toHaveLength(1)
    expect(results.flatMap((r) => r.skipped)).toEqual([{ userId: ase, reason: 'diploma.alreadyIssued' }])
  })

  it('has a unique index: a second active diploma for one person and programme is refused by the database', async () => {
    const active = await db.diploma.findFirstOrThrow({ where: { programmeId, revokedAt: null } })
    const { id: _id, code: _code, ...rest } = active
    await expect(db.diploma.create({ data: { ...rest, code: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' } })).rejects.toMatchObject({ code: 'P2002' })
    // A revoked one beside it is fine.
    const revoked = await db.diploma.create({ data: { ...rest, code: 'YYYYYYYYYYYYYYYYYYYYYYYYYY', revokedAt: new Date() } })
    await db.diploma.delete({ where: { id: revoked.id } })
  })

  it('re-issues in one transaction: when the new diploma cannot be made, the old one stays valid', async () => {
    const ase = await userId('mentor@trondheim.demo')
    const old = await db.diploma.findFirstOrThrow({ where: { programmeId, userId: ase, revokedAt: null } })
    failing.code = true
    try {
      await expect(reissueDiploma(actor, programmeId, old.id, 'Rettet', 'nb')).rejects.toThrow('injected failure')
    } finally {
      failing.code = false
    }
    expect((await db.diploma.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).toBeNull()
    const again = await reissueDiploma(actor, programmeId, old.id, 'Rettet', 'nb')
    expect(again?.issued).toHaveLength(1)
    expect((await db.diploma.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).toBeInstanceOf(Date)
    expect(await db.diploma.count({ where: { programmeId, userId: ase, revokedAt: null } })).toBe(1)
  })

  it("states the holder's own period on a participation certificate, not the programme's", async () => {
    const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId } })
    const august = await userId('mentor11@trondheim.demo')
    const leaver = await userId('mentor8@trondheim.demo')
    const r = await issueDiplomas(actor, programmeId, [august, leaver], 'participation', 'nb')
    expect(r.issued).toHaveLength(2)
    const certs = await db.diploma.findMany({ where: { id: { in: r.issued } } })
    const byUser = new Map(certs.map((c) => [c.userId, c]))
    expect(byUser.get(august)).toMatchObject({ periodStart: osloInstant('2018-08-21', '00:00'), periodEnd: programme.endsOn })
    const left = await db.enrolment.findFirstOrThrow({ where: { programmeId, userId: leaver } })
    expect(left.leftOn!.getTime()).toBeLessThan(programme.endsOn.getTime())
    expect(byUser.get(leaver)).toMatchObject({ periodStart: left.joinedOn, periodEnd: left.leftOn })
  })
})

describe('hours in the reader’s language', () => {
  it('formats 26.5 hours with a point in English and a comma in Norwegian', () => {
    expect(formatHours(1590, 'en')).toBe('26.5')
    expect(formatHours(1590, 'nb')).toBe('26,5')
    expect(formatHours(1590, 'nn')).toBe('26,5')
    expect(formatHours(44 * 60, 'en')).toBe('44')
  })

  it('prints "26.5 of 44 hours" on an English PDF and "26,5 av 44 timer" on a Norwegian one', async () => {
    const base = await db.diploma.findFirstOrThrow({ where: { programmeId, revokedAt: null } })
    const d = { ...base, minutesAttended: 1590, minutesCredited: 0, minutesRequired: 44 * 60 }
    expect((await pdfParse(await renderDiplomasPdf([{ ...d, lang: 'en' }], 'en'))).text).toContain('26.5 of 44 hours')
    expect((await pdfParse(await renderDiplomasPdf([{ ...d, lang: 'nb' }], 'nb'))).text).toContain('26,5 av 44 timer')
  })

  it('the CSV total row has its own columns: possible minutes and total hours in the chosen language', async () => {
    const grid = await attendanceGrid(programmeId, new Date('2019-01-01T00:00:00Z'))
    const august = grid.rows.find((r) => r.name && r.joinedOn.getTime() === osloInstant('2018-08-21', '00:00').getTime())!
    const rows = attendanceCsv({ ...grid, rows: [august] }, 'en').replace('\uFEFF', '').trim().split('\r\n').map((l) => l.split(';'))
    const header = rows[0]
    const total = rows.at(-1)!
    const col = (name: string) => header.indexOf(name)
    expect(col('Possible while enrolled (minutes)')).toBeGreaterThan(-1)
    // The duration column is a gathering's length; the total row leaves it empty.
    expect(total[col('Duration (minutes)')]).toBe('')
    expect(total[col('Possible while enrolled (minutes)')]).toBe(String(august.hours.possibleSinceJoinedMinutes))
    expect(total[col('Minutes present')]).toBe(String(august.hours.attendedMinutes))
    expect(total[col('Total (hours)')]).toBe(formatHours(august.hours.totalMinutes, 'en'))
  })
})
