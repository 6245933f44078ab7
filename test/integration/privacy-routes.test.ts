// The privacy, audit and onboarding routes as a browser calls them: permissions,
// cross-municipality 404s, bad input as 400 with what was typed.
import { strFromU8, unzipSync } from 'fflate'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { loader as auditCsvLoader } from '~/routes/admin.audit[.]csv.tsx'
import { loader as auditLoader } from '~/routes/admin.audit.tsx'
import { action as retentionAction, loader as retentionLoader } from '~/routes/admin.privacy._index.tsx'
import { action as noticeAction } from '~/routes/admin.privacy.notice.tsx'
import { action as exportAction } from '~/routes/admin.privacy.people.$userId.export.tsx'
import { action as eraseAction, loader as personLoader } from '~/routes/admin.privacy.people.$userId.tsx'
import { action as ownExportAction } from '~/routes/account.export.tsx'
import { action as platformAction, loader as platformLoader } from '~/routes/platform.municipalities.tsx'
import { loader as privacyLoader } from '~/routes/privacy.tsx'
import { formRequest, getRequest, makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(resetDb)

async function setup() {
  const trondheim = await makeMunicipality('Trondheim')
  const farsund = await makeMunicipality('Farsund')
  const admin = await makeUser({ municipalityId: trondheim.id, roles: ['municipality_admin'], name: 'Tove Admin' })
  const farsundAdmin = await makeUser({ municipalityId: farsund.id, roles: ['municipality_admin'], name: 'Finn Admin' })
  const mentor = await makeUser({ municipalityId: trondheim.id, roles: ['mentor'], name: 'Mette Mentor' })
  const platform = await makeUser({ platformRoles: ['platform_admin'], name: 'Pia Plattform' })
  return {
    trondheim, farsund, admin, farsundAdmin, mentor, platform,
    adminCookie: await signIn(admin.id, trondheim.id),
    farsundCookie: await signIn(farsundAdmin.id, farsund.id),
    mentorCookie: await signIn(mentor.id, trondheim.id),
    platformCookie: await signIn(platform.id, null),
  }
}

describe('access export and erasure routes', () => {
  it('answers 404 to an admin of another municipality and 403 to a mentor', async () => {
    const s = await setup()
    const path = `/admin/privacy/people/${s.mentor.id}`
    expect((await callRoute(personLoader, getRequest(path, s.farsundCookie), { userId: s.mentor.id })).status).toBe(404)
    expect((await callRoute(exportAction, formRequest(`${path}/export`, {}, { cookie: s.farsundCookie }), { userId: s.mentor.id })).status).toBe(404)
    expect((await callRoute(eraseAction, formRequest(path, { confirmName: 'Mette Mentor' }, { cookie: s.farsundCookie }), { userId: s.mentor.id })).status).toBe(404)
    expect((await callRoute(personLoader, getRequest(path, s.mentorCookie), { userId: s.mentor.id })).status).toBe(403)
    expect((await db.user.findUniqueOrThrow({ where: { id: s.mentor.id } })).name).toBe('Mette Mentor')
  })

  it('downloads the zip and erases after the name is typed right', async () => {
    const s = await setup()
    const path = `/admin/privacy/people/${s.mentor.id}`
    const zip = await callRoute(exportAction, formRequest(`${path}/export`, {}, { cookie: s.adminCookie }), { userId: s.mentor.id })
    expect(zip.headers.get('Content-Type')).toBe('application/zip')
    expect(strFromU8(unzipSync(new Uint8Array(await zip.arrayBuffer()))['data.json'])).toContain('Mette Mentor')

    const wrong = await callRoute(eraseAction, formRequest(path, { confirmName: 'Mette' }, { cookie: s.adminCookie }), { userId: s.mentor.id })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toContain('privacy.erase.mismatch')
    const done = await callRoute(eraseAction, formRequest(path, { confirmName: ' mette mentor ' }, { cookie: s.adminCookie }), { userId: s.mentor.id })
    expect(done.status).toBe(302)
    expect((await db.user.findUniqueOrThrow({ where: { id: s.mentor.id } })).email).toMatch(/@erased\.invalid$/)
    expect((await callRoute(personLoader, getRequest(path, s.adminCookie), { userId: s.mentor.id })).status).toBe(404)
  })

  it("gives a person their own data and nobody else's", async () => {
    const s = await setup()
    const zip = await callRoute(ownExportAction, formRequest('/account/export', {}, { cookie: s.mentorCookie }))
    const text = strFromU8(unzipSync(new Uint8Array(await zip.arrayBuffer()))['data.json'])
    expect(text).toContain('Mette Mentor')
    expect(text).not.toContain('Tove Admin')
  })
})

describe('retention page', () => {
  it('shows the dry run of the own municipality only and runs it there', async () => {
    const s = await setup()
    await db.outboxMessage.create({ data: { municipalityId: s.trondheim.id, toAddress: 'a@example.no', subject: 'x', textBody: 'x', kind: 'invite', createdAt: new Date('2020-01-01') } })
    await db.outboxMessage.create({ data: { municipalityId: s.farsund.id, toAddress: 'b@example.no', subject: 'y', textBody: 'y', kind: 'invite', createdAt: new Date('2020-01-01') } })
    const report = await (await callRoute(retentionLoader, getRequest('/admin/privacy', s.farsundCookie))).json()
    expect(report.report.lines.find((l: { key: string }) => l.key === 'outbox').count).toBe(1)
    expect((await callRoute(retentionLoader, getRequest('/admin/privacy', s.mentorCookie))).status).toBe(403)
    const run = await callRoute(retentionAction, formRequest('/admin/privacy', { intent: 'apply-retention' }, { cookie: s.farsundCookie }))
    expect(run.headers.get('Location')).toBe('/admin/privacy?done=1')
    // A post without the form's intent changes nothing.
    expect((await callRoute(retentionAction, formRequest('/admin/privacy', {}, { cookie: s.farsundCookie }))).status).toBe(400)
    expect(await db.outboxMessage.findMany({ select: { toAddress: true } })).toEqual([{ toAddress: 'a@example.no' }])
  })
})

describe('privacy notice', () => {
  it("is edited by the admin and shown on the municipality's public page", async () => {
    const s = await setup()
    const bad = await callRoute(noticeAction, formRequest('/admin/privacy/notice', { purposes: 'Egne formål', privacyContactEmail: 'ikke-epost' }, { cookie: s.adminCookie }))
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Egne formål')
    const ok = await callRoute(noticeAction, formRequest('/admin/privacy/notice', { controller: 'Trondheim kommune, Erling Skakkes gate 14', purposes: 'Egne formål', privacyContactEmail: 'personvern@trondheim.example' }, { cookie: s.adminCookie }))
    expect(ok.status).toBe(302)
    const page = await (await callRoute(privacyLoader, getRequest('/privacy?kommune=trondheim'))).json()
    expect(page.municipality).toMatchObject({ privacyContactEmail: 'personvern@trondheim.example', privacyNotice: { controller: 'Trondheim kommune, Erling Skakkes gate 14', purposes: 'Egne formål', retention: null } })
    expect((await (await callRoute(privacyLoader, getRequest('/privacy?kommune=farsund'))).json()).municipality.privacyNotice).toBeNull()
    expect((await callRoute(noticeAction, formRequest('/admin/privacy/notice', { purposes: 'x' }, { cookie: s.mentorCookie }))).status).toBe(403)
  })
})

describe('audit-log viewer', () => {
  it('filters, pages and exports only the own municipality, and records the export', async () => {
    const s = await setup()
    for (let i = 0; i < 60; i++) await db.auditEvent.create({ data: { actorId: s.admin.id, municipalityId: s.trondheim.id, action: 'update', entity: 'Unit', at: new Date(Date.UTC(2026, 10, 1 + (i % 20))) } })
    await db.auditEvent.create({ data: { actorId: s.mentor.id, municipalityId: s.trondheim.id, action: 'erase', entity: 'User', at: new Date('2026-11-05T10:00:00Z') } })
    await db.auditEvent.create({ data: { actorId: s.farsundAdmin.id, municipalityId: s.farsund.id, action: 'erase', entity: 'User', at: new Date('2026-11-05T10:00:00Z') } })
    const page1 = await (await callRoute(auditLoader, getRequest('/admin/audit', s.adminCookie))).json()
    expect(page1).toMatchObject({ total: 61, page: 1, pages: 2 })
    expect(page1.events).toHaveLength(50)
    expect((await (await callRoute(auditLoader, getRequest('/admin/audit?page=2', s.adminCookie))).json()).events).toHaveLength(11)
    const erase = await (await callRoute(auditLoader, getRequest('/admin/audit?action=erase&entity=User&from=2026-11-05&to=2026-11-05', s.adminCookie))).json()
    expect(erase.events.map((e: { actor: string }) => e.actor)).toEqual(['Mette Mentor'])
    expect((await (await callRoute(auditLoader, getRequest('/admin/audit?actor=mette', s.adminCookie))).json()).total).toBe(1)
    // Nonsense in the query string is ignored, not a 500.
    expect((await callRoute(auditLoader, getRequest('/admin/audit?from=yesterday&page=-3&action=%27%3B', s.adminCookie))).status).toBe(200)
    const csv = await (await callRoute(auditCsvLoader, getRequest('/admin/audit.csv?action=erase', s.adminCookie))).text()
    expect(csv.split('\n')).toHaveLength(2)
    expect(csv).toContain('Mette Mentor')
    expect(csv).not.toContain('Finn Admin')
    expect(await db.auditEvent.count({ where: { action: 'export', entity: 'AuditEvent', actorId: s.admin.id } })).toBe(1)
    // The platform sees every municipality.
    expect((await (await callRoute(auditLoader, getRequest('/admin/audit?action=erase', s.platformCookie))).json()).total).toBe(2)
  })
})

describe('onboarding', () => {
  it('creates a municipality with number, language and privacy details and invites its admin', async () => {
    const s = await setup()
    const fields = { name: 'Bjørnafjorden', number: '4624', slug: 'bjornafjorden', defaultLanguage: 'nn', privacyContactEmail: 'personvern@bjornafjorden.example', privacyController: 'Bjørnafjorden kommune', adminName: 'Bjørn Admin', adminEmail: 'bjorn@bjornafjorden.example' }
    expect((await callRoute(platformAction, formRequest('/platform/municipalities', fields, { cookie: s.adminCookie }))).status).toBe(403)
    expect((await callRoute(platformAction, formRequest('/platform/municipalities', { ...fields, number: '46' }, { cookie: s.platformCookie }))).status).toBe(400)
    expect((await callRoute(platformAction, formRequest('/platform/municipalities', fields, { cookie: s.platformCookie }))).status).toBe(302)
    const created = await db.municipality.findUniqueOrThrow({ where: { slug: 'bjornafjorden' }, include: { privacyNotice: true } })
    expect(created).toMatchObject({ number: '4624', defaultLanguage: 'nn', privacyContactEmail: 'personvern@bjornafjorden.example', privacyNotice: { controller: 'Bjørnafjorden kommune' } })
    expect(await db.outboxMessage.count({ where: { toAddress: 'bjorn@bjornafjorden.example' } })).toBe(1)
    const again = await callRoute(platformAction, formRequest('/platform/municipalities', { ...fields, slug: 'bjornafjorden-2' }, { cookie: s.platformCookie }))
    expect(JSON.stringify(await again.json())).toContain('error.numberTaken')
    const overview = await (await callRoute(platformLoader, getRequest('/platform/municipalities', s.platformCookie))).json()
    expect(overview.municipalities.find((m: { slug: string }) => m.slug === 'bjornafjorden')).toMatchObject({ number: '4624', events30: 2, plans: 0 })
  })
})
