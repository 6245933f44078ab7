import { expect, hydrated, test } from '../fixtures.ts'

// Issue 8, items 8, 12 and 13: planning a year with JavaScript on, moving between
// registers, and the attendance grid on a laptop screen.

test('"Foreslå datoer" with JavaScript on fills the form with the new year', async ({ as }) => {
  const page = await as('coordinator')
  await page.goto('/programmes/new?year=2030')
  await hydrated(page)
  const firstSession = page.getByRole('group', { name: /^1\. / })
  await expect(page.getByLabel('Programmet starter')).toHaveValue('2030-01-01')
  for (const year of ['2031', '2032']) {
    await page.getByLabel('År', { exact: true }).fill(year)
    await page.getByRole('button', { name: 'Foreslå datoer' }).click()
    await expect(page).toHaveURL(new RegExp(`year=${year}`))
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(new RegExp(`${year}$`))
    await expect(page.getByLabel('Programmet starter')).toHaveValue(`${year}-01-01`)
    await expect(page.getByLabel('Programmet slutter')).toHaveValue(`${year}-12-31`)
    await expect(firstSession.getByLabel('Dato')).toHaveValue(new RegExp(`^${year}-`))
  }
})

test('the programme page lists registers not yet marked; a register leads on to the next one', async ({ as }) => {
  const page = await as('coordinator')
  await page.goto('/programmes')
  await page.getByRole('link', { name: `Kompetanseprogram for mentorer ${new Date().getFullYear()}`, exact: true }).first().click()
  const unmarked = page.getByRole('region', { name: /^Registre som ikke er ført ferdig/ })
  await expect(unmarked).toBeVisible()
  await unmarked.getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Oppmøteregistrering: Kick-off')
  const steps = page.getByRole('navigation', { name: 'Andre registre i programmet' })
  await expect(steps.getByRole('link', { name: /^← Forrige register/ })).toHaveCount(0)
  await steps.getByRole('link', { name: /^Neste register: / }).click()
  await expect(page).toHaveURL(/\/register$/)
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Kick-off')
  await expect(page.getByRole('navigation', { name: 'Andre registre i programmet' }).getByRole('link', { name: /^← Forrige register: Kick-off/ })).toBeVisible()
})
