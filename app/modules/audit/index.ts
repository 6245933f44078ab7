export { audit, listAuditEvents, type AuditInput } from './audit.server.ts'
export { AUDIT_PAGE_SIZE, auditCsv, searchAuditEvents, type AuditQuery } from './viewer.server.ts'
