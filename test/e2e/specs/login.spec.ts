import { ACCOUNTS, PASSWORD } from '../accounts.ts'
import { expect, hydrated, test } from '../fixtures.ts'

test('a wrong password gives a translated error and keeps the e-mail', { tag: '@smoke' }, async ({ page }) => {
  await page.goto('/login')
  await hydrated(page)
  await page.getByLabel('E-postadresse').fill(ACCOUNTS.coordinator)
  await page.getByLabel('Passord').fill('definitely not it')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-postadressen eller passordet er feil.')
  await expect(page.getByLabel('E-postadresse')).toHaveValue(ACCOUNTS.coordinator)
  await expect(page.getByLabel('Passord')).toHaveValue('')
})

test('the form checks the fields before posting when JavaScript runs', async ({ page }) => {
  await page.goto('/login')
  await hydrated(page)
  await page.getByLabel('E-postadresse').fill('not-an-address')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByText('Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.')).toBeVisible()
  await expect(page.getByLabel('E-postadresse')).toHaveAttribute('aria-invalid', 'true')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('signing in works, and errors keep the e-mail', { tag: '@smoke' }, async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('E-postadresse').fill(ACCOUNTS.mentee)
    await page.getByLabel('Passord').fill('wrong password!!')
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page.getByRole('alert')).toHaveText('E-postadressen eller passordet er feil.')
    await expect(page.getByLabel('E-postadresse')).toHaveValue(ACCOUNTS.mentee)
    await page.getByLabel('Passord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hei, Emma Nyansatt Brekke')
  })
})

test('an account is locked for a while after five failed attempts', async ({ page }) => {
  const email = 'mentor11@trondheim.demo'
  await page.goto('/login')
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('E-postadresse').fill(email)
    await page.getByLabel('Passord').fill(`wrong password ${i}`)
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page.getByRole('alert')).toHaveText('E-postadressen eller passordet er feil.')
  }
  await page.getByLabel('Passord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByRole('alert')).toContainText('For mange mislykkede forsøk')
  await expect(page).toHaveURL(/\/login/)
})

test('signing out ends the session on the server', { tag: '@smoke' }, async ({ page, browser }) => {
  await page.goto('/login')
  await page.getByLabel('E-postadresse').fill(ACCOUNTS.unit_leader)
  await page.getByLabel('Passord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  const cookies = await page.context().cookies()
  expect(cookies.find((c) => c.name.endsWith('mn_session'))?.httpOnly).toBe(true)
  await page.getByRole('button', { name: 'Logg ut' }).click()
  await expect(page).toHaveURL(/\/login$/)

  // The old cookie, replayed from elsewhere, no longer opens anything.
  const replay = await browser.newContext()
  await replay.addCookies(cookies)
  const stale = await replay.newPage()
  await stale.goto('/dashboard')
  await expect(stale).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/)
  await replay.close()
})

test('a page that needs sign-in returns there afterwards', async ({ page }) => {
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/)
  await page.getByLabel('E-postadresse').fill(ACCOUNTS.department_leader)
  await page.getByLabel('Passord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { name: 'Min konto' })).toBeVisible()
})
