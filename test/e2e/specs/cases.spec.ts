// The case library's main journey in a real browser (axe runs on every page
// load through the fixtures): personal data found and blocking, fixed, shared
// to the network; found and reflected on by another member; invisible to
// another municipality until a national editor approves a national share;
// script and javascript: links in the text stay inert. Bokmål and English.
import type { Browser, Page } from '@playwright/test'
import { PASSWORD } from '../accounts.ts'
import { expect, hydrated, test } from '../fixtures.ts'
import { BASE_URL } from '../playwright.config.ts'

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

/** A test identity number made by the published algorithm (no real person's). */
function testId(): string {
  const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2], W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
  for (let i = 200; i < 999; i++) {
    const d = `020290${i}`.split('').map(Number)
    let k1 = 11 - (W1.reduce((s, w, j) => s + w * d[j]!, 0) % 11)
    if (k1 === 11) k1 = 0
    if (k1 === 10) continue
    let k2 = 11 - (W2.reduce((s, w, j) => s + w * [...d, k1][j]!, 0) % 11)
    if (k2 === 11) k2 = 0
    if (k2 === 10) continue
    return `020290${i}${k1}${k2}`
  }
  throw new Error('no id')
}

test('a case with personal data is blocked, fixed, shared to the network, reflected on, and shared nationally after approval', { tag: '@smoke' }, async ({ browser, as }) => {
  test.setTimeout(180_000)
  const pages: Page[] = []
  const word = `morgenstell${Date.now().toString(36)}`
  const fnr = testId()

  // A mentor in the Østbyen network writes a case with an identity number, a phone number, a script and a javascript: link.
  const author = await signIn(browser, 'mentor3@trondheim.demo', pages)
  await author.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Caser' }).click()
  await author.getByRole('link', { name: 'Nytt case' }).click()
  await author.getByLabel('Tittel').fill(`Uro ved ${word}`)
  await author.getByLabel('Situasjonen (hva skjedde?)').fill(`Beboeren med nummer ${fnr} ba meg ringe 912 34 567 under ${word}.\n\n<script>window.__pwned = 1</script>\n\n[Les mer](javascript:window.__pwned=2)`)
  await author.getByLabel('Tjeneste').selectOption({ label: 'Helse- og velferdssenter' })
  await author.getByRole('button', { name: 'Lagre caset' }).click()
  await expect(author.getByRole('status')).toHaveText('Caset er lagret.')
  const caseUrl = author.url().replace(/\?.*$/, '')
  await expect(author.locator('mark.finding-block')).toHaveCount(2)
  await expect(author.locator('mark.finding-block').first()).toContainText('Fødselsnummer, D- eller H-nummer')
  await expect(author.locator('mark.finding-block').nth(1)).toContainText('Telefonnummer')
  await expect(author.getByText('Caset kan ikke deles før hvert funn er fjernet', { exact: false })).toBeVisible()
  // Script and javascript: link inert.
  await expect(author.locator('.content-body a[href^="javascript"]')).toHaveCount(0)
  expect(await author.evaluate(() => (window as any).__pwned)).toBeUndefined()
  // Sharing is refused while findings are open.
  await author.getByLabel('Nettverket').check()
  await author.getByRole('button', { name: 'Del caset' }).click()
  await expect(author.getByRole('alert')).toContainText('Caset kan ikke deles')

  // Remove the identity number; mark the phone number (the ward's switchboard) "not personal data".
  await author.getByRole('link', { name: 'Rediger caset' }).click()
  await hydrated(author)
  await author.getByLabel('Situasjonen (hva skjedde?)').fill(`Beboeren ba meg ringe 912 34 567 under ${word}.`)
  await author.getByRole('button', { name: 'Lagre caset' }).click()
  await expect(author.getByRole('status')).toHaveText('Caset er lagret.')
  await author.getByRole('button', { name: 'Ikke personopplysning' }).click()
  await expect(author.locator('mark.finding-dismissed')).toHaveCount(1)
  await author.getByLabel('Nettverket').check()
  await author.getByLabel('Nettverk', { exact: true }).selectOption({ label: 'Mentornettverk Østbyen' })
  await author.getByRole('button', { name: 'Del caset' }).click()
  await expect(author.getByRole('status')).toHaveText('Delingen er lagret.')

  // Another member of the network finds it by search and adds a reflection.
  const member = await signIn(browser, 'mentor4@trondheim.demo', pages)
  await member.goto('/cases')
  await member.getByLabel('Søkeord').fill(word)
  await member.getByRole('button', { name: 'Søk' }).click()
  await member.getByRole('link', { name: `Uro ved ${word}` }).click()
  await member.getByLabel('Skriv en kort refleksjon').fill('Jeg kjenner meg igjen i stresset rundt morgenstellet.')
  await member.getByRole('button', { name: 'Legg til refleksjonen' }).click()
  await expect(member.getByRole('status')).toHaveText('Refleksjonen er lagt til.')

  // A coordinator in Farsund (in English) finds nothing and gets 404 on the address.
  const far = await as('farsund_coordinator')
  await far.context().addCookies([{ name: 'mn_lang', value: Buffer.from(JSON.stringify('en')).toString('base64'), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }])
  await far.goto(`/cases?q=${word}`)
  await expect(far.getByRole('heading', { name: '0 results' })).toBeVisible()
  const denied = await far.goto(caseUrl)
  expect(denied?.status()).toBe(404)

  // The author asks for a national share; the national editor approves it.
  await author.goto(caseUrl)
  await author.getByLabel('Nasjonalt').check()
  await author.getByRole('button', { name: 'Del caset' }).click()
  await expect(author.getByText('Venter på godkjenning for: Nasjonalt')).toBeVisible()
  const editor = await as('national_editor')
  await editor.goto('/cases')
  await editor.getByRole('link', { name: `Uro ved ${word}` }).click()
  await editor.getByRole('button', { name: 'Godkjenn delingen' }).click()
  await expect(editor.getByRole('status')).toHaveText('Vurderingen er lagret.')

  // Now Farsund finds it (English interface).
  await far.goto('/cases')
  await far.getByLabel('Search words').fill(word)
  await far.getByRole('button', { name: 'Search', exact: true }).click()
  await far.getByRole('link', { name: `Uro ved ${word}` }).click()
  await expect(far.getByRole('heading', { name: 'The cognitive diamond' })).toBeVisible()
  await far.getByRole('link', { name: 'Print worksheet' }).click()
  await expect(far.getByRole('heading', { level: 1 })).toContainText('Worksheet')

  for (const p of pages) await p.context().close()
})

test('a municipality case is not found from another municipality, by id or by post', async ({ as }) => {
  const coordinator = await as('coordinator')
  await coordinator.goto('/cases?scope=municipality')
  const href = await coordinator.getByRole('link', { name: 'Pårørende som ringer mange ganger om dagen' }).getAttribute('href')
  expect(href).toMatch(/^\/cases\/c[a-z0-9]+$/)
  const other = await as('kristiansand_coordinator')
  for (const path of [href!, `${href}/edit`, `${href}/worksheet`]) expect((await other.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404)
  const forms: Record<string, string>[] = [{ intent: 'reflect', body: 'Hei' }, { intent: 'approve' }, { intent: 'withdraw' }, { intent: 'share', scope: 'national' }]
  for (const form of forms) {
    expect((await other.request.post(href!, { form, maxRedirects: 0, headers: { Origin: BASE_URL, 'Sec-Fetch-Site': 'same-origin' } })).status(), form.intent).toBe(404)
  }
})
