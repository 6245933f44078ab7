import { describe, expect, it } from 'vitest'
import { GRANTS, hasPermission, MUNICIPAL_ROLES, PLATFORM_ROLES, type Permission } from '~/modules/auth/roles.ts'
import { navFor } from '~/components/nav.ts'

describe('permissions', () => {
  it('denies by default: no roles, no permissions', () => {
    for (const permission of Object.keys(GRANTS) as Permission[]) expect(hasPermission([], permission)).toBe(false)
  })

  it('grants only what the table lists', () => {
    expect(hasPermission(['mentor'], 'manage:users')).toBe(false)
    expect(hasPermission(['municipality_admin'], 'manage:users')).toBe(true)
    expect(hasPermission(['coordinator'], 'create:municipality')).toBe(false)
    expect(hasPermission(['platform_admin'], 'create:municipality')).toBe(true)
    expect(hasPermission(['national_editor'], 'review:national')).toBe(true)
    expect(hasPermission(['municipality_admin'], 'review:national')).toBe(false)
  })

  it('names only known roles in the table', () => {
    const known = new Set<string>([...MUNICIPAL_ROLES, ...PLATFORM_ROLES])
    for (const roles of Object.values(GRANTS)) for (const role of roles) expect(known.has(role)).toBe(true)
  })

  it('builds the navigation from the permissions', () => {
    expect(navFor(['mentor']).map((i) => i.to)).toEqual(['/dashboard', '/programmes', '/curriculum', '/methods', '/networks', '/cases', '/plans', '/surveys'])
    expect(navFor(['mentee']).map((i) => i.to)).toEqual(['/dashboard', '/curriculum', '/methods', '/plans', '/surveys'])
    expect(navFor(['coordinator']).map((i) => i.to)).toEqual(['/dashboard', '/programmes', '/templates', '/curriculum', '/methods', '/networks', '/cases', '/plans', '/plans/adherence', '/surveys', '/outcomes/retention'])
    expect(navFor(['programme_lead']).map((i) => i.to)).toEqual(expect.arrayContaining(['/networks', '/networks/report', '/plans/adherence', '/outcomes/retention']))
    expect(navFor(['municipality_admin']).map((i) => i.to)).toContain('/admin/users')
    expect(navFor(['platform_admin']).map((i) => i.to)).toContain('/platform/municipalities')
    expect(navFor(['national_editor']).map((i) => i.to)).toEqual(['/dashboard', '/curriculum', '/methods', '/cases', '/national', '/outcomes/national'])
    expect(navFor(['municipality_admin']).map((i) => i.to)).toContain('/outcomes/settings')
    expect(navFor(['mentor']).map((i) => i.to)).not.toContain('/outcomes/retention')
  })
})
