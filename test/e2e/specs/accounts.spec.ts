import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'

/** Reads the newest message to `to` from the outbox page and returns the link in it. */
async function linkFromOutbox(admin: Page, to: string, path: string) {
  await admin.goto('/admin/outbox')
  const message = admin.getByTestId('outbox-message').filter({ has: admin.getByTestId('outbox-to').getByText(to, { exact: true }) }).first()
  await expect(message).toBeVisible()
  const text = await message.locator('pre').textContent()
  const match = text?.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`))
  expect(match, `a ${path} link in the mail`).not.toBeNull()
  return new URL(match![0]).pathname
}

test('an administrator invites a new mentor who sets a password through the e-mailed link', { tag: '@smoke' }, async ({ as, page }) => {
  const email = `ny.mentor.${Date.now()}@example.no`
  const admin = await as('municipality_admin')
  await admin.goto('/admin/users/invite')
  await admin.getByLabel('Navn').fill('Nora Nymentor')
  await admin.getByLabel('E-postadresse').fill(email)
  await admin.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Ilsvika helse- og velferdssenter' })
  await admin.getByRole('button', { name: 'Send invitasjon' }).click()
  await expect(admin.getByRole('status')).toHaveText(`Invitasjon sendt til ${email}.`)
  await expect(admin.getByRole('row', { name: /Nora Nymentor/ })).toContainText('Invitert')

  const link = await linkFromOutbox(admin, email, '/invite')
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Velkommen til Mentornett' })).toBeVisible()
  await page.getByLabel('Nytt passord').fill('short')
  await page.getByLabel('Gjenta det nye passordet').fill('short')
  await page.getByRole('button', { name: 'Lag konto' }).click()
  await expect(page.getByText('Passordet må ha minst 12 tegn.')).toBeVisible()
  await page.getByLabel('Nytt passord').fill('a perfectly long password')
  await page.getByLabel('Gjenta det nye passordet').fill('a perfectly long password')
  await page.getByRole('button', { name: 'Lag konto' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hei, Nora Nymentor')

  // The link works once.
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Lenken virker ikke' })).toBeVisible()
})

test('a forgotten password is reset through the e-mailed link', async ({ as, page }) => {
  const email = 'mentor8@trondheim.demo'
  await page.goto('/forgot-password')
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByRole('button', { name: 'Send lenke' }).click()
  await expect(page.getByRole('status')).toContainText('Hvis adressen hører til en konto')

  // An unknown address gets exactly the same answer.
  await page.getByLabel('E-postadresse').fill('finnes.ikke@example.no')
  await page.getByRole('button', { name: 'Send lenke' }).click()
  await expect(page.getByRole('status')).toContainText('Hvis adressen hører til en konto')

  const admin = await as('municipality_admin')
  const link = await linkFromOutbox(admin, email, '/reset-password')
  await page.goto(link)
  await page.getByLabel('Nytt passord').fill('my new secret sentence')
  await page.getByLabel('Gjenta det nye passordet').fill('my new secret sentence')
  await page.getByRole('button', { name: 'Lagre passordet' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hei, Hanne Aune')

  await page.getByRole('button', { name: 'Logg ut' }).click()
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByLabel('Passord').fill('my new secret sentence')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
})

test('a user changes their own password', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-postadresse').fill('mentor9@trondheim.demo')
  await page.getByLabel('Passord').fill('mentornett-demo')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.goto('/account/password')
  await page.getByLabel('Nåværende passord').fill('wrong current pw')
  await page.getByLabel('Nytt passord').fill('another long sentence')
  await page.getByLabel('Gjenta det nye passordet').fill('another long sentence')
  await page.getByRole('button', { name: 'Bytt passord' }).click()
  await expect(page.getByText('Det nåværende passordet stemmer ikke.')).toBeVisible()
  await page.getByLabel('Nåværende passord').fill('mentornett-demo')
  await page.getByLabel('Nytt passord').fill('another long sentence')
  await page.getByLabel('Gjenta det nye passordet').fill('another long sentence')
  await page.getByRole('button', { name: 'Bytt passord' }).click()
  await expect(page.getByRole('status')).toHaveText('Passordet er byttet. Andre innlogginger er avsluttet.')
})
