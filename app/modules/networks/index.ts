// Server entry points and pure rules. The zod schemas are imported from schemas.ts
// directly, so a page that only reads networks ships no zod.
export * from './networks.server.ts'
export * from './meetings.server.ts'
export * from './report.server.ts'
export * from './rhythm.ts'
export * from './access.server.ts'
