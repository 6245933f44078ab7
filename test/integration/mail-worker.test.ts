import type { AddressInfo } from 'node:net'
import nodemailer, { type Transporter } from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db.server.ts'
import { enqueueMail } from '~/modules/mail/index.ts'
import { deliverOutbox } from '~/modules/mail/worker.server.ts'
import { resetDb } from '../support/reset.ts'

// A real SMTP server on 127.0.0.1 receives what the worker sends.
const received: string[] = []
let failNext = 0
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onRcptTo(address, _session, callback) {
    if (failNext > 0) {
      failNext--
      return callback(new Error('mailbox unavailable'))
    }
    received.push(address.address)
    callback()
  },
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => callback())
  },
})
let transport: Transporter

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
})
afterAll(async () => {
  transport.close()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})
beforeEach(async () => {
  await resetDb()
  received.length = 0
  failNext = 0
})

describe('outbox worker', () => {
  it('sends every message exactly once with two workers running at the same time', async () => {
    for (let i = 0; i < 30; i++) await enqueueMail(db, { to: `m${i}@example.no`, subject: `Melding ${i}`, text: 'Hei', kind: 'test' })
    const [a, b] = await Promise.all([deliverOutbox(transport, { workerId: 'a', batch: 50 }), deliverOutbox(transport, { workerId: 'b', batch: 50 })])
    expect(a + b).toBe(30)
    expect(received.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}@example.no`).sort())
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(30)
    expect(await deliverOutbox(transport)).toBe(0)
  })

  it('retries a failed message and records the error', async () => {
    await enqueueMail(db, { to: 'retry@example.no', subject: 'S', text: 'T', kind: 'test' })
    failNext = 1
    expect(await deliverOutbox(transport)).toBe(0)
    const failed = await db.outboxMessage.findFirstOrThrow()
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 })
    expect(failed.lastError).toMatch(/mailbox unavailable/)
    expect(await deliverOutbox(transport)).toBe(1)
    expect(received).toEqual(['retry@example.no'])
  })
})
