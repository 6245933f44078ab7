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

const MODULES = path.join(process.cwd(), 'app/modules')

/** Whether a module file's source imports zod (directly, as a value). */
function usesZod(file: string): boolean {
  return /^import\s+\{[^}]*\}\s+from\s+['"]zod['"]/m.test(fs.readFileSync(file, 'utf8'))
}

describe('barrels keep zod out of pages that do not validate in the browser', () => {
  // A page that imports anything from a barrel gets an import of every module it
  // re-exports; a zod module there ships zod (~90 KB gz) to pages without forms.
  it('no modules/<cap>/index.ts re-exports a module that imports zod', () => {
    const offenders: string[] = []
    for (const cap of fs.readdirSync(MODULES)) {
      const index = path.join(MODULES, cap, 'index.ts')
      if (!fs.existsSync(index)) continue
      for (const m of fs.readFileSync(index, 'utf8').matchAll(/from\s+'\.\/([\w.-]+\.ts)'/g)) {
        if (!m[1].includes('.server.') && usesZod(path.join(MODULES, cap, m[1]))) offenders.push(`${cap}/index.ts -> ${m[1]}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('knows a zod module when it sees one', () => {
    expect(usesZod(path.join(MODULES, 'attendance/schemas.ts'))).toBe(true)
    expect(usesZod(path.join(MODULES, 'attendance/statuses.ts'))).toBe(false)
  })
})
