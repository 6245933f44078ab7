import { expect, test } from '../fixtures.ts'

test('an admin exports a person’s data and erases them; the retention dry run', { tag: '@smoke' }, async ({ as }) => {
  test.setTimeout(120_000)
  const admin = await as('municipality_admin')
  const stamp = Date.now().toString(36)
  const name = `Vera Slettes ${stamp}`
  const email = `vera.${stamp}@example.no`
  await admin.goto('/admin/users/invite')
  await admin.getByLabel('Navn').fill(name)
  await admin.getByLabel('E-postadresse').fill(email)
  await admin.getByRole('button', { name: 'Send invitasjon' }).click()
  await expect(admin.getByRole('status')).toHaveText(`Invitasjon sendt til ${email}.`)
  await admin.getByRole('link', { name }).click()
  await admin.getByRole('link', { name: 'Innsyn og sletting' }).click()
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Innsyn og sletting: ${name}`)

  // Access: the zip downloads.
  const download = admin.waitForEvent('download')
  await admin.getByRole('button', { name: 'Last ned opplysningene (zip)' }).click()
  expect((await download).suggestedFilename()).toMatch(/^innsyn-.+\.zip$/)

  // Erasure: a wrong name is refused, the right one erases.
  await admin.getByLabel('Skriv personens fulle navn for å bekrefte').fill('Vera')
  await admin.getByRole('button', { name: 'Slett og anonymiser' }).click()
  await expect(admin.getByText('Navnet stemmer ikke med personen.')).toBeVisible()
  await admin.getByLabel('Skriv personens fulle navn for å bekrefte').fill(name)
  await admin.getByRole('button', { name: 'Slett og anonymiser' }).click()
  await expect(admin.getByRole('status')).toHaveText('Personen er slettet og anonymisert.')
  await admin.goto(`/admin/users?q=${encodeURIComponent(name)}`)
  await expect(admin.getByRole('link', { name })).toHaveCount(0)

  // Both are in the change log.
  await admin.goto('/admin/audit?entity=User&action=erase')
  await expect(admin.getByRole('cell', { name: 'erase' }).first()).toBeVisible()
  await admin.goto('/admin/audit?entity=User&action=export')
  await expect(admin.getByRole('cell', { name: 'export' }).first()).toBeVisible()

  // The retention dry run: the rules and today's counts, nothing changed until asked.
  await admin.goto('/admin/privacy')
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Personvern: lagringstid')
  await expect(admin.getByRole('rowheader', { name: /Mentorplaner, regnet fra planen ble avsluttet/ })).toBeVisible()
  await admin.getByRole('link', { name: 'Rediger kommunens personvernerklæring' }).click()
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Personvernerklæring')
})
