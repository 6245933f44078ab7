import type { Page } from '@playwright/test'
import type { Account } from '../accounts.ts'
import { bokmalOnly } from '../bokmal.ts'
import { checkAccessibilityManually, expect, expectAccessible, hydrated, test } from '../fixtures.ts'

test('the language switch changes texts and <html lang>, and sticks to the account', { tag: '@smoke' }, async ({ page }) => {
  await page.goto('/login')
  await hydrated(page)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
  await page.getByRole('button', { name: 'Nynorsk' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn')
  await expect(page.getByRole('link', { name: 'Gløymt passordet?' })).toBeVisible()

  // Signed in, the choice is saved on the account and follows it to a new browser.
  await page.getByLabel('E-postadresse').fill('mentor7@trondheim.demo')
  await page.getByLabel('Passord').fill('mentornett-demo')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hei, Eirik Lund')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Eirik Lund')
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('E-postadresse').fill('mentor7@trondheim.demo')
  await page.getByLabel('Passord').fill('mentornett-demo')
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('the language switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/privacy')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page).toHaveURL(/\/privacy$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice')
  await context.close()
})

// Every page each role can reach (the listed start pages and every link from
// them, two levels deep), rendered in nynorsk and English; axe on the nynorsk pass.
const START: [Account | null, string[]][] = [
  [null, ['/', '/login', '/forgot-password', '/privacy', '/accessibility', '/verify']],
  ['municipality_admin', ['/dashboard', '/account', '/account/password', '/admin/users', '/admin/users/invite']],
  ['municipality_admin', ['/admin/users/import', '/admin/units', '/admin/municipality', '/admin/outbox', '/admin/audit']],
  ['platform_admin', ['/dashboard', '/platform/municipalities']],
  ['national_editor', ['/dashboard', '/national']],
  ['coordinator', ['/dashboard', '/programmes', '/templates', '/plans/templates']],
  ['mentor', ['/dashboard', '/programmes', '/check-in']],
  ['department_leader', ['/plans', '/plans/new', '/plans/adherence']],
  ['mentee', ['/plans']],
  ['network_contact', ['/networks']],
  ['programme_lead', ['/networks/report', '/networks/new']],
]
const SKIP_LINK = { nn: 'Hopp til hovudinnhald', en: 'Skip to main content' }
const SKIP = /\/(logout|language|municipality)$|\.(csv|pdf|ics)$/

async function chooseLanguage(page: Page, lang: 'nn' | 'en') {
  // The anonymous choice lives in a cookie, so the demo accounts keep their own setting.
  await page.context().addCookies([{ name: 'mn_lang', value: Buffer.from(JSON.stringify(lang)).toString('base64'), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }])
}

/** One page per route: record ids are folded, query strings ignored. */
const routeOf = (path: string) => new URL(path, 'http://x').pathname.replace(/\/c[a-z0-9]{20,}/g, '/:id')

async function crawl(page: Page, start: string[], seen: Set<string>, visit: (path: string) => Promise<void>, depth = 3) {
  let frontier = start
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: string[] = []
    for (const path of frontier) {
      // An account's start pages are always checked (a dashboard differs by role); links found are checked once.
      if (level > 0 && (seen.has(routeOf(path)) || seen.size >= 120)) continue
      seen.add(routeOf(path))
      await visit(path)
      const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      for (const href of links) {
        const url = new URL(href, 'http://x')
        const target = url.pathname + url.search
        if (!SKIP.test(url.pathname) && !seen.has(routeOf(target))) next.push(target)
      }
    }
    frontier = next
  }
}

// One visit per route and language: a route one account has checked is not
// checked again for the next. One test per account (serial, sharing what was
// seen), so each has its own time budget however many pages there are.
for (const lang of ['nn', 'en'] as const) {
  test.describe.serial(`every page in ${lang}`, () => {
    const seen = new Set<string>()
    const bokmal = bokmalOnly(lang)
    START.forEach(([account, paths], i) => {
      test(`as ${account ?? 'visitor'} (${i + 1}): has the language and no axe violations`, async ({ page, as }) => {
        test.setTimeout(300_000)
        const p = account ? await as(account) : page
        checkAccessibilityManually(p)
        await chooseLanguage(p, lang)
        await crawl(p, paths, seen, async (path) => {
          const response = await p.goto(path)
          expect(response?.status(), path).toBe(200)
          await expect(p.locator('html'), path).toHaveAttribute('lang', lang)
          await expect(p.getByRole('link', { name: SKIP_LINK[lang] }), path).toBeAttached()
          // Interface text only: what users wrote or were sent (e-mails in the outbox) is left out.
          const text = await p.locator('body').evaluate((body: HTMLElement) => {
            const content = [...body.querySelectorAll<HTMLElement>('[data-user-content]')].filter((e) => !e.hidden)
            content.forEach((e) => (e.hidden = true))
            const visible = body.innerText
            content.forEach((e) => (e.hidden = false))
            return visible
          })
          expect(bokmal.filter((phrase) => text.includes(phrase)), `bokmål on ${path}`).toEqual([])
          // axe finds the same structure in both languages; it runs on the nynorsk pass only,
          // the English pass checks the language, the bokmål phrases, the skip link and the status.
          if (lang === 'nn') await expectAccessible(p)
        })
      })
    })
    test('reached every kind of page', () => {
      expect(seen.size).toBeGreaterThanOrEqual(30)
      // The bokmål check has phrases to look for (a dictionary change cannot empty it unnoticed).
      expect(bokmal.length).toBeGreaterThan(200)
    })
  })
}
