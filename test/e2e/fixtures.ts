import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { storageState, type Account } from './accounts.ts'
import { BASE_URL } from './playwright.config.ts'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Runs axe on the page as it is now; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return result.violations.map((v) => `${page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([])
}

/** Waits until Remix has hydrated, so clicks are handled by the app. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as any).__remixRouter?.state?.initialized === true)
}

type Fixtures = { as: (account: Account) => Promise<Page> }

/**
 * `page` runs axe after every full page load and once more at the end of the
 * test, and fails the test on any WCAG 2.1 A/AA violation or console error.
 */
export const test = base.extend<Fixtures>({
  page: async ({ page, javaScriptEnabled }, use) => {
    // axe runs inside the page; pages opened without JavaScript are checked by
    // the same pages' JavaScript-enabled tests.
    await use(watch(page, javaScriptEnabled !== false))
    await finish(page)
  },
  as: async ({ browser }, use) => {
    const pages: Page[] = []
    await use(async (account) => {
      const context = await browser.newContext({ storageState: storageState(account) })
      const page = watch(await context.newPage())
      pages.push(page)
      return page
    })
    for (const page of pages) {
      await finish(page)
      await page.context().close()
    }
  },
})

type Watched = { violations: string[]; errors: string[]; pending: Set<Promise<void>>; runAxe: boolean }
const state = new WeakMap<Page, Watched>()

function watch(page: Page, runAxe = true): Page {
  const s: Watched = { violations: [], errors: [], pending: new Set(), runAxe }
  state.set(page, s)
  page.on('console', (m) => {
    // A form answered with 4xx is logged by the browser as a failed resource; that is expected.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) s.errors.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => s.errors.push(`${page.url()}: ${e.message}`))
  page.on('load', () => {
    if (!s.runAxe) return
    const p = isHtml(page)
      .then(async (html) => (html && (await firstVisit(page)) ? axeViolations(page) : []))
      .then((v) => void s.violations.push(...v))
      // The test may navigate on while axe runs; the next load is checked instead.
      .catch(() => {})
    s.pending.add(p)
    void p.finally(() => s.pending.delete(p))
  })
  return page
}

/** For tests that call expectAccessible on every page themselves: no second, automatic run. */
export function checkAccessibilityManually(page: Page) {
  const s = state.get(page)
  if (s) s.runAxe = false
}

/**
 * The automatic check runs axe once per page state in a worker: the route (ids
 * folded), the language, and what a form answer changes (fields marked invalid,
 * alerts and status lines, an open dialog). The same page met again in a later
 * test with the same state is not analysed again; axe is the slowest part of
 * the suite. Explicit `expectAccessible` calls always run.
 */
const analysed = new Set<string>()
async function firstVisit(page: Page): Promise<boolean> {
  const key = await page
    .evaluate(() => {
      const path = location.pathname.replace(/\/c[a-z0-9]{20,}/g, '/:id').replace(/\/[0-9a-f-]{36}/g, '/:uuid')
      const count = (selector: string) => document.querySelectorAll(selector).length
      return [path, document.documentElement.lang, count('[aria-invalid="true"]'), count('[role="alert"],[role="status"]'), count('dialog[open]'), location.search.length > 0].join('|')
    })
    .catch(() => null)
  if (key === null || analysed.has(key)) return false
  analysed.add(key)
  return true
}

/** Our own HTML pages only (not plain-text answers, not other sites). */
async function isHtml(page: Page): Promise<boolean> {
  if (!page.url().startsWith(BASE_URL)) return false
  return (await page.evaluate(() => document.contentType).catch(() => '')) === 'text/html'
}

async function finish(page: Page) {
  const s = state.get(page)!
  await Promise.all(s.pending)
  if (s.runAxe && !page.isClosed() && (await isHtml(page)) && (await firstVisit(page))) s.violations.push(...(await axeViolations(page).catch(() => [])))
  expect([...new Set(s.violations)], 'axe violations').toEqual([])
  expect(s.errors, 'console errors').toEqual([])
}

export { expect }
