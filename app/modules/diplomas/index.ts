export * from './code.ts'
export * from './diplomas.server.ts'
export { renderDiplomasPdf } from './pdf.server.ts'
