import { expect, hydrated, test } from '../fixtures.ts'

test('CSV import: a bad row is shown, fixed in place and then everyone is imported', { tag: '@smoke' }, async ({ as }) => {
  const stamp = Date.now()
  const csv = [
    'navn;e-post;rolle;enhet',
    `Åsmund Testesen;asmund.${stamp}@example.no;mentor;Zion helse- og velferdssenter`,
    `Berit Feilrad;berit.${stamp}@example;mentor;Zion helse- og velferdssenter`,
    `Cecilie Koordinator;cecilie.${stamp}@example.no;koordinator;`,
  ].join('\n')
  const admin = await as('municipality_admin')
  await admin.goto('/admin/users/import')
  await hydrated(admin)
  await admin.getByLabel('CSV-fil').setInputFiles({ name: 'brukere.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) })
  await admin.getByRole('button', { name: 'Forhåndsvis' }).click()
  await expect(admin.getByRole('alert')).toContainText('1 rader har feil')
  await expect(admin.locator('tr[data-row-status="error"]')).toContainText('Ugyldig e-postadresse.')
  await expect(admin.getByRole('button', { name: /^Importer/ })).toHaveCount(0)

  const text = admin.getByLabel('Eller lim inn innholdet')
  await text.fill((await text.inputValue()).replace(`berit.${stamp}@example;`, `berit.${stamp}@example.no;`))
  await admin.getByRole('button', { name: 'Forhåndsvis' }).click()
  await expect(admin.getByRole('status')).toHaveText('Alle 3 radene er i orden.')
  await admin.getByRole('button', { name: 'Importer 3 personer' }).click()
  await expect(admin.getByRole('status')).toHaveText('3 personer er importert og invitert.')
  await admin.getByLabel('Søk etter navn eller e-post').fill(String(stamp))
  await admin.getByRole('button', { name: 'Søk' }).click()
  await expect(admin.getByRole('row')).toHaveCount(4)

  // Another municipality's administrator sees none of it.
  const farsund = await as('farsund_admin')
  await farsund.goto(`/admin/users?q=${stamp}`)
  await expect(farsund.getByText('0 personer')).toBeVisible()
  await farsund.goto('/admin/outbox')
  await expect(farsund.getByText(`asmund.${stamp}@example.no`)).toHaveCount(0)
})

test('an administrator adds a district and a unit, and edits a person\'s roles', async ({ as }) => {
  const admin = await as('municipality_admin')
  const name = `Testbydel ${Date.now()}`
  await admin.goto('/admin/units')
  await admin.getByLabel('Navn på bydelen').fill(name)
  await admin.getByRole('button', { name: 'Legg til bydel' }).click()
  await expect(admin.getByRole('listitem').filter({ hasText: name })).toContainText('0 enheter')

  await admin.getByLabel('Navn på enheten').fill(`Ny enhet ${name}`)
  await admin.getByRole('button', { name: 'Legg til enhet' }).click()
  await expect(admin.getByText('Feltet må fylles ut.')).toBeVisible()
  await expect(admin.getByLabel('Navn på enheten')).toHaveValue(`Ny enhet ${name}`)
  await admin.getByLabel('Tjenestetype').selectOption({ label: 'Helse- og velferdssenter' })
  await admin.getByLabel('Bydel', { exact: true }).selectOption({ label: name })
  await admin.getByRole('button', { name: 'Legg til enhet' }).click()
  await expect(admin.getByRole('row', { name: new RegExp(`Ny enhet ${name}`) })).toContainText(name)

  await admin.goto('/admin/users?q=Randi')
  await admin.getByRole('link', { name: 'Randi Strøm' }).click()
  await admin.getByLabel('Kontaktperson for nettverk').check()
  await admin.getByRole('button', { name: 'Lagre' }).click()
  await expect(admin.getByLabel('Kontaktperson for nettverk')).toBeChecked()
  await admin.goto('/admin/audit')
  await expect(admin.getByRole('cell', { name: 'set-roles' }).first()).toBeVisible()
})

test('a platform administrator onboards a municipality and invites its first administrator', async ({ as }) => {
  const platform = await as('platform_admin')
  const stamp = Date.now()
  await platform.goto('/platform/municipalities')
  await platform.getByLabel('Navn', { exact: true }).fill(`Testkommune ${stamp}`)
  await platform.getByLabel('Kortnavn').fill('Ugyldig Kortnavn')
  await platform.getByLabel('Første administrator, navn').fill('Anne Admin')
  await platform.getByLabel('Første administrator, e-post').fill(`admin.${stamp}@example.no`)
  await platform.getByRole('button', { name: 'Opprett kommune og inviter administrator' }).click()
  await expect(platform.getByText('Bruk små bokstaver a–z, tall og bindestrek.')).toBeVisible()
  await platform.getByLabel('Kortnavn').fill(`test-${stamp}`)
  await platform.getByRole('button', { name: 'Opprett kommune og inviter administrator' }).click()
  await expect(platform.getByRole('status')).toContainText(`Testkommune ${stamp} er opprettet`)
  await platform.goto('/admin/outbox')
  await expect(platform.getByText(`admin.${stamp}@example.no`)).toBeVisible()
})
