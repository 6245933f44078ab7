import { createRequire } from 'node:module'
import { parse as parseCsv } from 'csv-parse/sync'
import ical from 'node-ical'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { resolveLang } from '~/i18n/lang.server.ts'
import { attendanceCsv, attendanceGrid } from '~/modules/attendance/index.ts'
import { invite, requestPasswordReset } from '~/modules/auth/index.ts'
import { formatCode, issueDiplomas, renderDiplomasPdf } from '~/modules/diplomas/index.ts'
import { feedEvents, rotateFeed, toIcs } from '~/modules/programmes/index.ts'
import { publicPageLanguage } from '~/modules/tenancy/public-language.server.ts'
import { seed } from '../../prisma/seed.ts'
import { resetDb } from '../support/reset.ts'

const require = createRequire(import.meta.url)
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js')

const THIS_YEAR = new Date().getUTCFullYear()
const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } })
const req = (path: string) => new Request(`http://localhost${path}`)

let bjornafjorden = { id: '', name: '', defaultLanguage: '' }

beforeAll(async () => {
  await resetDb()
  await seed()
  bjornafjorden = await db.municipality.findUniqueOrThrow({ where: { slug: 'bjornafjorden' }, select: { id: true, name: true, defaultLanguage: true } })
})

describe('a nynorsk municipality (Bjørnafjorden in the demo seed)', () => {
  it('is seeded with nynorsk as default and a programme planned in nynorsk', async () => {
    expect(bjornafjorden.defaultLanguage).toBe('nn')
    const programme = await db.programme.findFirstOrThrow({ where: { municipalityId: bjornafjorden.id, year: THIS_YEAR }, include: { gatherings: { orderBy: { order: 'asc' } } } })
    expect(programme.name).toBe(`Kompetanseprogram for mentorar ${THIS_YEAR}`)
    expect(programme.gatherings[1].title).toBe('Bli kjende og avklare forventningar')
    expect((await user('koordinator@bjornafjorden.demo')).language).toBeNull()
  })

  it('invites a new person in nynorsk, and the invitation page speaks nynorsk', async () => {
    await invite({ actorId: null, municipality: bjornafjorden }, { email: 'ny@bjornafjorden.demo', name: 'Kari Ny', roles: ['mentor'], unitId: null })
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'ny@bjornafjorden.demo' } })
    expect(mail.subject).toBe('Invitasjon til Mentornett frå Bjørnafjorden')
    expect(mail.textBody).toContain('Opne lenkja for å lage passord')
    const token = mail.textBody.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]
    expect(await publicPageLanguage(req(`/invite/${token}`))).toBe('nn')
    // Nobody signed in, no cookie: the page follows the municipality.
    expect(await resolveLang(req(`/invite/${token}`), null)).toBe('nn')
    expect(await resolveLang(req('/login'), null)).toBe('nb')
  })

  it('sends password resets in nynorsk, unless the person chose another language', async () => {
    await requestPasswordReset('mentor@bjornafjorden.demo', '10.0.0.15')
    const nn = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'mentor@bjornafjorden.demo', kind: 'reset' } })
    expect(nn.subject).toBe('Nytt passord til Mentornett')
    expect(nn.textBody).toContain('Nokon bad om eit nytt passord')
    await db.user.update({ where: { email: 'mentor2@bjornafjorden.demo' }, data: { language: 'en' } })
    await requestPasswordReset('mentor2@bjornafjorden.demo', '10.0.0.16')
    const en = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'mentor2@bjornafjorden.demo', kind: 'reset' } })
    expect(en.textBody).toMatch(/^Hello /)
    await db.user.update({ where: { email: 'mentor2@bjornafjorden.demo' }, data: { language: null } })
  })

  it('issues a participation certificate in nynorsk to a mentor without a language of her own, even when the coordinator works in bokmål; its verification page speaks nynorsk', async () => {
    const programme = await db.programme.findFirstOrThrow({ where: { municipalityId: bjornafjorden.id, year: THIS_YEAR }, include: { gatherings: { orderBy: { order: 'asc' }, take: 2 } } })
    const mentor = await user('mentor@bjornafjorden.demo')
    for (const g of programme.gatherings)
      await db.attendance.create({ data: { gatheringId: g.id, userId: mentor.id, programmeId: programme.id, status: 'present', minutesPresent: g.durationMinutes, recordedById: programme.coordinatorId } })
    const result = await issueDiplomas({ userId: programme.coordinatorId, municipalityId: bjornafjorden.id }, programme.id, [mentor.id], 'participation', 'nb')
    const diploma = await db.diploma.findUniqueOrThrow({ where: { id: result.issued[0] } })
    expect(diploma.lang).toBe('nn')
    const { text } = await pdfParse(await renderDiplomasPdf([diploma], 'nb'))
    expect(text).toContain('Deltakarbevis')
    expect(text).toContain('Synnøve Lepsøy')
    expect(text).toContain('10 av 44 timar')
    expect(text).toContain('Samlingar deltakaren var med på')
    expect(text).toContain('Bli kjende og avklare forventningar')
    expect(text).not.toMatch(/timer|Deltakerbevis/)

    expect(await publicPageLanguage(req(`/verify/${formatCode(diploma.code)}`))).toBe('nn')
    expect(await publicPageLanguage(req('/verify/00000-00000-00000-00000-000000'))).toBeNull()
  })

  it('names the municipality and speaks its language on the privacy notice opened with ?kommune=', async () => {
    expect(await publicPageLanguage(req('/privacy?kommune=bjornafjorden'))).toBe('nn')
    expect(await publicPageLanguage(req('/privacy?kommune=trondheim'))).toBe('nb')
    expect(await publicPageLanguage(req('/privacy'))).toBeNull()
    expect(await publicPageLanguage(req('/privacy?kommune=finst-ikkje'))).toBeNull()
  })

  it('gives the personal calendar in nynorsk', async () => {
    const mentor = await user('mentor3@bjornafjorden.demo')
    const feed = (await feedEvents(await rotateFeed('personal', mentor.id, null)))!
    expect(feed.lang).toBe('nn')
    expect(feed.name).toBe('Mentornett – Kalenderen min')
    const ics = toIcs(feed.name, feed.gatherings, feed.lang)
    expect(ics).toContain('X-WR-CALNAME:Mentornett – Kalenderen min')
    const events = Object.values(ical.sync.parseICS(ics)).filter((e) => e.type === 'VEVENT') as ical.VEvent[]
    expect(events.map((e) => String(e.summary))).toContain(`Bli kjende og avklare forventningar (Kompetanseprogram for mentorar ${THIS_YEAR})`)
  })
})

describe('a nynorsk reader of a programme planned in bokmål (Trondheim)', () => {
  it('gets the diploma in nynorsk, with the sessions’ curriculum titles in nynorsk', async () => {
    const pilot = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
    await db.user.update({ where: { email: 'mentor@trondheim.demo' }, data: { language: 'nn' } })
    const result = await issueDiplomas({ userId: pilot.coordinatorId, municipalityId: pilot.municipalityId }, pilot.id, 'eligible', 'diploma', 'nb')
    const diploma = await db.diploma.findUniqueOrThrow({ where: { id: result.issued[0] } })
    expect(diploma.lang).toBe('nn')
    const { text } = await pdfParse(await renderDiplomasPdf([diploma], 'nb'))
    expect(text).toContain('Kursbevis')
    expect(text).toContain('Åse Øverås')
    expect(text).toContain('44 av 44 timar')
    expect(text).toContain('har delteke i Kompetanseprogram for mentorer 2018 i Trondheim')
    expect(text).toContain('Bli kjende og avklare forventningar')
    expect(text).toContain('Rettleiing, evaluering og kursbevis')
    expect(text).not.toContain('Bli kjent og avklare forventninger')
  })

  it('gets the calendar and the CSV export with nynorsk headers and curriculum titles', async () => {
    const mentor = await user('mentor@trondheim.demo')
    const feed = (await feedEvents(await rotateFeed('personal', mentor.id, null)))!
    expect(feed.lang).toBe('nn')
    const ics = toIcs(feed.name, feed.gatherings, feed.lang)
    expect(ics).toContain('Bli kjende og avklare forventningar')
    expect(ics).not.toContain('Bli kjent og avklare forventninger')

    const pilot = await db.programme.findFirstOrThrow({ where: { year: 2018 } })
    const rows: string[][] = parseCsv(attendanceCsv(await attendanceGrid(pilot.id), 'nn'), { delimiter: ';', bom: true, relax_column_count: true })
    expect(rows[0]).toEqual(['Mentor', 'Nr.', 'Samling', 'Dato', 'Minutt til stades', 'Lengd (minutt)', 'Godkjend tilleggstid (minutt)', 'Krav (minutt)', 'Mogleg i deltakarperioden (minutt)', 'Sum (timar)'])
    expect(rows.some((r) => r[2] === 'Bli kjende og avklare forventningar')).toBe(true)
  })

  it('keeps a title the coordinator edited as written', async () => {
    const g = await db.gathering.findFirstOrThrow({ where: { programme: { year: THIS_YEAR, municipality: { slug: 'trondheim' } }, order: 3 } })
    await db.gathering.update({ where: { id: g.id }, data: { title: 'Våre egne historier' } })
    const mentor = await user('mentor@trondheim.demo')
    const feed = (await feedEvents(await rotateFeed('personal', mentor.id, null)))!
    const ics = toIcs(feed.name, feed.gatherings, feed.lang)
    expect(ics).toContain('Våre egne historier')
  })
})
