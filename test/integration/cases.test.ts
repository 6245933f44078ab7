// The case library on SQLite and PostgreSQL: the personal-data gate before
// sharing, scopes and review, withdrawal, reflections and their moderation,
// picks for a gathering, and search that never shows a case the viewer may
// not see (compared with tenancy's visibleWhere). Every action naming a case
// or record is tried from another municipality.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { getViewer, startSession, type Viewer } from '~/modules/auth/index.ts'
import {
  addReflection, caseDetails, caseFindings, casesForGathering, casesSharedTo, createCase, dismissFinding, hideReflection, loadCase, pendingReviews,
  pickForGathering, reviewCase, saveCase, searchCases, shareCase, withdrawCase,
} from '~/modules/cases/index.ts'
import { parseSearch, type CaseInput } from '~/modules/cases/schemas.ts'
import { addMember, createNetwork } from '~/modules/networks/index.ts'
import { loadAudience, visibleWhere } from '~/modules/tenancy/index.ts'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'

beforeEach(resetDb)

async function viewerOf(userId: string, municipalityId: string | null) {
  const cookie = cookieFrom(await startSession(getRequest('/'), { userId, municipalityId }))
  return runWithRequestStore(async () => (await getViewer(getRequest('/', cookie)))!)
}
const actor = (v: Viewer) => ({ userId: v.userId, municipalityId: v.municipality?.id ?? null })
const search = (v: Viewer, q: string, extra: Record<string, string> = {}) => searchCases(v, parseSearch(new URLSearchParams({ q, ...extra })))

/** A valid test fødselsnummer made by the algorithm (not a real person's). */
function testId(): string {
  const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2], W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
  for (let i = 100; i < 999; i++) {
    const d = `150385${i}`.split('').map(Number)
    let k1 = 11 - (W1.reduce((s, w, j) => s + w * d[j]!, 0) % 11)
    if (k1 === 11) k1 = 0
    if (k1 === 10) continue
    let k2 = 11 - (W2.reduce((s, w, j) => s + w * [...d, k1][j]!, 0) % 11)
    if (k2 === 11) k2 = 0
    if (k2 === 10) continue
    return `150385${i}${k1}${k2}`
  }
  throw new Error('no id')
}

const base: CaseInput = {
  intent: 'save', title: 'Uro på kveldsvakt', situation: 'En beboer ble urolig da vi kom sent med medisinene.', question: 'Hvordan roer vi situasjonen?',
  thoughts: 'Jeg tenkte at jeg hadde gjort noe feil.', feelings: 'Stress', actions: 'Satte meg ned og lyttet.', bodily: 'Hjertebank', serviceType: 'hvs', topic: 'professional', method: 'reflecting-team', link: undefined,
}

async function world() {
  const trd = await makeMunicipality('Trondheim')
  const far = await makeMunicipality('Farsund')
  const admin = await makeUser({ municipalityId: trd.id, roles: ['municipality_admin'] })
  const contact = await makeUser({ municipalityId: trd.id, roles: ['network_contact', 'mentor'], name: 'Kontakt K' })
  const author = await makeUser({ municipalityId: trd.id, roles: ['mentor'], name: 'Forfatter F' })
  const member = await makeUser({ municipalityId: trd.id, roles: ['mentor'], name: 'Medlem M' })
  const outsider = await makeUser({ municipalityId: trd.id, roles: ['mentor'], name: 'Utenfor U' })
  const coord = await makeUser({ municipalityId: trd.id, roles: ['coordinator'], name: 'Koord K' })
  const farMentor = await makeUser({ municipalityId: far.id, roles: ['mentor'], name: 'Farsund Mentor' })
  const farCoord = await makeUser({ municipalityId: far.id, roles: ['coordinator'], name: 'Farsund Koord' })
  const editor = await makeUser({ platformRoles: ['national_editor'], name: 'KS Redaktør' })
  const created = await createNetwork({ userId: admin.id, municipalityId: trd.id }, { name: 'Nettverk Østbyen', contactId: contact.id, rhythmMonths: 2 })
  if (!created.ok) throw new Error('setup')
  const network = await db.network.findUniqueOrThrow({ where: { id: created.id } })
  for (const u of [author, member]) expect(await addMember({ userId: contact.id, municipalityId: trd.id }, network, u.id)).toEqual({ ok: true })
  const v = {
    author: await viewerOf(author.id, trd.id), member: await viewerOf(member.id, trd.id), outsider: await viewerOf(outsider.id, trd.id), contact: await viewerOf(contact.id, trd.id),
    coord: await viewerOf(coord.id, trd.id), farMentor: await viewerOf(farMentor.id, far.id), farCoord: await viewerOf(farCoord.id, far.id), editor: await viewerOf(editor.id, null),
  }
  return { trd, far, network, v }
}

async function newCase(v: Viewer, input: Partial<CaseInput> = {}) {
  const r = await createCase(actor(v), v, { ...base, ...input })
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.id
}
const load = async (v: Viewer, id: string) => (await loadCase(v, id))!

describe('the personal-data gate', () => {
  it('finds an identity number and a phone number, blocks sharing until fixed or dismissed, then shares to the network', async () => {
    const { network, v } = await world()
    const fnr = testId()
    const id = await newCase(v.author, { situation: `Pasienten (${fnr}) ba meg ringe 912 34 567.` })
    let findings = await caseFindings((await load(v.author, id)).case)
    expect(findings.map((f) => f.kind)).toEqual(['nationalId', 'phone'])
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })).toEqual({ ok: false, formErrors: ['cases.shareBlocked'] })
    // Dismiss the phone number (it is the ward's public switchboard), remove the identity number.
    expect(await dismissFinding(actor(v.author), await load(v.author, id), findings[1]!.fingerprint)).toEqual({ ok: true, id })
    const dismissal = await db.caseDismissal.findFirstOrThrow({ where: { caseId: id } })
    expect(dismissal).toMatchObject({ kind: 'phone', userId: v.author.userId })
    expect(JSON.stringify(dismissal)).not.toContain('912')
    expect(await saveCase(actor(v.author), v.author, await load(v.author, id), { ...base, situation: 'Pasienten ba meg ringe 912 34 567.' })).toMatchObject({ ok: true })
    findings = await caseFindings((await load(v.author, id)).case)
    expect(findings.map((f) => [f.kind, f.dismissed])).toEqual([['phone', true]])
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })).toEqual({ ok: true, id })
    expect(await loadCase(v.member, id)).not.toBeNull()
    expect(await loadCase(v.outsider, id)).toBeNull()
    expect(await loadCase(v.farMentor, id)).toBeNull()
    // Nothing of the values went to the audit log.
    const events = await db.auditEvent.findMany({ where: { entityId: id } })
    expect(JSON.stringify(events)).not.toContain(fnr)
    expect(JSON.stringify(events)).not.toContain('912 34 567')
    // The edit history kept both saves.
    expect(await db.caseVersion.count({ where: { caseId: id } })).toBe(2)
  })

  it('a new finding in a shared case makes it private again; an autosave keeps no version', async () => {
    const { network, v } = await world()
    const id = await newCase(v.author)
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })).toMatchObject({ ok: true })
    const r = await saveCase(actor(v.author), v.author, await load(v.author, id), { ...base, intent: 'autosave', situation: 'Kari Nordmann ringte på.' })
    expect(r).toMatchObject({ ok: true, unshared: true })
    expect((await db.case.findUniqueOrThrow({ where: { id } })).scope).toBe('private')
    expect(await db.caseVersion.count({ where: { caseId: id } })).toBe(1)
    expect(await loadCase(v.member, id)).toBeNull()
  })

  it('refuses a reflection holding personal data and saves nothing', async () => {
    const { network, v } = await world()
    const id = await newCase(v.author)
    await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })
    const r = await addReflection(actor(v.member), await load(v.member, id), 'Ring Ola Hansen på 41234567')
    expect(r).toMatchObject({ ok: false, fieldErrors: { body: ['cases.reflectionPersonal'] } })
    expect(await db.caseReflection.count()).toBe(0)
  })
})

describe('scopes, review and withdrawal', () => {
  it('municipality share waits for a coordinator of that municipality; national for a national editor', async () => {
    const { v } = await world()
    const id = await newCase(v.author)
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'municipality' })).toMatchObject({ ok: true })
    expect(await loadCase(v.outsider, id)).toBeNull()
    // Another municipality's coordinator neither sees nor reviews it.
    expect(await loadCase(v.farCoord, id)).toBeNull()
    expect(await pendingReviews(v.farCoord)).toEqual([])
    expect((await pendingReviews(v.coord)).map((c) => c.id)).toEqual([id])
    expect(await reviewCase(actor(v.author), v.author, await load(v.author, id), 'approve', undefined)).toEqual({ ok: false, formErrors: ['cases.notReviewer'] })
    expect(await reviewCase(actor(v.coord), v.coord, (await loadCase(v.coord, id))!, 'approve', undefined)).toMatchObject({ ok: true })
    expect(await loadCase(v.outsider, id)).not.toBeNull()
    expect(await loadCase(v.farMentor, id)).toBeNull()
    // National: the coordinator cannot approve; the editor can; then Farsund finds it.
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'national' })).toMatchObject({ ok: true })
    expect(await reviewCase(actor(v.coord), v.coord, (await loadCase(v.coord, id))!, 'approve', undefined)).toEqual({ ok: false, formErrors: ['cases.notReviewer'] })
    expect((await search(v.farMentor, 'kveldsvakt')).hits).toEqual([])
    expect(await reviewCase(actor(v.editor), v.editor, (await loadCase(v.editor, id))!, 'approve', undefined)).toMatchObject({ ok: true })
    expect((await search(v.farMentor, 'kveldsvakt')).hits.map((h) => h.id)).toEqual([id])
    // Withdrawn: hidden everywhere at once.
    expect(await withdrawCase(actor(v.author), await load(v.author, id))).toMatchObject({ ok: true })
    expect(await loadCase(v.farMentor, id)).toBeNull()
    expect(await loadCase(v.outsider, id)).toBeNull()
    expect((await search(v.farMentor, 'kveldsvakt')).hits).toEqual([])
  })

  it('a reviewer sends a case back with a comment; the share does not happen', async () => {
    const { v } = await world()
    const id = await newCase(v.author)
    await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'municipality' })
    expect(await reviewCase(actor(v.coord), v.coord, (await loadCase(v.coord, id))!, 'send_back', 'Ta bort tidspunktet')).toMatchObject({ ok: true })
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ scope: 'private', review: 'sent_back', reviewComment: 'Ta bort tidspunktet', requestedScope: null })
    expect(await loadCase(v.outsider, id)).toBeNull()
  })

  it('refuses every owner action from anyone else, and sharing to a network the author is not in', async () => {
    const { v, network } = await world()
    const id = await newCase(v.author, { situation: 'Ring 912 34 567' })
    const fp = (await caseFindings((await load(v.author, id)).case))[0]!.fingerprint
    // Shared to the network so the member can load it; the member still cannot act as owner.
    await dismissFinding(actor(v.author), await load(v.author, id), fp)
    await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })
    const asMember = await load(v.member, id)
    expect(await saveCase(actor(v.member), v.member, asMember, base)).toEqual({ ok: false, formErrors: ['cases.notOwner'] })
    expect(await shareCase(actor(v.member), asMember, { intent: 'share', scope: 'private' })).toEqual({ ok: false, formErrors: ['cases.notOwner'] })
    expect(await withdrawCase(actor(v.member), asMember)).toEqual({ ok: false, formErrors: ['cases.notOwner'] })
    expect(await dismissFinding(actor(v.member), asMember, fp)).toEqual({ ok: false, formErrors: ['cases.notOwner'] })
    // Another municipality sees nothing to act on.
    expect(await loadCase(v.farMentor, id)).toBeNull()
    expect(await loadCase(v.farCoord, id)).toBeNull()
    // A network of another municipality the author is not in.
    const farNet = await createNetwork({ userId: v.farCoord.userId, municipalityId: v.farCoord.municipality!.id }, { name: 'Farsund nettverk', contactId: v.farMentor.userId, rhythmMonths: 2 })
    if (!farNet.ok) throw new Error('setup')
    expect(await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: farNet.id })).toEqual({ ok: false, fieldErrors: { networkId: ['cases.invalidChoice'] } })
    // A link to a gathering of another municipality is refused.
    const prog = await db.programme.create({ data: { municipalityId: v.farCoord.municipality!.id, name: 'Farsund 2026', year: 2026, coordinatorId: v.farCoord.userId, requiredMinutes: 600, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') } })
    const g = await db.gathering.create({ data: { programmeId: prog.id, order: 1, kind: 'gathering', title: 'Samling 1', theme: 'x', startsAt: new Date('2026-02-01T10:00:00Z'), durationMinutes: 180 } })
    expect(await createCase(actor(v.author), v.author, { ...base, link: `gathering:${g.id}` })).toEqual({ ok: false, fieldErrors: { link: ['cases.invalidChoice'] } })
    // Farsund's coordinator cannot pick a Trondheim network case for their gathering.
    expect(await pickForGathering(actor(v.farCoord), v.farCoord, g, id, true)).toEqual({ ok: false, formErrors: ['cases.notFound'] })
    expect(await db.caseUse.count()).toBe(0)
  })
})

describe('reflections, picks and pages', () => {
  it('members reflect; the contact person hides a reflection; a member cannot', async () => {
    const { v, network } = await world()
    const id = await newCase(v.author)
    await shareCase(actor(v.author), await load(v.author, id), { intent: 'share', scope: 'network', networkId: network.id })
    expect(await addReflection(actor(v.member), await load(v.member, id), 'Jeg kjenner igjen stresset.')).toMatchObject({ ok: true })
    const r = await db.caseReflection.findFirstOrThrow()
    expect(await hideReflection(actor(v.member), v.member, await load(v.member, id), r.id)).toEqual({ ok: false, formErrors: ['cases.notModerator'] })
    expect(await hideReflection(actor(v.contact), v.contact, await load(v.contact, id), r.id)).toMatchObject({ ok: true })
    const seenByAuthor = await caseDetails(v.author, await load(v.author, id))
    expect(seenByAuthor.reflections).toEqual([])
    expect((await caseDetails(v.member, await load(v.member, id))).reflections.map((x) => x.hidden)).toEqual([true])
    expect((await casesSharedTo(v.member, { networkId: network.id })).map((c) => c.id)).toEqual([id])
    expect(await casesSharedTo(v.outsider, { networkId: network.id })).toEqual([])
  })

  it('a coordinator picks a shared case for a gathering; the author sees where; withdrawal hides it there', async () => {
    const { v, trd } = await world()
    const prog = await db.programme.create({ data: { municipalityId: trd.id, name: 'Mentorprogram 2026', year: 2026, coordinatorId: v.coord.userId, requiredMinutes: 2640, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') } })
    const g = await db.gathering.create({ data: { programmeId: prog.id, order: 8, kind: 'gathering', title: 'Reflekterende team', theme: 'RT', startsAt: new Date('2026-09-27T10:00:00Z'), durationMinutes: 180 } })
    await db.enrolment.create({ data: { programmeId: prog.id, userId: v.author.userId, joinedOn: new Date('2026-01-01') } })
    const author = await viewerOf(v.author.userId, trd.id)
    const id = await newCase(author)
    expect(await pickForGathering(actor(v.coord), v.coord, g, id, true)).toEqual({ ok: false, formErrors: ['cases.notFound'] })
    expect(await shareCase(actor(author), await load(author, id), { intent: 'share', scope: 'programme', programmeId: prog.id })).toMatchObject({ ok: true })
    expect(await pickForGathering(actor(v.coord), v.coord, g, id, true)).toMatchObject({ ok: true })
    expect((await casesForGathering(v.coord, g.id)).map((c) => c.id)).toEqual([id])
    expect((await caseDetails(author, await load(author, id))).uses.map((u) => u.label)).toEqual(['Mentorprogram 2026: Reflekterende team'])
    expect((await casesSharedTo(v.coord, { programmeId: prog.id })).map((c) => c.id)).toEqual([id])
    await withdrawCase(actor(author), await load(author, id))
    expect(await casesForGathering(v.coord, g.id)).toEqual([])
  })
})

describe('search', () => {
  it('finds by words and filters, pages, and never returns a case the viewer may not see', async () => {
    const { v, network } = await world()
    const shared = await newCase(v.author, { title: 'Pårørende i døra', situation: 'Pårørende stilte mange spørsmål om medisinene.', serviceType: 'home_care', topic: 'social' })
    await shareCase(actor(v.author), await load(v.author, shared), { intent: 'share', scope: 'network', networkId: network.id })
    const priv = await newCase(v.author, { title: 'Pårørende ringte', situation: 'Privat utkast om pårørende.' })
    const farCase = await newCase(v.farMentor, { title: 'Pårørende i Farsund', situation: 'Pårørende ventet i gangen.' })
    expect((await search(v.member, 'pårørende')).hits.map((h) => h.id)).toEqual([shared])
    expect((await search(v.author, 'pårørende')).hits.map((h) => h.id).sort()).toEqual([shared, priv].sort())
    expect((await search(v.farMentor, 'pårørende')).hits.map((h) => h.id)).toEqual([farCase])
    expect((await search(v.outsider, 'pårørende')).hits).toEqual([])
    // Prefix and filters.
    expect((await search(v.member, 'medisin')).hits.map((h) => h.id)).toEqual([shared])
    expect((await search(v.author, 'pårørende', { serviceType: 'hvs' })).hits.map((h) => h.id)).toEqual([priv])
    expect((await search(v.author, '', { topic: 'social' })).hits.map((h) => h.id)).toEqual([shared])
    expect((await search(v.author, '', { scope: 'network' })).total).toBe(1)
    // Query syntax is only words: no error, no injection.
    expect((await search(v.member, '"pårørende"* ( ) \' ;-- :')).hits.map((h) => h.id)).toEqual([shared])
    // Without words, the same set as tenancy's visibleWhere, for every viewer.
    for (const viewer of Object.values(v)) {
      const all = (await search(viewer, '')).hits.map((h) => h.id).sort()
      const rule = (await db.case.findMany({ where: visibleWhere(await loadAudience(viewer)), select: { id: true } })).map((c) => c.id).sort()
      expect(all).toEqual(rule)
    }
  })

  it('pages by 20', async () => {
    const { v } = await world()
    for (let i = 0; i < 23; i++) await newCase(v.author, { title: `Nattevakt ${i}` })
    const p1 = await search(v.author, 'nattevakt')
    const p2 = await search(v.author, 'nattevakt', { page: '2' })
    expect([p1.total, p1.pages, p1.hits.length, p2.hits.length]).toEqual([23, 2, 20, 3])
    expect(new Set([...p1.hits, ...p2.hits].map((h) => h.id)).size).toBe(23)
  })

  it('caps the count at 1000 and lists newest first when more match, still only visible cases', async () => {
    const { v } = await world()
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      municipalityId: v.author.municipality!.id, ownerId: v.author.userId, title: `Brannrutiner ${i}`, situation: 'Brannrutiner på natt.', scope: i % 2 ? 'municipality' : 'private', updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    }))
    await db.case.createMany({ data: rows })
    const mine = await search(v.author, 'brannrutiner')
    expect([mine.capped, mine.total, mine.hits.length, mine.hits[0]!.title]).toEqual([true, 1000, 20, 'Brannrutiner 1004'])
    const colleague = await search(v.outsider, 'brannrutiner')
    expect(colleague.hits.every((h) => h.scope === 'municipality')).toBe(true)
    expect([colleague.capped, colleague.total]).toEqual([false, 502])
    expect((await search(v.farMentor, 'brannrutiner')).total).toBe(0)
  })
})
