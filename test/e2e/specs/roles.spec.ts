import type { Account } from '../accounts.ts'
import { expect, test } from '../fixtures.ts'

// What each role finds in the main menu after signing in.
const LEARN = ['Kompetanseprogram', 'Metoder']
const NETWORKS = ['Nettverk']
const CASES = ['Caser']
const PLANS = ['Oppfølgingsplaner']
const ADHERENCE = ['Oppfølgingsplaner', 'Oppfølging i tall']
const SURVEYS = ['Spørreundersøkelser']
const OUTCOMES = ['Resultater']
const NAV: Partial<Record<Account, string[]>> = {
  platform_admin: ['Oversikt', ...LEARN, 'Utgående e-post', 'Logg', 'Kommuner'],
  national_editor: ['Oversikt', ...LEARN, ...CASES, 'Nasjonal deling', 'Nasjonale tall'],
  municipality_admin: ['Oversikt', ...LEARN, ...NETWORKS, 'Brukere', 'Enheter og bydeler', 'Kommuneinnstillinger', 'Utgående e-post', 'Logg', 'Personvern', ...OUTCOMES, 'Nasjonal statistikk'],
  programme_lead: ['Oversikt', 'Programmer', 'Maler', ...LEARN, ...NETWORKS, ...CASES, 'Nettverksrapport', ...ADHERENCE, ...SURVEYS, ...OUTCOMES],
  coordinator: ['Oversikt', 'Programmer', 'Maler', ...LEARN, ...NETWORKS, ...CASES, ...ADHERENCE, ...SURVEYS, ...OUTCOMES],
  network_contact: ['Oversikt', 'Programmer', ...LEARN, ...NETWORKS, ...CASES, ...PLANS, ...SURVEYS],
  department_leader: ['Oversikt', ...LEARN, ...ADHERENCE, ...OUTCOMES],
  unit_leader: ['Oversikt', ...LEARN, ...NETWORKS, ...ADHERENCE, ...OUTCOMES],
  mentor: ['Oversikt', 'Programmer', ...LEARN, ...NETWORKS, ...CASES, ...PLANS, ...SURVEYS],
  mentee: ['Oversikt', ...LEARN, ...PLANS, ...SURVEYS],
}

for (const [account, items] of Object.entries(NAV) as [Account, string[]][]) {
  test(`${account} sees the navigation of the role`, { tag: account === 'municipality_admin' || account === 'mentor' ? '@smoke' : undefined }, async ({ as }) => {
    const page = await as(account)
    await page.goto('/dashboard')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hei, /)
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' })
    await expect(nav.getByRole('link')).toHaveText(items)
  })
}

test('a person with roles in two municipalities switches between them', async ({ as }) => {
  const page = await as('regional_mentor')
  await page.goto('/dashboard')
  const select = page.getByLabel('Kommune')
  await expect(select).toHaveValue(/.+/)
  const first = await select.locator('option:checked').textContent()
  const other = first === 'Farsund' ? 'Kristiansand' : 'Farsund'
  await select.selectOption({ label: other })
  await page.getByRole('button', { name: 'Bytt' }).click()
  await expect(page.getByText(`Rollene dine i ${other}:`)).toBeVisible()
})
