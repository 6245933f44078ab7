import { db } from '~/db.server.ts'
import { startMailWorker } from '~/modules/mail/worker.server.ts'
import { startDigestJob } from '~/modules/mentee-plans/digest.server.ts'

let stopMail: (() => Promise<void>) | null = null
let sweeper: NodeJS.Timeout | null = null
let stopDigest: (() => void) | null = null

/** Started once by the server process (not by tests). */
export function startBackgroundJobs() {
  stopMail ??= startMailWorker()
  // Mentee plans: the weekly digest of due and overdue items (checked hourly, sent once a week).
  stopDigest ??= startDigestJob()
  // Expired sessions and rate-limit rows are deleted hourly.
  sweeper ??= setInterval(() => {
    const now = new Date()
    Promise.all([
      db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
      db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    ]).catch((e) => console.error('sweeper:', e))
  }, 60 * 60 * 1000)
  sweeper.unref()
}

export async function stopBackgroundJobs() {
  if (sweeper) clearInterval(sweeper)
  sweeper = null
  stopDigest?.()
  stopDigest = null
  await stopMail?.()
  stopMail = null
  await db.$disconnect()
}
