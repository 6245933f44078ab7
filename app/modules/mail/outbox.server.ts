import type { Tx } from '~/db.server.ts'
import { db } from '~/db.server.ts'

export type OutgoingMail = {
  to: string
  subject: string
  text: string
  kind: string
  municipalityId?: string | null
}

/** Queues a message in the same transaction as the change that caused it. */
export async function enqueueMail(client: Tx | typeof db, mail: OutgoingMail): Promise<void> {
  await client.outboxMessage.create({
    data: {
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      kind: mail.kind,
      municipalityId: mail.municipalityId ?? null,
    },
  })
}

export async function listOutbox({ municipalityId, take = 50 }: { municipalityId: string | null; take?: number }) {
  return db.outboxMessage.findMany({
    where: municipalityId ? { municipalityId } : {},
    orderBy: { createdAt: 'desc' },
    take,
  })
}
