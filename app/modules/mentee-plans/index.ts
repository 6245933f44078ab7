// Server entry points and pure rules. The zod schemas (schemas.ts, template-schema.ts)
// are imported from their own files, so a page that only lists plans ships no zod.
export * from './adherence.ts'
export * from './adherence.server.ts'
export * from './digest.server.ts'
export * from './plans.server.ts'
export * from './schedule.ts'
export { planTemplate, planTemplates } from './templates.server.ts'
export * from './templates-copy.server.ts'
