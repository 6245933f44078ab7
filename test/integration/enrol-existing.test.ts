import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { enrolExisting, enrolmentCandidates, previewEnrolment, runEnrolment } from '~/modules/programmes/index.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

let programmeId = ''
let actor = { userId: '', municipalityId: '' }
let municipality = { id: '', name: '', defaultLanguage: 'nb' }

const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id

beforeAll(async () => {
  await resetDb()
  await seed()
  // Next year's run: mentors 1–6 take part, the others do not.
  const p = await db.programme.findFirstOrThrow({ where: { year: new Date().getUTCFullYear() + 1, municipality: { slug: 'trondheim' } }, include: { municipality: true } })
  programmeId = p.id
  actor = { userId: p.coordinatorId, municipalityId: p.municipalityId }
  municipality = { id: p.municipality.id, name: p.municipality.name, defaultLanguage: p.municipality.defaultLanguage }
})

describe('picking mentors of the municipality', () => {
  it('lists active mentors of this municipality only, not those taking part, not deactivated ones', async () => {
    const seven = await idOf('mentor7@trondheim.demo')
    const eight = await idOf('mentor8@trondheim.demo')
    await db.membership.updateMany({ where: { userId: eight, municipalityId: actor.municipalityId }, data: { deactivatedAt: new Date() } })
    const { candidates } = await enrolmentCandidates(actor.municipalityId, programmeId)
    const ids = candidates.map((c) => c.userId)
    expect(ids).toContain(seven)
    expect(ids).not.toContain(eight)
    expect(ids).not.toContain(await idOf('mentor@trondheim.demo'))
    expect(ids).not.toContain(await idOf('mentor@farsund.demo'))
    await db.membership.updateMany({ where: { userId: eight, municipalityId: actor.municipalityId }, data: { deactivatedAt: null } })
  })

  it('filters by words in the name, case-insensitively with æ, ø and å', async () => {
    const all = await enrolmentCandidates(actor.municipalityId, programmeId)
    const someone = all.candidates.find((c) => /[ÆØÅæøå]/.test(c.name)) ?? all.candidates[0]
    const word = someone.name.split(' ').find((w) => /[ÆØÅæøå]/.test(w)) ?? someone.name.split(' ')[0]
    const found = await enrolmentCandidates(actor.municipalityId, programmeId, word.toLocaleUpperCase('nb'))
    expect(found.candidates.map((c) => c.userId)).toContain(someone.userId)
    expect(found.total).toBeLessThan(all.total)
  })

  it('enrols several at once from the joining date, without mail and without touching their memberships', async () => {
    const picked = [await idOf('mentor7@trondheim.demo'), await idOf('mentor9@trondheim.demo')]
    const memberships = await db.membership.findMany({ where: { userId: { in: picked } }, orderBy: { id: 'asc' } })
    const mails = await db.outboxMessage.count()
    expect(await enrolExisting(actor, programmeId, picked, '2027-03-01')).toEqual({ ok: true, count: 2 })
    const rows = await db.enrolment.findMany({ where: { programmeId, userId: { in: picked } } })
    expect(rows).toHaveLength(2)
    for (const r of rows) expect(r.joinedOn.toISOString()).toBe(new Date('2027-02-28T23:00:00Z').toISOString())
    expect(await db.outboxMessage.count()).toBe(mails)
    expect(await db.membership.findMany({ where: { userId: { in: picked } }, orderBy: { id: 'asc' } })).toEqual(memberships)
    // Taking part already: left as is.
    expect(await enrolExisting(actor, programmeId, picked, '2027-05-01')).toEqual({ ok: true, count: 0 })
  })

  it('refuses a person from another municipality and writes nothing for anyone', async () => {
    const ten = await idOf('mentor10@trondheim.demo')
    const farsund = await idOf('mentor@farsund.demo')
    expect(await enrolExisting(actor, programmeId, [ten, farsund], '2027-03-01')).toEqual({ ok: false, reason: 'notFound' })
    expect(await db.enrolment.count({ where: { programmeId, userId: { in: [ten, farsund] } } })).toBe(0)
    expect(await db.membership.count({ where: { userId: farsund, municipalityId: actor.municipalityId } })).toBe(0)
  })
})

describe('CSV enrolment with a joining date per row', () => {
  it('takes each row’s own date, falls back to the file’s date, and refuses a bad one', async () => {
    const bad = await previewEnrolment(actor.municipalityId, programmeId, 'navn;e-post;startdato\nNy En;ny.en@example.no;31.02.2027\n')
    expect(bad.rows[0].errors).toEqual(['enrol.joinedInvalid'])
    const csv = 'navn;e-post;startdato\nNy En;ny.en@example.no;15.08.2027\nNy To;ny.to@example.no;\n'
    const preview = await previewEnrolment(actor.municipalityId, programmeId, csv)
    expect(preview.rows.map((r) => r.joinedOn)).toEqual(['2027-08-15', null])
    expect((await runEnrolment(actor, municipality, programmeId, csv, '2027-01-01')).ok).toBe(true)
    const joined = async (email: string) => (await db.enrolment.findFirstOrThrow({ where: { programmeId, user: { email } } })).joinedOn.toISOString()
    expect(await joined('ny.en@example.no')).toBe('2027-08-14T22:00:00.000Z')
    expect(await joined('ny.to@example.no')).toBe('2026-12-31T23:00:00.000Z')
  })
})
