export { canSee, isScope, SCOPES, visibleWhere, type Audience, type Scope, type ScopedRecord } from './visibility.ts'
export { loadAudience } from './audience.server.ts'
export * from './organisation.server.ts'
export { createMunicipality, listMunicipalities } from './municipalities.server.ts'
