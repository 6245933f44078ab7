export * from './users.server.ts'
export { previewImport, runImport, type ImportPreview } from './import.server.ts'
export { sortKey } from './sort-key.ts'
