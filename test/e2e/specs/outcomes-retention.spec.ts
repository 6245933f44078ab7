import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'

// Oslo calendar dates relative to today.
const osloDate = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offsetDays * 86_400_000))

async function english(page: Page) {
  await page.context().addCookies([{ name: 'mn_lang', value: Buffer.from(JSON.stringify('en')).toString('base64'), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }])
}

test('a leader records a leaver; the programme lead reads retention, turnover and cost (English)', { tag: '@smoke' }, async ({ as }) => {
  test.setTimeout(120_000)
  const leader = await as('department_leader')
  await leader.goto('/outcomes/leavers')
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Registrer sluttere')
  // No free text about the person: only dates, a category and a tick.
  await expect(leader.locator('main textarea, main input[type="text"]')).toHaveCount(0)
  await leader.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Bergheim hjemmetjeneste' })
  await leader.getByLabel('Begynte', { exact: true }).fill(osloDate(-300))
  await leader.getByLabel('Sluttet', { exact: true }).fill(osloDate(-10))
  // A missing reason is refused with the dates kept.
  await leader.getByRole('button', { name: 'Lagre' }).click()
  await expect(leader.getByText('Velg en årsak.')).toBeVisible()
  await expect(leader.getByLabel('Begynte', { exact: true })).toHaveValue(osloDate(-300))
  await leader.getByLabel('Årsak').selectOption({ label: 'Annen jobb' })
  await leader.getByRole('button', { name: 'Lagre' }).click()
  await expect(leader.getByRole('status')).toHaveText('Registrert.')
  await expect(leader.locator('tbody tr').first()).toContainText('Annen jobb')

  const lead = await as('programme_lead')
  await english(lead)
  await lead.goto('/outcomes/retention?year=2017')
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Who stays')
  await expect(lead.getByTestId('retention-summary')).toContainText('have not yet been followed for 12 months')
  await expect(lead.getByRole('row', { name: /^Total/ }).first()).toContainText(/\d+ of \d+/)
  // Table 1 of the 2018 report: 12 leavers at six units, about 82 a year for 41 units.
  await expect(lead.getByTestId('turnover-estimate')).toContainText('12 leavers at 6 units make 2 per unit')
  await expect(lead.getByTestId('turnover-estimate')).toContainText('about 82 nurses')
  await lead.getByRole('link', { name: 'The cost of turnover' }).click()
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('The cost of turnover')
  await lead.goto('/outcomes/cost?year=2018')
  const homeCare = lead.locator('table', { has: lead.locator('caption', { hasText: 'Home care' }) })
  await expect(homeCare.getByRole('row', { name: /^Total per hire/ })).toContainText('37,055.25')
  await expect(homeCare.getByRole('row', { name: /^Total per hire/ })).toContainText('51,423.62')
  await expect(homeCare.getByRole('row', { name: /^Hourly cost/ })).toContainText('NOK 698,000.00 a year / 1846 annual hours')
  const hvs = lead.locator('table', { has: lead.locator('caption', { hasText: 'Health and welfare centre' }) })
  await expect(hvs.getByRole('row', { name: /^Total per hire/ })).toContainText('40,342.08')
  await expect(hvs.getByRole('row', { name: /^Total per hire/ })).toContainText('55,984.92')
  await expect(lead.getByTestId('scheme-figures').getByRole('row', { name: /^Fewer leavers/ })).toContainText('rounded up')
})

test('the national editor sees opted-in municipalities with a small one suppressed; another municipality sees none of Trondheim', { tag: '@smoke' }, async ({ as }) => {
  const editor = await as('national_editor')
  await editor.goto('/outcomes/national')
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Nasjonale tall')
  const table = editor.getByTestId('national-figures')
  // Farsund and Kristiansand have too few people: hidden. Trondheim's retention is shown.
  await expect(table.getByRole('row', { name: /^Farsund/ })).toContainText('skjult')
  await expect(table.getByRole('row', { name: /^Kristiansand/ })).toContainText('skjult')
  await expect(table.getByRole('row', { name: /^Trondheim/ }).locator('td').nth(4)).toContainText('%')
  await expect(table.getByRole('row', { name: /^Bjørnafjorden/ })).toHaveCount(0)

  const farsund = await as('farsund_admin')
  await farsund.goto('/outcomes/retention?year=2017')
  await expect(farsund.getByRole('heading', { level: 1 })).toHaveText('Hvem blir værende')
  await expect(farsund.locator('main')).not.toContainText('Bergheim')
  await expect(farsund.locator('main')).not.toContainText('Dragvoll')
})
