// Mutation testing of the modules that hold the rules (`npm run mutation`).
// Incremental: a rerun after a small change only tests mutants in changed code.
// The HTML report lands in test/.tmp/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    // hours and eligibility
    'app/modules/attendance/hours.ts',
    // the register save, absence notices, credits, check-in codes
    'app/modules/attendance/register.server.ts',
    'app/modules/attendance/absences.server.ts',
    'app/modules/attendance/credits.server.ts',
    'app/modules/attendance/check-in.server.ts',
    // visibility and permissions, programme access
    'app/modules/tenancy/visibility.ts',
    'app/modules/auth/roles.ts',
    'app/modules/programmes/access.server.ts',
    // diplomas: codes, issue, verify
    'app/modules/diplomas/code.ts',
    'app/modules/diplomas/diplomas.server.ts',
    // CSV export and import
    'app/modules/attendance/export.server.ts',
    'app/modules/users/csv.ts',
    'app/modules/users/import.server.ts',
    // calendar
    'app/modules/programmes/calendar.server.ts',
    // tokens and passwords
    'app/modules/auth/tokens.server.ts',
    'app/modules/auth/password.server.ts',
    // the schedule suggestion and the content check
    'app/modules/curriculum/schedule.ts',
    'app/modules/curriculum/content-schema.ts',
  ],
  ignorePatterns: ['test/.tmp', 'data', 'build', 'public/build', 'docs', '.git'],
  tempDirName: 'test/.tmp/stryker',
  incremental: true,
  incrementalFile: 'test/.tmp/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test/.tmp/mutation/index.html' },
  jsonReporter: { fileName: 'test/.tmp/mutation/report.json' },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  cleanTempDir: 'always',
}
