export * from './pii.ts'
export * from './cases.server.ts'
export * from './search.server.ts'
