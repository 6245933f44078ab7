// Issue 8, item 2: programme access needs an active role with the permission in
// the run's municipality; being named its coordinator is not enough.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import * as index from '~/routes/programmes.$id._index.tsx'
import * as attendance from '~/routes/programmes.$id.attendance.tsx'
import * as attendanceCsv from '~/routes/programmes.$id.attendance[.]csv.tsx'
import * as diplomas from '~/routes/programmes.$id.diplomas.tsx'
import * as diplomasPdf from '~/routes/programmes.$id.diplomas[.]pdf.tsx'
import * as gathering from '~/routes/programmes.$id.gatherings.$gid._index.tsx'
import * as edit from '~/routes/programmes.$id.gatherings.$gid.edit.tsx'
import * as facilitate from '~/routes/programmes.$id.gatherings.$gid.facilitate.tsx'
import * as register from '~/routes/programmes.$id.gatherings.$gid.register.tsx'
import * as sheet from '~/routes/programmes.$id.gatherings.$gid.sign-in-sheet.tsx'
import * as participants from '~/routes/programmes.$id.participants.tsx'
import * as progress from '~/routes/programmes.$id.progress.tsx'
import * as list from '~/routes/programmes._index.tsx'
import { formRequest, getRequest, makeMunicipality, makeUser } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(resetDb)

const PAGES = [
  ['', index],
  ['/attendance', attendance],
  ['/attendance.csv', attendanceCsv],
  ['/diplomas', diplomas],
  ['/diplomas.pdf', diplomasPdf],
  ['/participants', participants],
  ['/progress', progress],
  ['/gatherings/:gid', gathering],
  ['/gatherings/:gid/edit', edit],
  ['/gatherings/:gid/facilitate', facilitate],
  ['/gatherings/:gid/register', register],
  ['/gatherings/:gid/sign-in-sheet', sheet],
] as const

async function world() {
  const farsund = await makeMunicipality('Farsund')
  const kristiansand = await makeMunicipality('Kristiansand')
  const coordinator = await makeUser({ municipalityId: farsund.id, roles: ['coordinator'] })
  await db.membership.create({ data: { userId: coordinator.id, municipalityId: kristiansand.id, role: 'coordinator' } })
  const mentor = await makeUser({ municipalityId: farsund.id, roles: ['mentor'] })
  await db.membership.create({ data: { userId: mentor.id, municipalityId: kristiansand.id, role: 'mentor' } })
  const programme = await db.programme.create({
    data: { municipalityId: farsund.id, name: 'Farsund 2027', year: 2027, coordinatorId: coordinator.id, requiredMinutes: 600, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-12-31') },
  })
  const g = await db.gathering.create({
    data: { programmeId: programme.id, order: 1, kind: 'gathering', title: 'Oppstart', theme: 'Oppstart', startsAt: new Date('2027-01-14T08:00:00Z'), durationMinutes: 240 },
  })
  await db.enrolment.create({ data: { programmeId: programme.id, userId: mentor.id, joinedOn: new Date('2027-01-01') } })
  return { farsund, kristiansand, coordinator, mentor, programme, g }
}

async function statuses(cookie: string, programmeId: string, gid: string) {
  const out: Record<string, number> = {}
  for (const [path, route] of PAGES) {
    const url = `/programmes/${programmeId}${path.replace(':gid', gid)}`
    out[path || '/'] = (await callRoute(route.loader as never, getRequest(url, cookie), { id: programmeId, gid })).status
  }
  return out
}

describe('a deactivated coordinator', () => {
  it('gets 404 on every programme route of the run they are still named coordinator of', async () => {
    const w = await world()
    const cookie = await signIn(w.coordinator.id, w.farsund.id)
    // Sanity: while active, the pages open.
    expect((await callRoute(index.loader as never, getRequest(`/programmes/${w.programme.id}`, cookie), { id: w.programme.id })).status).toBe(200)

    await db.membership.updateMany({ where: { userId: w.coordinator.id, municipalityId: w.farsund.id }, data: { deactivatedAt: new Date() } })
    // Still a coordinator in Kristiansand, so signed in with manage:programmes there.
    const after = await statuses(cookie, w.programme.id, w.g.id)
    expect(after).toEqual(Object.fromEntries(PAGES.map(([p]) => [p || '/', 404])))
    const post = await callRoute(participants.action as never, formRequest(`/programmes/${w.programme.id}/participants`, { intent: 'enrol', name: 'X', email: 'x@example.no', joinedOn: '2027-01-14' }, { cookie }), { id: w.programme.id })
    expect(post.status).toBe(404)
    const listed = await callRoute(list.loader as never, getRequest('/programmes', cookie))
    expect(await listed.text()).not.toContain(w.programme.id)
  })

  it('a mentor deactivated in the run\'s municipality no longer sees it either', async () => {
    const w = await world()
    const cookie = await signIn(w.mentor.id, w.farsund.id)
    expect((await callRoute(index.loader as never, getRequest(`/programmes/${w.programme.id}`, cookie), { id: w.programme.id })).status).toBe(200)
    await db.membership.updateMany({ where: { userId: w.mentor.id, municipalityId: w.farsund.id }, data: { deactivatedAt: new Date() } })
    expect((await callRoute(index.loader as never, getRequest(`/programmes/${w.programme.id}`, cookie), { id: w.programme.id })).status).toBe(404)
    expect((await callRoute(gathering.loader as never, getRequest(`/programmes/${w.programme.id}/gatherings/${w.g.id}`, cookie), { id: w.programme.id, gid: w.g.id })).status).toBe(404)
  })
})
