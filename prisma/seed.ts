// Idempotent demo data: run as often as you like (`npm run seed`).
import { db } from '../app/db.server.ts'
import { hashPassword } from '../app/modules/auth/password.server.ts'
import type { MunicipalRole } from '../app/modules/auth/roles.ts'
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, FORMER_COORDINATOR, PLATFORM_PEOPLE, REGIONAL_PERSON } from './seed/demo-data.ts'
import { seedNetworks } from './seed/networks.ts'
import { seedProgrammes } from './seed/programmes.ts'
import { seedPlans } from './seed/plans.ts'
import { seedCases } from './seed/cases.ts'
import { seedSurveys } from './seed/surveys.ts'
import { seedRetention } from './seed/retention.ts'
import { seedSecurity } from './seed/security.ts'
import { seedPrivacy } from './seed/privacy.ts'

async function upsertUser(name: string, email: string, passwordHash: string) {
  return db.user.upsert({
    where: { email },
    create: { name, email, passwordHash },
    update: {},
  })
}

async function grant(userId: string, municipalityId: string, roles: MunicipalRole[], unitId: string | null) {
  for (const role of roles) {
    await db.membership.upsert({
      where: { userId_municipalityId_role: { userId, municipalityId, role } },
      create: { userId, municipalityId, role, unitId },
      update: {},
    })
  }
}

export async function seed() {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const unitIds = new Map<string, string>()
  const municipalityIds = new Map<string, string>()

  for (const m of DEMO_MUNICIPALITIES) {
    const municipality = await db.municipality.upsert({
      where: { slug: m.slug },
      create: { slug: m.slug, name: m.name, defaultLanguage: m.defaultLanguage },
      update: {},
    })
    municipalityIds.set(m.slug, municipality.id)
    const districtIds = new Map<string, string>()
    for (const name of m.districts) {
      const d = await db.district.upsert({
        where: { municipalityId_name: { municipalityId: municipality.id, name } },
        create: { municipalityId: municipality.id, name },
        update: {},
      })
      districtIds.set(name, d.id)
    }
    for (const u of m.units) {
      const unit = await db.unit.upsert({
        where: { municipalityId_name: { municipalityId: municipality.id, name: u.name } },
        create: { municipalityId: municipality.id, name: u.name, serviceType: u.serviceType, districtId: u.district ? districtIds.get(u.district) : null },
        update: {},
      })
      unitIds.set(`${m.slug}/${u.name}`, unit.id)
    }
    for (const p of m.people) {
      const user = await upsertUser(p.name, p.email, passwordHash)
      await grant(user.id, municipality.id, p.roles, p.unit ? unitIds.get(`${m.slug}/${p.unit}`)! : null)
    }
  }

  const regional = await upsertUser(REGIONAL_PERSON.name, REGIONAL_PERSON.email, passwordHash)
  for (const m of REGIONAL_PERSON.memberships) {
    await grant(regional.id, municipalityIds.get(m.slug)!, m.roles, unitIds.get(`${m.slug}/${m.unit}`) ?? null)
  }

  const former = await upsertUser(FORMER_COORDINATOR.name, FORMER_COORDINATOR.email, passwordHash)
  await grant(former.id, municipalityIds.get(FORMER_COORDINATOR.active.slug)!, FORMER_COORDINATOR.active.roles, null)
  for (const role of FORMER_COORDINATOR.deactivated.roles) {
    const municipalityId = municipalityIds.get(FORMER_COORDINATOR.deactivated.slug)!
    await db.membership.upsert({
      where: { userId_municipalityId_role: { userId: former.id, municipalityId, role } },
      create: { userId: former.id, municipalityId, role, deactivatedAt: new Date('2026-06-30T22:00:00Z') },
      update: {},
    })
  }

  for (const p of PLATFORM_PEOPLE) {
    const user = await upsertUser(p.name, p.email, passwordHash)
    await db.platformRole.upsert({ where: { userId_role: { userId: user.id, role: p.role } }, create: { userId: user.id, role: p.role }, update: {} })
  }
  await seedProgrammes()
  await seedNetworks()
  await seedPlans()
  await seedCases()
  await seedSurveys()
  await seedRetention()
  await seedSecurity()
  await seedPrivacy()
  return { municipalities: municipalityIds.size }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now()
  seed()
    .then((r) => console.log(`seed: ${r.municipalities} demo municipalities ready (${Date.now() - started} ms)`))
    .catch((e) => {
      console.error(e)
      process.exitCode = 1
    })
    .finally(() => db.$disconnect())
}
