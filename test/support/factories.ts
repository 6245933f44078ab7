import { randomUUID } from 'node:crypto'
import { db } from '~/db.server.ts'
import { hashPassword } from '~/modules/auth/password.server.ts'
import type { MunicipalRole, PlatformRole } from '~/modules/auth/roles.ts'

export const PASSWORD = 'correct horse battery'
let passwordHash: Promise<string> | undefined

export function uid() {
  return randomUUID().slice(0, 8)
}

export async function makeMunicipality(name = `Kommune ${uid()}`) {
  return db.municipality.create({ data: { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') } })
}

export async function makeUnit(municipalityId: string, name = `Enhet ${uid()}`, serviceType = 'home_care') {
  return db.unit.create({ data: { municipalityId, name, serviceType } })
}

export async function makeUser(opts: {
  municipalityId?: string
  roles?: MunicipalRole[]
  platformRoles?: PlatformRole[]
  name?: string
  email?: string
  unitId?: string | null
  withPassword?: boolean
} = {}) {
  passwordHash ??= hashPassword(PASSWORD)
  const user = await db.user.create({
    data: {
      name: opts.name ?? `Person ${uid()}`,
      email: opts.email ?? `p-${uid()}@example.no`,
      passwordHash: opts.withPassword === false ? null : await passwordHash,
    },
  })
  for (const role of opts.roles ?? []) {
    await db.membership.create({ data: { userId: user.id, municipalityId: opts.municipalityId!, role, unitId: opts.unitId ?? null } })
  }
  for (const role of opts.platformRoles ?? []) await db.platformRole.create({ data: { userId: user.id, role } })
  return user
}

/** A form POST as the browser sends it. */
export function formRequest(url: string, fields: Record<string, string | string[]>, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item)
  return new Request(new URL(url, 'http://mentornett.test'), {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers },
  })
}

export function getRequest(url: string, cookie?: string) {
  return new Request(new URL(url, 'http://mentornett.test'), { headers: cookie ? { Cookie: cookie } : {} })
}

/** The cookie pair from a Set-Cookie header, for the next request. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error('no Set-Cookie header')
  return setCookie.split(';')[0]
}
