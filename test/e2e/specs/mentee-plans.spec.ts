import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'

// Oslo calendar dates relative to today (the demo plans are relative too).
const osloDate = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offsetDays * 86_400_000))

async function english(page: Page) {
  await page.context().addCookies([{ name: 'mn_lang', value: Buffer.from(JSON.stringify('en')).toString('base64'), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }])
}

test('the mentee sees their plan and the prompts; there is no field for what was said', { tag: '@smoke' }, async ({ as }) => {
  const mentee = await as('mentee')
  await mentee.goto('/plans')
  await mentee.locator('main').getByRole('link', { name: 'Emma Nyansatt Brekke' }).click()
  await expect(mentee.getByRole('heading', { level: 1 })).toHaveText('Emma Nyansatt Brekke')
  await expect(mentee.getByRole('heading', { name: 'Stikkord for samtalene' })).toBeVisible()
  await expect(mentee.getByTestId('next-due')).not.toHaveText('–')
  await expect(mentee.locator('textarea')).toHaveCount(0)
  await expect(mentee.getByRole('button', { name: 'Registrer som gjennomført' })).toHaveCount(0)
})

test('a leader creates a plan, the mentor logs and moves conversations, the mentee and the unit see it, others do not', async ({ as, browser }) => {
  test.setTimeout(180_000)
  const menteeName = `Test Nyansatt ${Date.now() % 100000}`

  // The department leader (bokmål) creates a plan that started five weeks ago.
  const leader = await as('department_leader')
  await leader.goto('/plans/new')
  await leader.getByLabel('Navn på nyansatt').fill(menteeName)
  await leader.getByLabel('E-post til nyansatt (valgfritt)').fill('nyansatt@trondheim.demo')
  await leader.getByLabel('Mal').selectOption({ label: 'Trondheims ettårsplan for nyansatte' })
  await leader.getByLabel('Startdato').fill(osloDate(-35))
  await leader.getByLabel('Velg mentor').selectOption({ label: 'Åse Øverås' })
  await leader.getByRole('button', { name: 'Opprett plan' }).click()
  await expect(leader.getByRole('status')).toHaveText('Planen er opprettet.')
  const planPath = new URL(leader.url()).pathname
  await expect(leader.locator('tr[data-kind="conversation"]')).toHaveCount(19)

  // The mentor (English) logs three conversations and moves the fourth.
  const mentor = await as('mentor')
  await english(mentor)
  await mentor.goto(planPath)
  for (const n of [0, 1, 2]) {
    const row = mentor.locator('tr[data-kind="conversation"]').nth(n)
    await row.locator('summary').click()
    await row.getByLabel('Minutes used').fill('40')
    if (n === 0) await row.getByLabel('Practical remark (no content)').fill('started late, busy shift')
    await row.getByRole('button', { name: 'Mark as held' }).click()
    await expect(mentor.getByRole('status')).toHaveText('Saved.')
    await expect(mentor.locator('tr[data-kind="conversation"]').nth(n)).toContainText('Held')
  }
  const fourth = mentor.locator('tr[data-kind="conversation"]').nth(3)
  await fourth.locator('summary').click()
  await fourth.getByLabel('New date').fill(osloDate(3))
  await fourth.getByLabel('Reason').fill('mentor on sick leave')
  await fourth.getByRole('button', { name: 'Move', exact: true }).click()
  await expect(mentor.getByRole('status')).toHaveText('Saved.')
  await expect(mentor.locator('tr[data-kind="conversation"]').nth(3)).toContainText('mentor on sick leave')
  await mentor.goto('/plans')
  await expect(mentor.getByRole('heading', { name: 'My mentees' })).toBeVisible()
  await expect(mentor.getByRole('row', { name: new RegExp(menteeName) })).toBeVisible()

  // The mentee sees the new plan.
  const mentee = await as('mentee')
  await mentee.goto('/plans')
  await mentee.locator('main').getByRole('link', { name: menteeName }).click()
  await expect(mentee.locator('tr[data-kind="conversation"]').first()).toContainText('Gjennomført')

  // The leader sees the unit's adherence and exports it.
  await leader.goto('/plans/adherence')
  const row = leader.getByRole('row', { name: new RegExp(menteeName) })
  await expect(row.getByRole('cell').nth(3)).toHaveText('3')
  await expect(leader.getByRole('table')).not.toContainText('Karin Haugen')
  await expect(leader.getByTestId('adherence-summary')).toContainText('nyansatte har hatt færre samtaler enn planlagt')
  const download = leader.waitForEvent('download')
  await leader.getByRole('link', { name: 'Last ned CSV' }).click()
  const csv = fs.readFileSync((await (await download).path())!, 'utf8')
  expect(csv).toContain('Nyansatt;Enhet;Planlagt hittil;Gjennomført')
  expect(csv).toContain(`${menteeName};Bergheim hjemmetjeneste;`)

  // A leader of another unit sees only their own unit; the plan itself is not found.
  const ilsvikaContext = await browser.newContext()
  const ilsvika = await ilsvikaContext.newPage()
  await ilsvika.goto('/login')
  await ilsvika.getByLabel('E-postadresse').fill('leder.ilsvika@trondheim.demo')
  await ilsvika.getByLabel('Passord').fill('mentornett-demo')
  await ilsvika.getByRole('button', { name: 'Logg inn' }).click()
  await ilsvika.waitForURL(/\/dashboard/)
  await ilsvika.goto('/plans/adherence')
  await expect(ilsvika.getByRole('table')).toContainText('Karin Haugen')
  await expect(ilsvika.getByRole('table')).not.toContainText(menteeName)
  expect((await ilsvika.goto(planPath))?.status()).toBe(404)
  await ilsvikaContext.close()

  // Another municipality sees nothing.
  const other = await as('kristiansand_coordinator')
  expect((await other.goto(planPath))?.status()).toBe(404)
  await other.goto('/plans/adherence')
  await expect(other.locator('main')).not.toContainText(menteeName)
  const post = await other.request.post(planPath, { form: { intent: 'end', endedOn: osloDate(), reason: 'x' }, maxRedirects: 0 })
  expect(post.status()).toBe(404)
})
