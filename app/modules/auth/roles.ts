// Roles and permissions, one table in code. Deny by default: a permission not
// granted here to one of the viewer's roles is refused.

/** Roles held in one municipality (Membership.role). */
export const MUNICIPAL_ROLES = [
  'municipality_admin',
  'programme_lead',
  'coordinator',
  'network_contact',
  'department_leader',
  'unit_leader',
  'mentor',
  'mentee',
] as const
export type MunicipalRole = (typeof MUNICIPAL_ROLES)[number]

/** Roles without a municipality (PlatformRole.role). */
export const PLATFORM_ROLES = ['platform_admin', 'national_editor'] as const
export type PlatformRole = (typeof PLATFORM_ROLES)[number]

export type Role = MunicipalRole | PlatformRole

export function isMunicipalRole(value: string): value is MunicipalRole {
  return (MUNICIPAL_ROLES as readonly string[]).includes(value)
}
export function isPlatformRole(value: string): value is PlatformRole {
  return (PLATFORM_ROLES as readonly string[]).includes(value)
}

const EVERY_MUNICIPAL_ROLE = MUNICIPAL_ROLES
const LEADERS = ['programme_lead', 'department_leader', 'unit_leader'] as const

/**
 * Permission → roles that hold it. Municipal roles grant the permission in the
 * viewer's current municipality only; platform roles grant it platform-wide.
 * Permissions are `action:entity`.
 */
export const GRANTS = {
  'view:dashboard': [...EVERY_MUNICIPAL_ROLE, ...PLATFORM_ROLES],
  'update:own-account': [...EVERY_MUNICIPAL_ROLE, ...PLATFORM_ROLES],

  'read:users': ['municipality_admin', 'programme_lead'],
  'manage:users': ['municipality_admin'],
  'import:users': ['municipality_admin'],
  'manage:units': ['municipality_admin'],
  'manage:municipality': ['municipality_admin'],
  'read:outbox': ['municipality_admin', 'platform_admin'],
  'read:audit': ['municipality_admin', 'platform_admin'],
  /** Retention report and run, access export and erasure of the municipality's people, its privacy notice. */
  'manage:privacy': ['municipality_admin'],
  'read:units': ['municipality_admin', 'programme_lead', 'coordinator', ...LEADERS],

  'create:municipality': ['platform_admin'],
  'review:national': ['national_editor'],

  'read:curriculum': [...EVERY_MUNICIPAL_ROLE, ...PLATFORM_ROLES],
  'use:worksheets': ['mentor', 'coordinator', 'programme_lead', 'network_contact'],
  'manage:templates': ['coordinator', 'programme_lead'],
  'manage:programmes': ['coordinator', 'programme_lead'],
  'record:attendance': ['coordinator', 'programme_lead'],
  'issue:diplomas': ['coordinator', 'programme_lead'],
  /** See the programme runs one coordinates or takes part in. */
  'view:programmes': ['coordinator', 'programme_lead', 'mentor'],

  /** Create district networks, name the contact person, add members. */
  'manage:networks': ['municipality_admin', 'programme_lead'],
  /** See the networks list, ask to join, take part (the record check decides the rest). */
  'view:networks': ['municipality_admin', 'programme_lead', 'coordinator', 'network_contact', 'unit_leader', 'mentor'],
  /** The municipality's network report. */
  'report:networks': ['programme_lead'],
  /** Write minutes: of the gatherings one coordinates or the networks one is contact person for. */
  'write:minutes': ['coordinator', 'programme_lead', 'network_contact', 'mentor'],
  /** Read minutes one is in the audience of (the record check decides). */
  'read:minutes': [...EVERY_MUNICIPAL_ROLE],
  /** The mentee-plan pages: one's own plan, one's mentees, or the plans one leads. */
  'view:plans': ['mentor', 'mentee', 'coordinator', 'programme_lead', ...LEADERS],
  /** Mentee plans: create, end and see adherence (department leaders see their own units). */
  'manage:mentee-plans': ['coordinator', 'programme_lead', ...LEADERS],
  /** Log held/moved items of the plans one mentors. */
  'log:mentee-plans': ['mentor'],
  /** See one's own plan as a mentee. */
  'view:own-plan': ['mentee'],
  /** The case library: search and read the cases one may see (the record check decides). */
  'view:cases': ['mentor', 'coordinator', 'programme_lead', 'network_contact', 'national_editor'],
  /** Write one's own cases and share them. */
  'write:cases': ['mentor', 'coordinator', 'programme_lead', 'network_contact'],
  /** Approve a case shared to the whole municipality; pick shared cases for gatherings; moderate reflections. */
  'review:cases': ['coordinator', 'programme_lead'],
  /** Copy and adjust a plan template for the municipality. */
  'manage:plan-templates': ['coordinator', 'programme_lead'],

  /** Evaluation surveys: copy templates, open rounds, remind, read results of the municipality's rounds. */
  'manage:surveys': ['coordinator', 'programme_lead'],
  /** The surveys page: answer the rounds one is asked to (only mentors and mentees are asked; the record check decides which). */
  'answer:surveys': ['mentor', 'mentee', 'coordinator', 'programme_lead'],
  /** Record that a nurse of one's unit(s) started or left (date, reason category, had a mentor). */
  'record:leavers': ['programme_lead', 'coordinator', ...LEADERS],
  /** Retention and turnover of one's units (programme leads and coordinators: the municipality). */
  'view:retention': ['programme_lead', 'coordinator', 'municipality_admin', ...LEADERS],
  /** The cost view: extra cost of a hire, the programme's own cost, break-even. */
  'view:costs': ['programme_lead', 'municipality_admin', 'unit_leader'],
  /** Edit and date the municipality's cost model. */
  'manage:cost-model': ['programme_lead', 'municipality_admin'],
  /** Opt the municipality in to (or out of) national statistics. */
  'manage:national-optin': ['municipality_admin'],
  /** National figures across opted-in municipalities, small cells suppressed. */
  'read:national-figures': ['national_editor'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof GRANTS

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const granted: readonly Role[] = GRANTS[permission]
  return roles.some((role) => granted.includes(role))
}

/** Roles a municipality admin may hand out. */
export const ASSIGNABLE_ROLES: readonly MunicipalRole[] = MUNICIPAL_ROLES
