import { request as playwrightRequest, type Browser, type Page } from '@playwright/test'
import { generate } from 'otplib'
import { startTestProvider, type TestProvider } from '../../support/oidc-provider.ts'
import { PASSWORD, storageState } from '../accounts.ts'
import { BASE_URL } from '../playwright.config.ts'
import { expect, test } from '../fixtures.ts'

// Single sign-on through a real local OpenID provider, two-step sign-in and My sessions.

// Each test walks several full page loads (each checked by axe) through two
// sites; on a busy two-core machine that takes longer than the default 45 s.
test.slow()

let idp: TestProvider
test.beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: `${BASE_URL}/auth/sso/callback` })
  idp.people.set('mona', { sub: 'mona', name: 'Mona Mentor' })
})
test.afterAll(async () => {
  await idp?.stop()
})

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByLabel('Passord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext()
  return context.newPage()
}

test('an admin sets up SSO and a user links it and signs in through the provider', { tag: '@smoke' }, async ({ as, page }) => {
  const admin = await as('municipality_admin')
  await admin.goto('/admin/sso')
  await admin.getByLabel('Tjeneste').selectOption('feide')
  await admin.getByLabel('Utsteder (issuer-adresse)').fill(idp.issuer)
  await admin.getByLabel('Klient-ID').fill(idp.clientId)
  await admin.getByLabel('Klienthemmelighet').fill(idp.clientSecret)
  await admin.getByRole('button', { name: 'Lagre' }).click()
  await expect(admin.getByRole('status')).toHaveText('Innstillingene er lagret.')
  await expect(admin.getByTestId('sso-provider').filter({ hasText: 'Feide' })).toContainText('Hemmelighet lagret')
  expect(await admin.content()).not.toContain(idp.clientSecret)

  // The mentor links the account while signed in.
  const mentor = await as('mentor')
  await mentor.goto('/account')
  await mentor.getByRole('link', { name: 'Knytt til Feide' }).click()
  await mentor.getByRole('button', { name: 'Sign in as Mona Mentor' }).click()
  await expect(mentor).toHaveURL(/\/account\?sso=linked/)
  await expect(mentor.getByText('Påloggingen er knyttet til kontoen din.')).toBeVisible()

  // Then signs in from a fresh browser with the provider alone.
  await page.goto('/login')
  await page.getByRole('link', { name: /Logg inn med Feide/ }).click()
  await page.getByRole('button', { name: 'Sign in as Mona Mentor' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  // Someone unknown to Mentornett is refused with a clear message, not matched by e-mail.
  idp.people.set('ukjent', { sub: 'ukjent', name: 'Ukjent Person', email: 'mentor@trondheim.demo' })
  const stranger = await freshPage(page.context().browser()!)
  await stranger.goto('/login')
  await stranger.getByRole('link', { name: /Logg inn med Feide/ }).click()
  await stranger.getByRole('button', { name: 'Sign in as Ukjent Person' }).click()
  await expect(stranger).toHaveURL(/\/login\?sso=not_linked/)
  await expect(stranger.getByRole('alert')).toContainText('ikke knyttet til noen konto')
  await stranger.context().close()

  // Farsund's admin cannot remove Trondheim's provider by its id.
  const providerId = await admin.getByTestId('sso-provider').filter({ hasText: 'Feide' }).locator('input[name=providerId]').inputValue()
  const farsund = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: storageState('farsund_admin') })
  expect((await farsund.post('/admin/sso', { form: { intent: 'remove', providerId }, maxRedirects: 0 })).status()).toBe(404)
  await farsund.dispose()

  // Clean up so later tests see the login page as before.
  await admin.getByRole('button', { name: 'Fjern Feide' }).click()
  await expect(admin.getByRole('status')).toHaveText('Tjenesten er fjernet.')
})

test('an admin turns on two-step sign-in, signs in with a code and ends another session', async ({ browser, page }) => {
  const email = 'admin@kristiansand.demo'
  // A second browser signed in first: the session to end later.
  const other = await freshPage(browser)
  await signInWithPassword(other, email)
  await expect(other).toHaveURL(/\/dashboard$/)

  await signInWithPassword(page, email)
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto('/account/two-factor')
  await page.getByRole('button', { name: 'Sett opp totrinnsinnlogging' }).click()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  await page.getByLabel('Sekssifret kode fra appen').fill(await generate({ secret }))
  await page.getByRole('button', { name: 'Bekreft og slå på' }).click()
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10)

  await page.getByRole('button', { name: 'Logg ut' }).click()
  await signInWithPassword(page, email)
  await expect(page).toHaveURL(/\/login\/two-factor$/)
  // The next time step: the code used to turn it on is spent.
  await page.getByLabel('Kode eller reservekode').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
  await page.getByRole('button', { name: 'Bekreft' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)

  await page.goto('/account')
  const sessions = page.getByTestId('session')
  await expect(sessions).toHaveCount(2)
  await expect(sessions.first()).toContainText('Denne økten')
  await sessions.nth(1).getByRole('button', { name: 'Avslutt økten' }).click()
  await expect(page.getByText('Økten er avsluttet.')).toBeVisible()
  await expect(page.getByTestId('session')).toHaveCount(1)

  await other.goto('/dashboard')
  await expect(other).toHaveURL(/\/login/)
  await other.context().close()
})
