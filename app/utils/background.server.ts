import { db } from '~/db.server.ts'
import { startMailWorker } from '~/modules/mail/worker.server.ts'
import { startDigestJob } from '~/modules/mentee-plans/digest.server.ts'
import { sendMeetingReminders } from '~/modules/networks/meetings.server.ts'
import { startRetentionJob } from '~/modules/privacy/retention.server.ts'

let stopMail: (() => Promise<void>) | null = null
let sweeper: NodeJS.Timeout | null = null
let reminders: NodeJS.Timeout | null = null
let stopDigest: (() => void) | null = null
let stopRetention: (() => void) | null = null

/** Started once by the server process (not by tests). */
export function startBackgroundJobs() {
  stopMail ??= startMailWorker()
  // Mentee plans: the weekly digest of due and overdue items (checked hourly, sent once a week).
  stopDigest ??= startDigestJob()
  // Retention rules (app/modules/privacy/retention.ts): daily, idempotent, safe with several instances.
  stopRetention ??= startRetentionJob()
  // Expired sessions and rate-limit rows are deleted hourly.
  sweeper ??= setInterval(() => {
    const now = new Date()
    Promise.all([
      db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
      db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    ]).catch((e) => console.error('sweeper:', e))
  }, 60 * 60 * 1000)
  sweeper.unref()
  // Network meeting reminders a week ahead, checked every 15 minutes (claimed per meeting, safe with several instances).
  reminders ??= setInterval(() => {
    sendMeetingReminders().catch((e) => console.error('meeting reminders:', e))
  }, 15 * 60 * 1000)
  reminders.unref()
}

export async function stopBackgroundJobs() {
  if (sweeper) clearInterval(sweeper)
  sweeper = null
  if (reminders) clearInterval(reminders)
  reminders = null
  stopDigest?.()
  stopDigest = null
  stopRetention?.()
  stopRetention = null
  await stopMail?.()
  stopMail = null
  await db.$disconnect()
}
