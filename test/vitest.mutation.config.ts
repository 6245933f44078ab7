// The suite Stryker runs for every mutant: unit and integration tests without the
// slow ones that check no rule (demo seed, migrations, query counts, mail worker).
import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

const slow = ['test/integration/seed.test.ts', 'test/integration/migrations.test.ts', 'test/integration/query-count.test.ts', 'test/integration/mail-worker.test.ts']

type Project = { test: Record<string, unknown> }
const projects = (base.test?.projects ?? []) as Project[]

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: projects.map((p) => ({ ...p, test: { testTimeout: 30_000, ...p.test, exclude: [...slow, '**/node_modules/**'] } })),
  },
})
