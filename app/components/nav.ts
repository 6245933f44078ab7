import type { MessageKey } from '~/i18n/index.ts'
import { hasPermission, type Permission, type Role } from '~/modules/auth/roles.ts'

export type NavItem = { to: string; label: MessageKey; permission: Permission }

/** The main navigation: an entry shows when one of the viewer's roles grants its permission. */
export const NAV: NavItem[] = [
  { to: '/dashboard', label: 'nav.dashboard', permission: 'view:dashboard' },
  { to: '/programmes', label: 'nav.programmes', permission: 'view:programmes' },
  { to: '/templates', label: 'nav.templates', permission: 'manage:templates' },
  { to: '/curriculum', label: 'nav.curriculum', permission: 'read:curriculum' },
  { to: '/methods', label: 'nav.methods', permission: 'read:curriculum' },
  { to: '/networks', label: 'nav.networks', permission: 'view:networks' },
  { to: '/cases', label: 'nav.cases', permission: 'view:cases' },
  { to: '/networks/report', label: 'nav.networkReport', permission: 'report:networks' },
  { to: '/admin/users', label: 'nav.users', permission: 'manage:users' },
  { to: '/admin/units', label: 'nav.units', permission: 'manage:units' },
  { to: '/admin/municipality', label: 'nav.municipality', permission: 'manage:municipality' },
  { to: '/admin/outbox', label: 'nav.outbox', permission: 'read:outbox' },
  { to: '/admin/audit', label: 'nav.audit', permission: 'read:audit' },
  { to: '/admin/privacy', label: 'nav.privacy', permission: 'manage:privacy' },
  { to: '/platform/municipalities', label: 'nav.municipalities', permission: 'create:municipality' },
  { to: '/national', label: 'nav.national', permission: 'review:national' },
  { to: '/plans', label: 'nav.plans', permission: 'view:plans' },
  { to: '/plans/adherence', label: 'nav.adherence', permission: 'manage:mentee-plans' },
  { to: '/surveys', label: 'nav.surveys', permission: 'answer:surveys' },
  { to: '/outcomes/retention', label: 'nav.outcomes', permission: 'view:retention' },
  { to: '/outcomes/settings', label: 'nav.outcomeSettings', permission: 'manage:national-optin' },
  { to: '/outcomes/national', label: 'nav.nationalFigures', permission: 'read:national-figures' },
]

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((item) => hasPermission(roles, item.permission))
}
