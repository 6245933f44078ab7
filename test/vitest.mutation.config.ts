// The suite Stryker runs for every mutant: unit and integration tests without the
// slow ones that check no rule (demo seed, migrations, query counts, mail worker).
// MUTATION_TESTS=a.test.ts,b.test.ts narrows the suite to the named files (paths
// under test/), so a module-by-module run only loads the tests that cover it:
//   MUTATION_TESTS=unit/hours.test.ts npm run mutation -- --mutate app/modules/attendance/hours.ts
import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

const slow = ['test/integration/seed.test.ts', 'test/integration/migrations.test.ts', 'test/integration/query-count.test.ts', 'test/integration/mail-worker.test.ts']
const only = (process.env.MUTATION_TESTS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((s) => `test/${s}`)

type Project = { test: Record<string, unknown> & { include?: string[] } }
const projects = (base.test?.projects ?? []) as Project[]

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: projects
      .map((p) => {
        const include = only.length ? only.filter((f) => (p.test.include ?? []).some((g) => f.startsWith(g.split('**')[0]!))) : p.test.include
        return { ...p, test: { testTimeout: 30_000, ...p.test, include, exclude: [...slow, '**/node_modules/**'] } }
      })
      .filter((p) => (p.test.include ?? []).length > 0),
  },
})
