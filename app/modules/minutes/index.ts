// Server entry points and the pure state machine; schemas are imported from schemas.ts.
export * from './rules.ts'
export * from './minutes.server.ts'
