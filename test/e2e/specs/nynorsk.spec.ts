import type { Page } from '@playwright/test'
import { parse as parseCsv } from 'csv-parse/sync'
import { expect, test } from '../fixtures.ts'

// Bjørnafjorden (demo seed) has nynorsk as its default language and its people
// have chosen none: from the login page on, everything is in nynorsk.
const THIS_YEAR = new Date().getUTCFullYear()

async function signIn(page: Page, email: string, name: string) {
  // The municipality's own login link: nynorsk before anyone has signed in.
  await page.goto('/login?kommune=bjornafjorden')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn')
  await expect(page.getByRole('link', { name: 'Gløymt passordet?' })).toBeVisible()
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByLabel('Passord').fill('mentornett-demo')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hei, ${name}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn')
}

test('coordinator in nynorsk: plans from the programme, records attendance, exports the CSV', async ({ page }) => {
  await signIn(page, 'koordinator@bjornafjorden.demo', 'Solveig Koordinator Hauge')
  await page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link', { name: 'Program', exact: true }).click()
  await page.getByRole('link', { name: `Kompetanseprogram for mentorar ${THIS_YEAR}` }).click()
  await expect(page.getByRole('link', { name: 'Bli kjende og avklare forventningar', exact: true })).toBeVisible()
  const programme = new URL(page.url()).pathname
  await page.getByRole('link', { name: 'Kick-off', exact: true }).click()
  await page.getByRole('link', { name: 'Oppmøteregistrering' }).click()
  await page.getByRole('button', { name: 'Registrer alle som til stades heile tida' }).click()
  await expect(page.getByRole('status')).toHaveText('Oppmøtet er lagra.')

  const csv = await page.request.get(`${programme}/attendance.csv`)
  const rows: string[][] = parseCsv(await csv.text(), { delimiter: ';', bom: true, relax_column_count: true })
  expect(rows[0]).toContain('Minutt til stades')
  expect(rows.find((r) => r[0] === 'Gro Eikeland' && r[2] === 'Kick-off')?.[4]).toBe('420')
})

test('mentor in nynorsk: the next gathering, an absence notice and the method pages', async ({ page }) => {
  await signIn(page, 'mentor@bjornafjorden.demo', 'Synnøve Lepsøy')
  await page.getByTestId('upcoming-gathering').first().getByRole('link').click()
  await expect(page.getByRole('heading', { name: 'Kan du ikkje kome?' })).toBeVisible()
  await page.getByLabel('Grunn (valfritt)').selectOption({ label: 'Jobb' })
  await page.getByRole('button', { name: 'Meld fråvær' }).click()
  await expect(page.getByRole('status')).toHaveText('Fråværet er meldt. Koordinatoren ser det i registreringa.')

  await page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link', { name: 'Metodar', exact: true }).click()
  await page.getByRole('link', { name: 'Den kognitive diamanten' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Den kognitive diamanten')
  await expect(page.getByRole('heading', { name: 'Kva er den kognitive diamanten?' })).toBeVisible()
  await expect(page.getByLabel('Kjensler')).toBeVisible()
})

test('leader in nynorsk: the programme and its sessions as content', async ({ page }) => {
  await signIn(page, 'leiar@bjornafjorden.demo', 'Halvor Avdelingsleiar Strønen')
  await page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link', { name: 'Kompetanseprogram', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kompetanseprogram for mentorar (NTNU 2018)' })).toBeVisible()
  await page.getByRole('link', { name: 'Bli kjende og avklare forventningar' }).click()
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'nn')
  await expect(page.getByRole('heading', { name: 'Føremål' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Slik går samlinga føre seg' })).toBeVisible()
  await expect(page.getByText('Mathisen, P. (2015). Mentor. Mentoring i teori og praksis. Fagbokforlaget.')).toBeVisible()
})
