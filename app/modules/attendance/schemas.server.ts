// The schemas for routes whose forms are validated on the server only. Importing
// them from a `.server` file keeps every reference to zod out of those pages'
// browser bundles: the classic compiler's esbuild (0.17, code splitting) keeps an
// import of a module that other pages use in the browser even when this page uses
// none of it (docs/decisions.md, "Client JavaScript").
export * from './schemas.ts'
