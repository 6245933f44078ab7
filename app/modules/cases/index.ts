export * from './pii.ts'
export * from './schemas.ts'
export * from './cases.server.ts'
export * from './search.server.ts'
