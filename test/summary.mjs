// Adds up the JSON reports of vitest and Playwright into one closing line.
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2]
let passed = 0
let failed = 0
const lines = []
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  let p = 0
  let f = 0
  if ('numPassedTests' in report) {
    p = report.numPassedTests
    f = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
  } else if (report.stats) {
    p = report.stats.expected
    f = report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0)
  }
  lines.push(`${name.replace('.json', '')}: ${p} passed, ${f} failed`)
  passed += p
  failed += f
}
for (const l of lines) console.log(l)
const expectedReports = ['e2e-postgres', 'e2e-sqlite', 'vitest-postgres', 'vitest-sqlite']
const missing = expectedReports.filter((r) => !fs.existsSync(path.join(dir, `${r}.json`)))
if (missing.length) {
  console.log(`missing reports (the step did not run to the end): ${missing.join(', ')}`)
  failed += missing.length
}
fs.writeFileSync(path.join(dir, 'summary.txt'), `${passed} passed, ${failed} failed\n`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
