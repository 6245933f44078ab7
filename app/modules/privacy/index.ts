// Privacy: retention rules and job, access export, erasure, the municipality's privacy notice.
export * from './retention.ts'
export { applyRetention, retentionReport, startRetentionJob, type RetentionLine, type RetentionReport } from './retention.server.ts'
export { collectPersonData, exportPerson, isPersonOf, zipPersonData, type ExportScope } from './export.server.ts'
export { ERASED_NAME, erasePerson, previewErasure, type ErasureMode, type ErasureResult } from './erasure.server.ts'
export { getNotice, saveNotice, type NoticeInput } from './notice.server.ts'
