import type { Page } from '@playwright/test'
import { expect, hydrated, test } from '../fixtures.ts'

async function templateIdFrom(page: Page) {
  return new URL(page.url()).pathname.split('/')[2]
}

test('a coordinator forks the national programme, edits a session, plans a year and enrols mentors from CSV', { tag: '@smoke' }, async ({ as }) => {
  test.setTimeout(120_000)
  const page = await as('kristiansand_coordinator')
  await page.goto('/templates')
  await page.getByRole('button', { name: 'Lag kopi for kommunen' }).first().click()
  await expect(page.getByRole('status')).toHaveText('Kopien er laget. Du kan nå endre samlingene.')
  await expect(page.getByRole('row')).toHaveCount(13)
  const templateId = await templateIdFrom(page)

  // Edit the second session.
  await page.getByRole('link', { name: /^Endre Bli kjent/ }).click()
  // The template page has an "add session" form with the same labels: wait for the edit page.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Endre samling')
  await page.getByLabel('Navn på samlingen').fill('Bli kjent i Kristiansand')
  await page.getByLabel('Varighet i minutter').fill('5')
  await page.getByRole('button', { name: 'Lagre' }).click()
  await expect(page.getByText('Varigheten må være mellom 15 og 600 minutter.')).toBeVisible()
  await expect(page.getByLabel('Navn på samlingen')).toHaveValue('Bli kjent i Kristiansand')
  await page.getByLabel('Varighet i minutter').fill('180')
  await page.getByRole('button', { name: 'Lagre' }).click()
  await expect(page.getByRole('cell', { name: 'Bli kjent i Kristiansand', exact: true })).toBeVisible()

  // Plan the year from the template: a bad date first, then the suggestion as it is.
  await page.getByRole('link', { name: 'Planlegg et program fra malen' }).click()
  await expect(page).toHaveURL(/\/programmes\/new/)
  await page.getByLabel('År', { exact: true }).fill('2027')
  await page.getByRole('button', { name: 'Foreslå datoer' }).click()
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(/2027$/)
  const firstSession = page.getByRole('group', { name: /^1\. Kick-off/ })
  await expect(firstSession.getByLabel('Dato')).toHaveValue('2027-01-14')
  await firstSession.getByLabel('Til').fill('08:00')
  await page.getByRole('button', { name: 'Opprett programmet' }).click()
  await expect(firstSession.getByText('Slutten må være etter starten.')).toBeVisible()
  await firstSession.getByLabel('Til').fill('16:00')
  await page.getByRole('button', { name: 'Opprett programmet' }).click()
  await expect(page.getByRole('status')).toHaveText('Programmet er opprettet med alle samlingene.')
  await expect(page.getByRole('row')).toHaveCount(13)
  await expect(page.getByText('Samlingene gir 44 timer. Kravet for kursbevis er 44 timer.')).toBeVisible()

  // Enrol mentors from a CSV file with one bad row, corrected in place.
  await page.getByRole('link', { name: 'Deltakere' }).click()
  await expect(page).toHaveURL(/\/participants$/)
  await hydrated(page)
  const stamp = Date.now()
  const csv = `navn;e-post;enhet\nMaria Gundersen;mentor@kristiansand.demo;Hjemmetjenesten sone Vågsbygd\nNy Mentor;ny.${stamp}@example.no;Hjemmetjenesten sone Lund\nFeil Rad;feil.${stamp}@example;`
  await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({ name: 'deltakere.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Forhåndsvis' }).click()
  await expect(page.locator('tr[data-row-status="error"]')).toContainText('Ugyldig e-postadresse.')
  const text = page.getByLabel('Eller lim inn innholdet')
  await text.fill((await text.inputValue()).replace(`feil.${stamp}@example;`, `feil.${stamp}@example.no;`))
  await page.getByRole('button', { name: 'Forhåndsvis' }).click()
  await page.getByRole('button', { name: 'Meld på 3 deltakere' }).click()
  await expect(page.getByRole('status')).toHaveText('3 personer er importert og invitert.')
  await expect(page.getByText('3 aktive deltakere (3 i alt, også de som har sluttet).')).toBeVisible()

  // Farsund cannot see the fork until KS has published it.
  const farsund = await as('farsund_coordinator')
  const response = await farsund.goto(`/templates/${templateId}`)
  expect(response?.status()).toBe(404)
  await farsund.goto('/templates')
  await expect(farsund.locator(`a[href="/templates/${templateId}"]`)).toHaveCount(0)

  await page.goto(`/templates/${templateId}`)
  await page.getByRole('button', { name: 'Send til nasjonal vurdering' }).click()
  await expect(page.getByText('Sendt til nasjonal vurdering.')).toBeVisible()
  const editor = await as('national_editor')
  await editor.goto('/national')
  const card = editor.getByRole('listitem').filter({ has: editor.locator(`a[href="/national/templates/${templateId}"]`) })
  await card.getByRole('button', { name: /Publiser nasjonalt/ }).click()
  await expect(editor.getByRole('status')).toHaveText('Malen er publisert og kan kopieres av alle kommuner.')

  await farsund.goto('/templates')
  const shared = farsund.getByRole('listitem').filter({ has: farsund.locator(`a[href="/templates/${templateId}"]`) })
  await shared.getByRole('button', { name: 'Lag kopi for kommunen' }).click()
  await expect(farsund.getByRole('cell', { name: 'Bli kjent i Kristiansand', exact: true })).toBeVisible()
})

test('a mentor sees the next gathering, answers its preparation and fills in worksheets', { tag: '@smoke' }, async ({ as }) => {
  const page = await as('mentor')
  await page.goto('/dashboard')
  // The first coming gathering that asks for preparation (the kick-off asks for none).
  const next = page.getByTestId('upcoming-gathering').filter({ hasText: 'Forberedelse' }).first()
  await expect(next.getByText('Forberedelse')).toBeVisible()
  await next.getByRole('link').click()
  await expect(page.getByRole('heading', { name: 'Forberedelse' })).toBeVisible()
  const answers = page.locator('textarea[name^="answers"]')
  await answers.first().fill('Jeg har lært å stille færre spørsmål.')
  await page.getByLabel('Del svarene med koordinatoren og de andre i programmet').check()
  await page.getByRole('button', { name: 'Lagre forberedelsen' }).click()
  await expect(page.getByRole('status')).toHaveText('Forberedelsen er lagret.')
  await page.reload()
  await expect(answers.first()).toHaveValue('Jeg har lært å stille færre spørsmål.')
  // A refused save (too long) answers 400 and keeps what was typed.
  const refused = await page.request.post(new URL(page.url()).pathname, { form: { 'answers[0]': `${'x'.repeat(4001)}`, 'answers[1]': 'Behold meg' }, maxRedirects: 0 })
  expect(refused.status()).toBe(400)
  expect(await refused.text()).toContain('Behold meg')

  await page.goto('/methods/cognitive-diamond')
  await page.getByLabel('Tittel').fill('Travel kveldsvakt')
  await page.getByLabel(/^Situasjon/).fill('En ny kollega ble alene med mange pasienter.')
  await page.getByLabel(/^Tanker/).fill('Jeg burde ha sett det før.')
  await page.getByRole('button', { name: 'Lagre' }).click()
  await expect(page.getByRole('status')).toContainText('Arbeidsarket er lagret')
  await expect(page.getByRole('link', { name: 'Travel kveldsvakt' })).toBeVisible()

  await page.goto('/methods/pedagogical-sun')
  await hydrated(page)
  await page.getByLabel('Tittel').fill('Mentorrollen')
  await page.getByLabel('Tema i midten').fill('Hva gjør en mentor?')
  await page.getByLabel('Stråle 1', { exact: true }).fill('Lytter')
  await page.getByLabel('Stråle 2', { exact: true }).fill('Spør åpent')
  await page.getByLabel('Stråle 3', { exact: true }).fill('Gir ikke svar')
  await expect(page.locator('svg.sun-figure title')).toHaveText('Pedagogisk sol: Hva gjør en mentor?')
  await page.getByRole('button', { name: 'Lagre' }).click()
  await expect(page.getByRole('status')).toContainText('Arbeidsarket er lagret')
  await expect(page.locator('svg.sun-figure')).toContainText('Spør åpent')
})

test('the coordinator sees who has prepared, and the facilitator view runs its clock', async ({ as }) => {
  const page = await as('coordinator')
  await page.goto('/programmes')
  await page.getByRole('link', { name: /Kompetanseprogram for mentorer 2018/ }).click()
  await page.getByRole('link', { name: 'Reflekterende team', exact: true }).click()
  await expect(page.getByText(/av \d+ deltakere har forberedt seg/)).toBeVisible()
  await page.getByRole('link', { name: 'Åpne ledervisningen' }).click()
  await hydrated(page)
  const clock = page.getByTestId('block-clock')
  await expect(clock).toHaveText('20:00')
  await page.getByRole('button', { name: 'Start' }).first().click()
  await expect(clock).not.toHaveText('20:00', { timeout: 5000 })
  await page.locator('body').press('ArrowRight')
  await expect(page.getByTestId('current-block')).toContainText('Bolk 2 av')
  await expect(page.getByRole('heading', { name: 'Tidtaking for reflekterende team' })).toBeVisible()
  await expect(page.getByRole('timer', { name: /Team 1/ })).toHaveText('04:00')
})

test('without JavaScript the facilitator view shows the agenda with times', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: 'test/.auth/coordinator.json' })
  const page = await context.newPage()
  await page.goto('/programmes')
  await page.getByRole('link', { name: /Kompetanseprogram for mentorer 2018/ }).click()
  await page.getByRole('link', { name: 'Kick-off', exact: true }).click()
  await page.getByRole('link', { name: 'Åpne ledervisningen' }).click()
  await expect(page.getByText('Klokken trenger JavaScript.')).toBeVisible()
  await expect(page.getByRole('cell', { name: '09:00–09:30' })).toBeVisible()
  await context.close()
})

test.describe('in English', () => {
  test('the curriculum, a session page and the method worksheets', async ({ as }) => {
    const page = await as('coordinator')
    await page.context().addCookies([{ name: 'mn_lang', value: Buffer.from('"en"').toString('base64'), domain: '127.0.0.1', path: '/' }])
    await page.goto('/curriculum')
    await expect(page.getByText('44 hours in all')).toBeVisible()
    await page.getByRole('link', { name: 'Reflecting teams', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Preparation' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible()
    await page.getByRole('link', { name: 'Reflecting team' }).first().click()
    await expect(page.getByRole('heading', { name: 'Facilitator card' })).toBeVisible()
    await page.goto('/templates')
    await expect(page.getByRole('heading', { name: 'National templates' })).toBeVisible()
  })
})

test('markdown written by users is rendered without scripts, event handlers or javascript: links', async ({ as }) => {
  const page = await as('programme_lead')
  await page.goto('/templates')
  await page.getByRole('button', { name: 'Lag kopi for kommunen' }).first().click()
  let dialogs = 0
  page.on('dialog', (d) => {
    dialogs++
    void d.dismiss()
  })
  await page.getByLabel('Beskrivelse').fill('**Trygg** tekst <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[lenke](javascript:alert(3))')
  await page.getByRole('button', { name: 'Lagre' }).last().click()
  const description = page.getByTestId('template-description')
  await expect(description.locator('strong')).toHaveText('Trygg')
  const html = await description.innerHTML()
  expect(html).not.toMatch(/<script|onerror|javascript:|<img/i)
  // The javascript: link loses its href: it is text, not a link.
  await expect(description.getByText('lenke')).toBeVisible()
  await expect(description.getByRole('link')).toHaveCount(0)
  expect(dialogs).toBe(0)
})
