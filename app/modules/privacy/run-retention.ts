// npm run retention            — prints what the retention job would delete or anonymise now (dry run)
// npm run retention -- --apply — does it (all municipalities), as the server's daily job does
import { db } from '~/db.server.ts'
import { applyRetention, retentionReport } from './retention.server.ts'

const apply = process.argv.includes('--apply')
try {
  const report = await retentionReport({ municipalityId: null })
  for (const line of report.lines) console.log(`${line.key.padEnd(17)} ${line.action.padEnd(9)} older than ${line.cutoff} (${line.months} months): ${line.count}`)
  if (apply) console.log('applied:', JSON.stringify(await applyRetention({ municipalityId: null })))
  else console.log('dry run: nothing changed (add --apply to carry it out)')
} finally {
  await db.$disconnect()
}
