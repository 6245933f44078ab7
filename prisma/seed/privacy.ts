// Demo data for privacy: municipality numbers, Trondheim's own privacy notice,
// and a few records past their retention time so the dry run has something to show.
import { db } from '../../app/db.server.ts'

const NUMBERS: Record<string, string> = { trondheim: '5001', farsund: '4206', kristiansand: '4204', bjornafjorden: '4624' }

export async function seedPrivacy() {
  for (const [slug, number] of Object.entries(NUMBERS)) {
    await db.municipality.updateMany({ where: { slug, number: null }, data: { number } })
  }
  const trondheim = await db.municipality.findUniqueOrThrow({ where: { slug: 'trondheim' } })
  await db.municipality.update({ where: { id: trondheim.id }, data: { privacyContactEmail: trondheim.privacyContactEmail ?? 'personvernombud@trondheim.demo' } })
  await db.privacyNotice.upsert({
    where: { municipalityId: trondheim.id },
    create: {
      municipalityId: trondheim.id,
      controller: 'Trondheim kommune ved kommunedirektøren er behandlingsansvarlig. Spørsmål om innsyn, retting og sletting sendes til personvernombudet.',
    },
    update: {},
  })
  // Two e-mails from early 2025: past the three months outgoing mail is kept.
  for (const [id, to] of [['demo-old-mail-1', 'tidligere.mentor@trondheim.demo'], ['demo-old-mail-2', 'vikar@trondheim.demo']] as const) {
    await db.outboxMessage.upsert({
      where: { id },
      create: { id, municipalityId: trondheim.id, toAddress: to, subject: 'Påminnelse: samling torsdag', textBody: 'Hei!\n\nHusk samlingen på torsdag kl. 12.\n\nMentornett', kind: 'reminder', status: 'sent', sentAt: new Date('2025-02-10T08:00:00Z'), createdAt: new Date('2025-02-10T07:59:00Z') },
      update: {},
    })
  }
}
