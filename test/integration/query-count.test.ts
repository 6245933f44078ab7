import { describe, expect, it } from 'vitest'
import { countQueries } from '~/db.server.ts'
import { startSession } from '~/modules/auth/index.ts'
import { loader as dashboardLoader } from '~/routes/dashboard.tsx'
import { loader as usersLoader } from '~/routes/admin.users._index.tsx'
import { loader as rootLoader } from '~/root.tsx'
import { runWithRequestStore } from '~/utils/request-context.server.ts'
import { cookieFrom, getRequest, makeMunicipality, makeUnit, makeUser } from '../support/factories.ts'

/** Runs the loaders of one document request the way the server does, counting SQL statements. */
async function documentQueries(path: string, cookie: string, loaders: ((args: any) => Promise<unknown>)[]) {
  return runWithRequestStore(async () => {
    const request = getRequest(path, cookie)
    const { queries } = await countQueries(() => Promise.all(loaders.map((l) => l({ request, params: {}, context: {} }))))
    return queries
  })
}

describe('queries per request', () => {
  it('stay flat as the municipality grows', async () => {
    const m = await makeMunicipality()
    const unit = await makeUnit(m.id)
    const admin = await makeUser({ municipalityId: m.id, roles: ['municipality_admin'] })
    const cookie = cookieFrom(await startSession(getRequest('/'), { userId: admin.id, municipalityId: m.id }))

    const dashboardSmall = await documentQueries('/dashboard', cookie, [rootLoader, dashboardLoader])
    const usersSmall = await documentQueries('/admin/users', cookie, [rootLoader, usersLoader])
    for (let i = 0; i < 40; i++) await makeUser({ municipalityId: m.id, roles: ['mentor'], unitId: unit.id })
    const dashboardLarge = await documentQueries('/dashboard', cookie, [rootLoader, dashboardLoader])
    const usersLarge = await documentQueries('/admin/users', cookie, [rootLoader, usersLoader])

    // The viewer is one statement, read once per request however many loaders
    // ask for it; the dashboard's figures are one more.
    expect(dashboardSmall).toBe(2)
    expect(dashboardLarge).toBe(dashboardSmall)
    expect(usersLarge).toBe(usersSmall)
  })
})
