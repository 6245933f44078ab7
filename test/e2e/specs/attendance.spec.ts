import type { Page } from '@playwright/test'
import { parse as parseCsv } from 'csv-parse/sync'
import { expect, hydrated, test } from '../fixtures.ts'

async function openProgramme(page: Page, name: RegExp) {
  await page.goto('/programmes')
  await page.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  return new URL(page.url()).pathname
}

const THIS_YEAR = new Date().getUTCFullYear()

test('a mentor reports an absence and the coordinator sees it in the register', { tag: '@smoke' }, async ({ as }) => {
  const mentor = await as('mentor')
  await mentor.goto('/dashboard')
  await mentor.getByTestId('upcoming-gathering').first().getByRole('link').click()
  await expect(mentor.getByRole('heading', { name: 'Kan du ikke komme?' })).toBeVisible()
  await mentor.getByLabel('Grunn (valgfritt)').selectOption({ label: 'Jobb' })
  await mentor.getByRole('button', { name: 'Meld fravær' }).click()
  await expect(mentor.getByRole('status')).toHaveText('Fraværet er meldt. Koordinatoren ser det i registreringen.')
  const gatheringPath = new URL(mentor.url()).pathname

  const coordinator = await as('coordinator')
  await coordinator.goto(`${gatheringPath}/register`)
  await expect(coordinator.getByRole('row', { name: /Åse Øverås/ })).toContainText('Har meldt fravær: Jobb')
  await coordinator.goto(gatheringPath.replace(/\/gatherings\/.*/, '/attendance'))
  await expect(coordinator.getByRole('region', { name: 'Meldt fravær' })).toContainText('Åse Øverås')
})

test('the coordinator records a register with a late arrival; two coordinators saving at once get a conflict', { tag: '@smoke' }, async ({ as }) => {
  const coordinator = await as('coordinator')
  const programme = await openProgramme(coordinator, new RegExp(`Kompetanseprogram for mentorer ${THIS_YEAR}`))
  await coordinator.getByRole('link', { name: 'Kick-off', exact: true }).click()
  await coordinator.getByRole('link', { name: 'Oppmøteregistrering' }).click()
  await expect(coordinator).toHaveURL(/\/register$/)
  const registerUrl = coordinator.url()

  // The programme lead opens the same register before the coordinator saves.
  const lead = await as('programme_lead')
  await lead.goto(registerUrl)

  await coordinator.getByRole('button', { name: 'Registrer alle som til stede hele tiden' }).click()
  await expect(coordinator.getByRole('status')).toHaveText('Oppmøtet er lagret.')
  const row = coordinator.getByRole('row', { name: /Ingrid Solberg/ })
  await row.getByLabel('Delvis').check()
  await row.getByLabel('Kom, Ingrid Solberg').fill('10:30')
  await coordinator.getByRole('button', { name: 'Lagre registreringen' }).click()
  await expect(coordinator.getByRole('status')).toHaveText('Oppmøtet er lagret.')
  await expect(coordinator.getByRole('row', { name: /Ingrid Solberg/ }).getByLabel('Minutter til stede for Ingrid Solberg')).toHaveValue('330')

  // The lead's copy is out of date: the save is refused and the current values shown.
  await hydrated(lead)
  await lead.getByRole('row', { name: /Jonas Bjørgen/ }).getByLabel('Fraværende').check()
  await lead.getByRole('button', { name: 'Lagre registreringen' }).click()
  await expect(lead.getByRole('alert')).toContainText('Noen andre lagret denne registreringen')
  await expect(lead.getByRole('row', { name: /Jonas Bjørgen/ })).toContainText('Du skrev: Fraværende')
  await expect(lead.getByRole('row', { name: /Jonas Bjørgen/ }).getByLabel('Til stede', { exact: true })).toBeChecked()

  await coordinator.goto(`${programme}/attendance`)
  await expect(coordinator.getByRole('row', { name: /Ingrid Solberg/ })).toContainText('330')
})

test('the coordinator issues diplomas in bulk, downloads the CSV, and anyone can verify a diploma', { tag: '@smoke' }, async ({ as, browser }) => {
  const coordinator = await as('coordinator')
  const programme = await openProgramme(coordinator, /Kompetanseprogram for mentorer 2018/)
  await coordinator.getByRole('link', { name: 'Kursbevis', exact: true }).click()
  await coordinator.getByRole('button', { name: /Utsted kursbevis til alle som har nådd kravet \(1\)/ }).click()
  await expect(coordinator.getByRole('status')).toHaveText('1 bevis er utstedt.')
  const aseRow = coordinator.getByRole('row', { name: /Åse Øverås/ })
  const code = (await aseRow.locator('code').textContent())!.trim()
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]{6}$/)
  const pdf = await coordinator.request.get(`${(await aseRow.getByRole('link').first().getAttribute('href'))!}`)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  const csv = await coordinator.request.get(`${programme}/attendance.csv`)
  expect(csv.headers()['content-type']).toContain('text/csv')
  const rows: string[][] = parseCsv(await csv.text(), { delimiter: ';', bom: true, relax_column_count: true })
  expect(rows.find((r) => r[0] === 'Åse Øverås' && r[2] === 'Sum')?.[4]).toBe(String(44 * 60))

  // An anonymous visitor types the code from the paper diploma.
  const context = await browser.newContext()
  const visitor = await context.newPage()
  await visitor.goto('/verify')
  await visitor.getByLabel('Kode').fill(code.toLowerCase().replace(/-/g, ' '))
  await visitor.getByRole('button', { name: 'Kontroller' }).click()
  await expect(visitor.getByTestId('verify-status')).toHaveText('Beviset er gyldig.')
  await expect(visitor.getByText('Åse Øverås')).toBeVisible()
  const response = await visitor.goto(`/verify/${code}`)
  expect(response?.headers()['x-robots-tag']).toContain('noindex')
  const wrong = await visitor.goto('/verify/AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA')
  expect(wrong?.status()).toBe(404)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Fant ikke beviset')
  await context.close()
})

test('a mentor sees their progress, in English too', async ({ as }) => {
  const mentor = await as('mentor')
  await openProgramme(mentor, /Kompetanseprogram for mentorer 2018/)
  await mentor.getByRole('link', { name: 'Mine timer' }).click()
  await expect(mentor.getByTestId('hours-total')).toHaveText('44 av 44 timer')
  await mentor.context().addCookies([{ name: 'mn_lang', value: Buffer.from('"en"').toString('base64'), domain: '127.0.0.1', path: '/' }])
  const late = await mentor.context().browser()!.newContext({ storageState: 'test/.auth/mentor.json' })
  await late.close()
  await mentor.reload()
  await expect(mentor.getByRole('heading', { level: 1 })).toHaveText('My hours')
  await expect(mentor.getByTestId('hours-total')).toHaveText('44 of 44 hours')
})

test('another municipality cannot read or change any of it', { tag: '@smoke' }, async ({ as }) => {
  const coordinator = await as('coordinator')
  const programme = await openProgramme(coordinator, /Kompetanseprogram for mentorer 2018/)
  await coordinator.getByRole('link', { name: 'Kick-off', exact: true }).click()
  await expect(coordinator).toHaveURL(/\/gatherings\//)
  const gathering = new URL(coordinator.url()).pathname
  const other = await as('kristiansand_coordinator')
  for (const path of [`${programme}/attendance`, `${programme}/attendance.csv`, `${programme}/diplomas`, `${programme}/diplomas.pdf`, `${programme}/progress`, `${gathering}/register`, `${gathering}/sign-in-sheet`, `${gathering}/facilitate`]) {
    const response = await other.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
  }
  const post = await other.request.post(`${gathering}/register`, { form: { intent: 'all-present', version: '0' }, maxRedirects: 0 })
  expect(post.status()).toBe(404)
  const mentee = await as('mentee')
  expect((await mentee.request.get(`${programme}/attendance`, { maxRedirects: 0 })).status()).toBe(403)
})
