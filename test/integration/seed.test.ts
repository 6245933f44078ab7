import { describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { seed } from '../../prisma/seed.ts'
import { planFor, seedNational } from '../../prisma/seed-national.ts'
import { resetDb } from '../support/reset.ts'

async function counts() {
  const [municipalities, units, users, memberships, platformRoles] = await Promise.all([
    db.municipality.count(),
    db.unit.count(),
    db.user.count(),
    db.membership.count(),
    db.platformRole.count(),
  ])
  return { municipalities, units, users, memberships, platformRoles }
}

describe('demo seed', () => {
  it('is idempotent and has the 2018 Trondheim units', async () => {
    await resetDb()
    await seed()
    const first = await counts()
    await seed()
    expect(await counts()).toEqual(first)
    const trondheim = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' }, include: { units: true } })
    expect(trondheim.units.map((u) => u.name.split(' ')[0]).sort()).toEqual(['Bergheim', 'Dragvoll', 'Ilsvika', 'Munkvoll', 'Valentinlyst', 'Zion'])
    expect(await db.membership.count({ where: { municipalityId: trondheim.id, role: 'mentor' } })).toBe(13)
  })
})

describe('national generator', () => {
  it('makes the same data every run, at the planned size', async () => {
    await resetDb()
    const first = await seedNational(0.02)
    const emails = (await db.user.findMany({ select: { email: true, name: true }, orderBy: { email: 'asc' }, take: 20 }))
    const second = await seedNational(0.02)
    expect(second).toEqual(first)
    expect(await db.user.findMany({ select: { email: true, name: true }, orderBy: { email: 'asc' }, take: 20 })).toEqual(emails)
    const plan = planFor(0.02)
    expect(first).toMatchObject({ municipalities: plan.municipalities, mentors: plan.mentors, mentees: plan.mentees })
  })
})
