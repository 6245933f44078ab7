// Rules of the codebase's shape that the type check cannot see.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROUTES = path.join(process.cwd(), 'app/routes')

/** Whether a source file imports the database client (any spelling of the path). */
export function importsDb(source: string): boolean {
  return /from\s+['"](~|\.\.?)\/(?:[\w.-]+\/)*db\.server(?:\.ts)?['"]/.test(source)
}

/** Route files longer than this move their components and logic into modules. */
export const MAX_ROUTE_LINES = 250

/**
 * Where a route reads form fields by hand instead of through its zod schema: a
 * `.get`/`.getAll`/`.entries`/`Object.fromEntries` on the form data, or form data
 * read without any schema parse. Returns the offending snippets.
 */
export function formReadsByHand(source: string): string[] {
  const found: string[] = []
  const names = new Set<string>()
  for (const m of source.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=\s*await\s+request\.formData\(\)/g)) names.add(m[1]!)
  for (const m of source.matchAll(/\{([^}]*)\}\s*=\s*await\s+parseForm\(/g)) {
    for (const part of m[1]!.split(',')) {
      const [key, alias] = part.split(':').map((x) => x.trim())
      if (key === 'formData') names.add(alias || key)
    }
  }
  for (const name of names) {
    for (const m of source.matchAll(new RegExp(`\\b${name}\\.(?:get|getAll|entries|has|forEach)\\(|Object\\.fromEntries\\(\\s*${name}\\b|\\[\\s*\\.\\.\\.\\s*${name}\\b|\\bof\\s+${name}\\b`, 'g'))) found.push(m[0])
  }
  for (const m of source.matchAll(/\(await\s+request\.formData\(\)\)\.\w+\(/g)) found.push(m[0])
  if (/request\.formData\(\)/.test(source) && !/parseWithZod\(|parseForm\(/.test(source)) found.push('request.formData() without a schema parse')
  return found
}

function routeFiles() {
  return fs.readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f))
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

  it('knows a form read by hand when it sees one', () => {
    expect(formReadsByHand("const formData = await request.formData()\nconst intent = formData.get('intent')\nparseWithZod(formData, { schema })")).toEqual(['formData.get('])
    expect(formReadsByHand("const form = await request.formData()\nparseWithZod(form, { schema })\nString(form.getAll('x'))")).toEqual(['form.getAll('])
    expect(formReadsByHand("const { submission, formData: fd } = await parseForm(request, schema)\nfd.get('source')")).toEqual(['fd.get('])
    expect(formReadsByHand("const f = await request.formData()\nconst v = Object.fromEntries(f)")).toEqual(['Object.fromEntries(f', 'request.formData() without a schema parse'])
    expect(formReadsByHand("const { submission, formData } = await parseForm(request, s)\nconst values = Object.fromEntries([...formData])")).toEqual(['[...formData'])
    expect(formReadsByHand("const { submission, formData } = await parseForm(request, s)\nfor (const [k] of formData) {}")).toEqual(['of formData'])
    expect(formReadsByHand("const code = (await request.formData()).get('code')")).toEqual(['(await request.formData()).get(', 'request.formData() without a schema parse'])
    expect(formReadsByHand("const submission = parseWithZod(await request.formData(), { schema })\nconst q = url.searchParams.get('q')")).toEqual([])
    expect(formReadsByHand("const { submission } = await parseForm(request, schema)\nparams.get('saved')")).toEqual([])
  })

  it('every action reads its form through one zod schema, never field by field', () => {
    const offenders = routeFiles()
      .map((f) => ({ file: f, reads: formReadsByHand(fs.readFileSync(path.join(ROUTES, f), 'utf8')) }))
      .filter((o) => o.reads.length > 0)
    expect(offenders).toEqual([])
  })

  it(`no route file is longer than ${MAX_ROUTE_LINES} lines`, () => {
    const lines = (f: string) => fs.readFileSync(path.join(ROUTES, f), 'utf8').trimEnd().split('\n').length
    expect(lines('login.tsx')).toBeGreaterThan(10)
    const long = routeFiles()
      .map((f) => `${f}: ${lines(f)}`)
      .filter((row) => Number(row.split(': ')[1]) > MAX_ROUTE_LINES)
    expect(long).toEqual([])
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
