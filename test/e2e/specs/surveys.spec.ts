import type { Browser, Page } from '@playwright/test'
import { PASSWORD } from '../accounts.ts'
import { expect, hydrated, test } from '../fixtures.ts'

/** Signs in a demo mentor in a fresh browser, optionally choosing English on the login page first. */
async function signIn(browser: Browser, email: string, english = false): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto('/login')
  if (english) {
    await hydrated(page)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  }
  await page.getByLabel(english ? 'E-mail address' : 'E-postadresse').fill(email)
  await page.getByLabel(english ? 'Password' : 'Passord').fill(PASSWORD)
  await page.getByRole('button', { name: english ? 'Sign in' : 'Logg inn' }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  return page
}

async function answerInNorwegian(page: Page, title: string, n: number) {
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('group', { name: /Alt i alt/ }).getByLabel(String(1 + (n % 4)), { exact: false }).first().check()
  await page.getByLabel(/Hva er det viktigste du tar med deg/).fill(`Å lytte før jeg gir råd (${n})`)
  await page.getByRole('group', { name: /Hva hjalp deg mest/ }).getByLabel('Reflekterende team').check()
  await page.getByRole('group', { name: /Hvilke metoder bruker du/ }).getByLabel('Den kognitive diamanten').check()
  await page.getByRole('group', { name: /lengden på samlingene/ }).getByLabel('Passe').check()
  await page.getByRole('group', { name: /Hvor godt fungerte samlingene/ }).getByLabel('4').check()
  await page.getByRole('button', { name: 'Send svaret' }).click()
  await expect(page.getByRole('status')).toHaveText('Takk! Svaret ditt er registrert.')
}

test('a coordinator opens a programme evaluation, six mentors answer, results appear after the fifth; others see none', { tag: '@smoke' }, async ({ as, browser }) => {
  test.setTimeout(240_000)
  const title = `Evaluering ${Date.now().toString(36)}`
  const year = new Date().getFullYear()

  const coordinator = await as('coordinator')
  await coordinator.goto('/surveys/new')
  await coordinator.getByLabel('Mal').selectOption({ label: 'Evaluering av kompetanseprogrammet' })
  await coordinator.getByLabel('Tittel på runden').fill(title)
  await coordinator.getByLabel('Program', { exact: true }).selectOption({ label: `Kompetanseprogram for mentorer ${year} (${year})` })
  await coordinator.getByRole('button', { name: 'Start runden' }).click()
  await expect(coordinator.getByRole('status')).toHaveText('Runden er startet, og 7 har fått e-post.')
  const roundUrl = new URL(coordinator.url()).pathname

  // A bad answer keeps what was typed and says what is missing.
  const first = await as('mentor')
  await first.goto('/dashboard')
  await first.getByRole('link', { name: title }).click()
  await first.getByLabel(/Hva er det viktigste du tar med deg/).fill('Å stille åpne spørsmål')
  await first.getByRole('button', { name: 'Send svaret' }).click()
  await expect(first.getByRole('alert')).toContainText('Velg ett av alternativene.')
  await expect(first.getByLabel(/Hva er det viktigste du tar med deg/)).toHaveValue('Å stille åpne spørsmål')
  await first.goto('/dashboard')
  await answerInNorwegian(first, title, 1)

  for (const n of [2, 3, 4]) await answerInNorwegian(await signIn(browser, `mentor${n}@trondheim.demo`), title, n)
  await coordinator.goto(roundUrl)
  await expect(coordinator.getByTestId('answered')).toHaveText('4 av 7 har svart')
  await expect(coordinator.getByTestId('results-hidden')).toHaveText('Resultatene vises når minst 5 har svart. Nå har 4 svart.')
  await expect(coordinator.getByTestId('question-result')).toHaveCount(0)
  await coordinator.getByRole('button', { name: 'Send påminnelse til dem som ikke har svart' }).click()
  await expect(coordinator.getByRole('status')).toHaveText('Påminnelse sendt til 3.')

  // The fifth answers in English.
  const fifth = await signIn(browser, 'mentor5@trondheim.demo', true)
  await fifth.getByRole('link', { name: title }).click()
  await fifth.getByRole('group', { name: /All in all/ }).getByLabel('5 – Very useful').check()
  await fifth.getByLabel(/most important thing you take with you/).fill('Reflecting teams')
  await fifth.getByRole('group', { name: /What helped you most/ }).getByLabel('Sharing experience with other mentors').check()
  await fifth.getByRole('group', { name: /Which methods/ }).getByLabel('The pedagogical sun').check()
  await fifth.getByRole('group', { name: /length of the gatherings/ }).getByLabel('About right').check()
  await fifth.getByRole('group', { name: /How well did the gatherings work/ }).getByLabel('5 – Very well').check()
  await fifth.getByRole('button', { name: 'Send the answer' }).click()
  await expect(fifth.getByRole('status')).toHaveText('Thank you! Your answer has been recorded.')
  await fifth.reload()
  await expect(fifth.getByRole('status')).toHaveText('You have already answered this survey.')

  await coordinator.goto(roundUrl)
  await expect(coordinator.getByTestId('answered')).toHaveText('5 av 7 har svart')
  const usefulness = coordinator.getByTestId('question-result').filter({ hasText: 'Alt i alt' })
  await expect(usefulness.getByRole('img', { name: /Stolpediagram: Alt i alt/ })).toBeVisible()
  await expect(usefulness.getByRole('row', { name: /^5/ })).toContainText('1')
  await expect(coordinator.getByText('Å lytte før jeg gir råd (3)')).toBeVisible()
  const csv = await coordinator.request.get(`${roundUrl}.csv`)
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain('Reflekterende team')

  // The sixth still counts.
  await answerInNorwegian(await signIn(browser, 'mentor6@trondheim.demo'), title, 6)
  await coordinator.reload()
  await expect(coordinator.getByTestId('answered')).toHaveText('6 av 7 har svart')

  // Another municipality sees none of it, not even by address.
  const other = await as('kristiansand_coordinator')
  for (const path of [roundUrl, `${roundUrl}/answer`, `${roundUrl}.csv`]) expect((await other.request.get(path)).status(), path).toBe(404)
  await other.goto('/surveys')
  await expect(other.getByText(title)).toHaveCount(0)
})
