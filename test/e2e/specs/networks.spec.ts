import type { Browser, Page } from '@playwright/test'
import { PASSWORD } from '../accounts.ts'
import { expect, hydrated, test } from '../fixtures.ts'

/** Signs in a demo mentor without a stored session (the fixture's accounts cover one mentor only). */
async function signIn(browser: Browser, email: string, pages: Page[]) {
  const context = await browser.newContext()
  const page = await context.newPage()
  pages.push(page)
  await page.goto('/login')
  await page.getByLabel('E-postadresse').fill(email)
  await page.getByLabel('Passord').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  return page
}

test('district networks: plan, register, minutes approved after a change and published; the report', async ({ as, browser }) => {
  test.setTimeout(240_000)
  const stamp = Date.now().toString(36)
  const east = `Nettverk Lerkendal ${stamp}`
  const west = `Nettverk Heimdal ${stamp}`

  // The admin creates two district networks, each with a contact person.
  const admin = await as('municipality_admin')
  for (const [name, district, contact] of [[east, 'Lerkendal', 'Per Nettverk Aas'], [west, 'Heimdal', 'Åse Øverås']]) {
    await admin.goto('/networks/new')
    await admin.getByLabel('Navn på nettverket').fill(name)
    await admin.getByLabel('Bydel').selectOption({ label: district })
    await admin.getByLabel('Kontaktperson').selectOption({ label: contact })
    await admin.getByRole('button', { name: 'Opprett nettverket' }).click()
    await expect(admin.getByRole('status')).toHaveText('Nettverket er opprettet.')
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name)
  }

  // The contact person adds three mentors, plans a meeting (date suggested by the rhythm) and records attendance.
  const contact = await as('network_contact')
  await contact.goto('/networks')
  await contact.getByRole('link', { name: east }).click()
  for (const mentor of ['Ingrid Solberg', 'Sigrid Hårstad', 'Eirik Lund']) {
    await contact.getByLabel('Mentor', { exact: true }).selectOption({ label: mentor })
    await contact.getByRole('button', { name: 'Legg til', exact: true }).click()
    await expect(contact.getByRole('status')).toHaveText('Medlemslisten er oppdatert.')
  }
  await expect(contact.getByRole('row', { name: /Eirik Lund/ })).toContainText('Helse- og velferdssenter')
  await contact.getByRole('link', { name: 'Planlegg møte' }).click()
  await expect(contact.getByText(/foreslått etter møterytmen/)).toBeVisible()
  await contact.getByLabel('Tema').fill('Oppstart og forventninger')
  await contact.getByLabel('Bruk en metode eller en samling som opplegg (valgfritt)').selectOption({ value: 'method:reflecting-team' })
  await contact.getByRole('button', { name: 'Planlegg møte' }).click()
  await expect(contact.getByRole('status')).toContainText('Møtet er planlagt.')
  for (const name of ['Per Nettverk Aas', 'Ingrid Solberg', 'Sigrid Hårstad', 'Eirik Lund']) await contact.getByRole('row', { name: new RegExp(name) }).getByLabel('Til stede', { exact: true }).check()
  await contact.getByRole('button', { name: 'Lagre registreringen' }).click()
  await expect(contact.getByRole('status')).toHaveText('Oppmøtet er lagret.')

  // Minutes: a visible reminder, an empty draft refused, then sent for approval.
  await contact.getByRole('link', { name: 'Skriv referat' }).click()
  await expect(contact.getByText('Ikke skriv navn på pasienter eller kolleger', { exact: false })).toBeVisible()
  await contact.getByLabel('Referat (markdown)').fill('Vi ble kjent og avtalte møteform.\nNeste tema: grenser for mentorrollen.')
  await contact.getByRole('button', { name: 'Lagre utkastet' }).click()
  await expect(contact.getByRole('status')).toHaveText('Utkastet er lagret.')
  const minutesUrl = new URL(contact.url()).pathname
  await hydrated(contact)
  await contact.getByLabel('Referat (markdown)').fill('')
  await contact.getByRole('button', { name: 'Send til godkjenning' }).click()
  await expect(contact.getByText('Skriv referatet før du lagrer eller sender det.')).toBeVisible()
  await contact.getByLabel('Referat (markdown)').fill('Vi ble kjent og avtalte møteform.\nNeste tema: grenser for mentorrollen.')
  await contact.getByRole('button', { name: 'Send til godkjenning' }).click()
  await expect(contact.getByRole('status')).toContainText('Referatet er sendt til godkjenning.')

  // Two mentors approve; the third (in English) asks for a change.
  const pages: Page[] = []
  const ingrid = await signIn(browser, 'mentor3@trondheim.demo', pages)
  const sigrid = await signIn(browser, 'mentor4@trondheim.demo', pages)
  const eirik = await signIn(browser, 'mentor7@trondheim.demo', pages)
  for (const mentor of [ingrid, sigrid]) {
    await mentor.goto(minutesUrl)
    await mentor.getByRole('button', { name: 'Godkjenn referatet' }).click()
    await expect(mentor.getByRole('status')).toHaveText('Svaret ditt er registrert.')
  }
  await eirik.goto(minutesUrl)
  await hydrated(eirik)
  await eirik.getByRole('button', { name: 'English' }).click()
  await expect(eirik.locator('html')).toHaveAttribute('lang', 'en')
  await expect(eirik.getByText('Do not name patients or colleagues', { exact: false })).toBeVisible()
  await eirik.getByLabel('Comment (required when requesting a change)').fill('Please add that we agreed on fixed times.')
  await eirik.getByRole('button', { name: 'Request a change' }).click()
  await expect(eirik.getByRole('status')).toHaveText('Your answer has been recorded.')

  // The writer revises; version 2 goes round again and everyone approves.
  await contact.goto(minutesUrl)
  await expect(contact.getByTestId('minutes-status')).toHaveText('Endring ønsket')
  await expect(contact.getByText('Please add that we agreed on fixed times.').first()).toBeVisible()
  await contact.getByLabel('Referat (markdown)').fill('Vi ble kjent og avtalte møteform.\nVi avtalte faste tider for samtalene.\nNeste tema: grenser for mentorrollen.')
  await contact.getByRole('button', { name: 'Send til godkjenning' }).click()
  await expect(contact.getByRole('status')).toContainText('Referatet er sendt til godkjenning.')
  for (const mentor of [ingrid, sigrid]) {
    await mentor.goto(minutesUrl)
    await mentor.getByRole('button', { name: 'Godkjenn referatet' }).click()
    await expect(mentor.getByRole('status')).toHaveText('Svaret ditt er registrert.')
  }
  await eirik.goto(minutesUrl)
  await eirik.getByRole('button', { name: 'Approve the minutes' }).click()
  await expect(eirik.getByRole('status')).toHaveText('Your answer has been recorded.')

  await contact.goto(minutesUrl)
  await expect(contact.getByTestId('minutes-status')).toHaveText('Godkjent')
  await contact.getByLabel('Hvem skal kunne lese referatet?').selectOption({ label: 'Hele nettverket' })
  await contact.getByRole('button', { name: 'Publiser referatet' }).click()
  await expect(contact.getByTestId('minutes-status')).toHaveText('Publisert')
  await contact.getByRole('button', { name: 'Vis endringene' }).click()
  await expect(contact.getByTestId('diff')).toContainText('Lagt til: + Vi avtalte faste tider for samtalene.')

  // The contact person of the other network cannot read them.
  const other = await as('mentor')
  const response = await other.goto(minutesUrl)
  expect(response?.status()).toBe(404)
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Fant ikke siden')
  for (const page of pages) {
    await page.context().close()
  }
})

test('the programme lead sees the network report and can download it', { tag: '@smoke' }, async ({ as }) => {
  const lead = await as('programme_lead')
  await lead.goto('/networks')
  await lead.getByRole('link', { name: 'Nettverksrapport' }).first().click()
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Nettverksrapport')
  const row = lead.getByRole('row', { name: /Mentornettverk Østbyen/ })
  await expect(row).toContainText('Grenser for mentorrollen')
  const download = lead.waitForEvent('download')
  await lead.getByRole('link', { name: 'Last ned som CSV' }).click()
  const csv = await (await download).createReadStream().then(async (s) => { let text = ''; for await (const chunk of s) text += chunk; return text })
  expect(csv).toContain('Mentornettverk Østbyen')
})
