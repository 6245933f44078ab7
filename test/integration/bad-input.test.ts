// Issue 8, item 4: bad input answers 4xx, never 500, and redirects stay on the site.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { action as languageAction } from '~/routes/language.tsx'
import { action as loginAction } from '~/routes/login.tsx'
import { action as registerAction } from '~/routes/programmes.$id.gatherings.$gid.register.tsx'
import { formRequest, makeMunicipality, makeUser, PASSWORD } from '../support/factories.ts'
import { resetDb } from '../support/reset.ts'
import { callRoute, signIn } from '../support/route.ts'

beforeEach(resetDb)

describe('redirectTo', () => {
  it('falls back to a safe page for CR/LF, characters above U+00FF and /%09/ hosts, after a successful sign-in', async () => {
    const m = await makeMunicipality()
    const user = await makeUser({ municipalityId: m.id, roles: ['mentor'] })
    for (const [i, to] of ['/a\r\nSet-Cookie: x=1', '/a\nb', '/\u0100', '/%09/evil.example', '/\t/evil.example'].entries()) {
      const res = await callRoute(loginAction as never, formRequest('/login', { email: user.email, password: PASSWORD, redirectTo: to }), {}, `10.4.0.${i}`)
      expect(res.status, JSON.stringify(to)).toBe(302)
      expect(res.headers.get('Location')).toBe('/dashboard')
    }
    const ok = await callRoute(loginAction as never, formRequest('/login', { email: user.email, password: PASSWORD, redirectTo: '/account?x=1' }), {}, '10.4.1.1')
    expect(ok.headers.get('Location')).toBe('/account?x=1')
    const lang = await callRoute(languageAction as never, formRequest('/language', { lang: 'en', redirectTo: '/%09/evil.example' }))
    expect(lang.headers.get('Location')).toBe('/')
  })
})

describe('register version', () => {
  it('answers 400 to a version that is not a small whole number', async () => {
    const m = await makeMunicipality()
    const coordinator = await makeUser({ municipalityId: m.id, roles: ['coordinator'] })
    const p = await db.programme.create({
      data: { municipalityId: m.id, name: 'P', year: 2027, coordinatorId: coordinator.id, requiredMinutes: 600, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-12-31') },
    })
    const g = await db.gathering.create({ data: { programmeId: p.id, order: 1, kind: 'gathering', title: 'G', theme: 'T', startsAt: new Date('2027-01-14T08:00:00Z'), durationMinutes: 240 } })
    const cookie = await signIn(coordinator.id, m.id)
    const url = `/programmes/${p.id}/gatherings/${g.id}/register`
    for (const version of ['abc', '1e400', '99999999999999999999', '-1']) {
      for (const intent of ['save', 'all-present']) {
        const res = await callRoute(registerAction as never, formRequest(url, { intent, version }, { cookie }), { id: p.id, gid: g.id })
        expect(res.status, `${intent} ${version}`).toBe(400)
      }
    }
    expect(await db.gathering.findUniqueOrThrow({ where: { id: g.id } })).toMatchObject({ registerVersion: 0 })
  })
})
