import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pendingDiff, writePostgresSchema } from '../../prisma/tools/engine.ts'
import { ANY_PG_URL } from '../support/test-db.ts'

// Fails when prisma/schema.prisma has changes that have no migration, on either
// database. Fix with `npm run db:diff -- <name>`.
describe('migrations are in step with the schema', () => {
  it('on SQLite', async () => {
    const scratch = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mn-check-')), 'scratch.db')}`
    expect(await pendingDiff(scratch)).toBe('')
  })

  it('on PostgreSQL', async () => {
    writePostgresSchema()
    expect(await pendingDiff(ANY_PG_URL)).toBe('')
  })
})
