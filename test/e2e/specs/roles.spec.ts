import type { Account } from '../accounts.ts'
import { expect, test } from '../fixtures.ts'

// What each role finds in the main menu after signing in.
const LEARN = ['Kompetanseprogram', 'Metoder']
const NETWORKS = ['Nettverk']
const CASES = ['Caser']
const PLANS = ['Oppfølgingsplaner']
const ADHERENCE = ['Oppfølgingsplaner', 'Oppfølging i tall']
const NAV: Partial<Record<Account, string[]>> = {
  platform_admin: ['Oversikt', ...LEARN, 'Utgående e-post', 'Logg', 'Kommuner'],
  national_editor: ['Oversikt', ...LEARN, ...CASES, 'Nasjonal deling'],
  municipality_admin: ['Oversikt', ...LEARN, ...NETWORKS, 'Brukere', 'Enheter og bydeler', 'Kommuneinnstillinger', 'Utgående e-post', 'Logg'],
  programme_lead: ['Oversikt', 'Programmer', 'Maler', ...LEARN, ...NETWORKS, ...CASES, 'Nettverksrapport', ...ADHERENCE],
  coordinator: ['Oversikt', 'Programmer', 'Maler', ...LEARN, ...NETWORKS, ...CASES, ...ADHERENCE],
  network_contact: ['Oversikt', 'Programmer', ...LEARN, ...NETWORKS, ...CASES, ...PLANS],
  department_leader: ['Oversikt', ...LEARN, ...ADHERENCE],
  unit_leader: ['Oversikt', ...LEARN, ...NETWORKS, ...ADHERENCE],
  mentor: ['Oversikt', 'Programmer', ...LEARN, ...NETWORKS, ...CASES, ...PLANS],
  mentee: ['Oversikt', ...LEARN, ...PLANS],
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
