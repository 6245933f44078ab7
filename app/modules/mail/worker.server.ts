import { randomUUID } from 'node:crypto'
import nodemailer from 'nodemailer'
import { db } from '~/db.server.ts'
import { env } from '~/env.server.ts'

export type MailTransport = { sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> }

const LOCK_MS = 5 * 60 * 1000
export const MAX_ATTEMPTS = 5

function claimable(now: Date) {
  return {
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ status: 'pending' }, { status: 'sending', lockedUntil: { lt: now } }],
  }
}

/**
 * Sends up to `batch` queued messages. Each row is claimed with a conditional
 * update, so two instances running this at once never send one message twice.
 * Returns the number of messages sent.
 */
export async function deliverOutbox(
  transport: MailTransport,
  { workerId = randomUUID(), batch = 20 }: { workerId?: string; batch?: number } = {},
): Promise<number> {
  const now = new Date()
  const candidates = await db.outboxMessage.findMany({
    where: claimable(now),
    orderBy: { createdAt: 'asc' },
    take: batch,
    select: { id: true },
  })
  let sent = 0
  for (const { id } of candidates) {
    const claimed = await db.outboxMessage.updateMany({
      where: { id, ...claimable(new Date()) },
      data: { status: 'sending', lockedBy: workerId, lockedUntil: new Date(Date.now() + LOCK_MS), attempts: { increment: 1 } },
    })
    if (claimed.count !== 1) continue
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } })
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: message.toAddress, subject: message.subject, text: message.textBody })
      await db.outboxMessage.update({
        where: { id },
        data: { status: 'sent', sentAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null },
      })
      sent++
    } catch (error) {
      await db.outboxMessage.update({
        where: { id },
        data: {
          status: message.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          lockedBy: null,
          lockedUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        },
      })
    }
  }
  return sent
}

/** Starts the sending loop when SMTP_URL is set; returns a stop function. */
export function startMailWorker(intervalMs = 5000): () => Promise<void> {
  if (!env.SMTP_URL) return async () => {}
  const transport = nodemailer.createTransport(env.SMTP_URL)
  const workerId = randomUUID()
  let running: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    running = running.then(() => deliverOutbox(transport, { workerId })).catch((e) => console.error('mail worker:', e))
  }, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
    transport.close()
  }
}
