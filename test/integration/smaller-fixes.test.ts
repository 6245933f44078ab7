// Issue 8, item 5: leavers send nothing for later gatherings, 429s carry Retry-After,
// re-issue reports what it did.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { action as forgotAction } from '~/routes/forgot-password.tsx'
import { action as gatheringAction } from '~/routes/programmes.$id.gatherings.$gid._index.tsx'
import { action as checkInAction } from '~/routes/check-in.tsx'
import { action as diplomasAction } from '~/routes/programmes.$id.diplomas.tsx'
import { issueDiplomas, revokeDiploma } from '~/modules/diplomas/index.ts'
import { formRequest, makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(resetDb)

async function run() {
  const m = await makeMunicipality()
  const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
  const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
  const p = await db.programme.create({
    data: { municipalityId: m.id, name: 'P', year: 2027, coordinatorId: coordinator.id, requiredMinutes: 600, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-12-31') },
  })
  const mk = (order: number, startsAt: string) =>
    db.gathering.create({ data: { programmeId: p.id, order, kind: 'gathering', title: `G${order}`, theme: 'T', startsAt: new Date(startsAt), durationMinutes: 240, preparation: JSON.stringify(['Oppgave']) } })
  const before = await mk(1, '2027-02-01T08:00:00Z')
  const after = await mk(2, '2027-09-01T08:00:00Z')
  await db.enrolment.create({ data: { programmeId: p.id, userId: mentor.id, joinedOn: new Date('2027-01-01'), leftOn: new Date('2027-05-31T21:59:00Z') } })
  return { m, p, mentor, before, after }
}

describe('a member who left the run', () => {
  it('cannot send absence notices or preparation answers for gatherings after leaving', async () => {
    const w = await run()
    const cookie = await signIn(w.mentor.id, w.m.id)
    const post = (gid: string, fields: Record<string, string>) => callRoute(gatheringAction as never, formRequest(`/programmes/${w.p.id}/gatherings/${gid}`, fields, { cookie }), { id: w.p.id, gid })
    expect((await post(w.after.id, { intent: 'absence', reason: '' })).status).toBe(403)
    expect((await post(w.after.id, { 'answers[0]': 'Svar' })).status).toBe(403)
    expect(await db.absenceNotice.count()).toBe(0)
    expect(await db.preparationAnswer.count()).toBe(0)
    // Gatherings while still enrolled are unaffected.
    expect((await post(w.before.id, { 'answers[0]': 'Svar' })).status).toBe(302)
    expect(await db.preparationAnswer.count()).toBe(1)
  })
})

describe('429 answers', () => {
  it('carry Retry-After on the reset form and the check-in', async () => {
    let last: Response | undefined
    for (let i = 0; i < 51; i++) last = await callRoute(forgotAction as never, formRequest('/forgot-password', { email: `x${i}@example.no` }), {}, '10.77.0.1')
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)

    const w = await run()
    const cookie = await signIn(w.mentor.id, w.m.id)
    for (let i = 0; i < 61; i++) last = await callRoute(checkInAction as never, formRequest('/check-in', { code: 'ABCDEF' }, { cookie }))
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})

describe('re-issue', () => {
  it('reports only what it did', async () => {
    const m = await makeMunicipality()
    const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
    const mentor = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    const p = await db.programme.create({
      data: { municipalityId: m.id, name: 'P', year: 2027, coordinatorId: coordinator.id, requiredMinutes: 600, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-12-31') },
    })
    await db.enrolment.create({ data: { programmeId: p.id, userId: mentor.id, joinedOn: new Date('2027-01-01') } })
    const actor = { userId: coordinator.id, municipalityId: m.id }
    const first = (await issueDiplomas(actor, p.id, [mentor.id], 'participation', 'nb')).issued[0]
    const cookie = await signIn(coordinator.id, m.id)
    const reissue = (diplomaId: string) => callRoute(diplomasAction as never, formRequest(`/programmes/${p.id}/diplomas`, { intent: 'reissue', diplomaId, reason: 'Retting' }, { cookie }), { id: p.id })
    expect((await reissue(first)).headers.get('Location')).toMatch(/reissued=replaced$/)
    const second = (await db.diploma.findFirstOrThrow({ where: { revokedAt: null } })).id
    await revokeDiploma(actor, p.id, second, 'Feil')
    // The old one was already revoked: this request only issued a new one.
    expect((await reissue(second)).headers.get('Location')).toMatch(/reissued=new$/)
  })
})
