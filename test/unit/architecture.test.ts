// Rules of the codebase's shape that the type check cannot see.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROUTES = path.join(process.cwd(), 'app/routes')

/** Whether a source file imports the database client (any spelling of the path). */
export function importsDb(source: string): boolean {
  return /from\s+['"](~|\.\.?)\/(?:[\w.-]+\/)*db\.server(?:\.ts)?['"]/.test(source)
}

describe('routes stay thin', () => {
  it('knows an import of the database client when it sees one', () => {
    expect(importsDb("import { db } from '~/db.server.ts'")).toBe(true)
    expect(importsDb("import { db } from '../db.server'")).toBe(true)
    expect(importsDb("import { listDiplomas } from '~/modules/diplomas/index.ts'")).toBe(false)
  })

  it('no route imports the database client: they call modules', () => {
    const offenders = fs
      .readdirSync(ROUTES)
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => importsDb(fs.readFileSync(path.join(ROUTES, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
