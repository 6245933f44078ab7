import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { chromiumPath } from './browser.ts'

export default function globalSetup() {
  const require = createRequire(import.meta.url)
  const version = require('@playwright/test/package.json').version
  const chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim()
  console.log(`e2e: @playwright/test ${version}, ${chromium}, database ${process.env.E2E_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`)
}
