import { test as setup, expect } from '@playwright/test'
import { ACCOUNTS, PASSWORD, storageState, type Account } from './accounts.ts'

// Signs in once per role through the real login form and saves the cookies.
for (const account of Object.keys(ACCOUNTS) as Account[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel('E-postadresse').fill(ACCOUNTS[account])
    await page.getByLabel('Passord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
    await page.context().storageState({ path: storageState(account) })
  })
}
