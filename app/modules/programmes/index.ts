export * from './programmes.server.ts'
export * from './enrolment.server.ts'
export * from './preparation.server.ts'
export * from './schemas.ts'
