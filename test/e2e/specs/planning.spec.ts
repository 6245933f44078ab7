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
  // The first register not yet marked (another spec may have marked the kick-off already).
  const first = unmarked.getByRole('link').first()
  const title = ((await first.textContent()) ?? '').replace(/^\d+\. /, '').replace(/ \(.*$/, '')
  await first.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Oppmøteregistrering: ${title}`)
  await page.getByRole('navigation', { name: 'Andre registre i programmet' }).getByRole('link', { name: /^Neste register: / }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(`Oppmøteregistrering: ${title}`)
  await expect(page.getByRole('navigation', { name: 'Andre registre i programmet' }).getByRole('link', { name: `← Forrige register: ${title}`, exact: false })).toBeVisible()
})

test('the attendance grid fits a 1280 px screen and its key tells "not recorded yet" from "not enrolled then"', async ({ as }) => {
  const page = await as('coordinator')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/programmes')
  await page.getByRole('link', { name: 'Kompetanseprogram for mentorer 2018', exact: true }).click()
  await page.getByRole('link', { name: 'Oppmøte og timer' }).click()
  const grid = page.getByRole('table', { name: 'Oppmøte per mentor og samling i minutter' })
  await expect(grid).toBeVisible()
  // The status column is on screen without scrolling.
  const status = await grid.getByRole('columnheader', { name: 'Status' }).boundingBox()
  expect(status!.x + status!.width).toBeLessThanOrEqual(1280)
  // Scrolled all the way to the right, the names stay where they were.
  const name = grid.getByRole('columnheader', { name: 'Navn' })
  const before = (await name.boundingBox())!.x
  await page.locator('.grid-wrap').evaluate((el) => (el.scrollLeft = el.scrollWidth))
  // Sticky: at most a border's width away (it would move by the scrolled distance otherwise).
  expect(Math.abs((await name.boundingBox())!.x - before)).toBeLessThanOrEqual(2)
  const last = await grid.getByRole('columnheader').last().boundingBox()
  expect(last!.x + last!.width).toBeLessThanOrEqual(1280)
  // August joiners and leavers: cells outside their enrolment are "not enrolled then".
  expect(await grid.locator('td[data-cell="not-enrolled"]').count()).toBeGreaterThan(0)
  const key = page.getByRole('list', { name: 'Forklaring' })
  await expect(key).toContainText('ikke registrert ennå')
  await expect(key).toContainText('ikke med i programmet da')
})

test('without JavaScript a coordinator filters the municipality’s mentors and enrols the ticked ones from a date', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: 'test/.auth/coordinator.json' })
  const page = await context.newPage()
  await page.goto('/programmes')
  await page.getByRole('link', { name: `Kompetanseprogram for mentorer ${new Date().getFullYear() + 1}`, exact: true }).first().click()
  await page.getByRole('link', { name: 'Deltakere' }).click()
  const pick = page.getByRole('region', { name: 'Velg mentorer fra kommunen' })
  await pick.getByLabel('Søk etter navn, e-post eller enhet').fill('mentor12@')
  await pick.getByRole('button', { name: 'Søk' }).click()
  await expect(page).toHaveURL(/q=mentor12/)
  const boxes = page.getByRole('region', { name: 'Velg mentorer fra kommunen' }).getByRole('checkbox')
  await expect(boxes).toHaveCount(1)
  await boxes.first().check()
  await page.getByRole('region', { name: 'Velg mentorer fra kommunen' }).getByLabel('Startet').fill(`${new Date().getFullYear() + 1}-02-01`)
  await page.getByRole('button', { name: 'Meld på de valgte' }).click()
  await expect(page.getByRole('status')).toHaveText('1 mentorer er meldt på.')
  await expect(page.getByRole('cell', { name: 'mentor12@trondheim.demo', exact: true })).toBeVisible()
  await context.close()
})
