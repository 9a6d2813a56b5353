import type { Browser, BrowserContext, Page } from 'playwright-core'
import { screenshotPath } from './chromium.js'
import { JOURNEY_PASSWORD, JOURNEY_USERS, type RunningServer } from './test-server.js'

/** What every journey shares: one server and one browser for the whole suite (filled in by journeys.test.ts). */
export interface JourneyEnv {
  server: RunningServer
  browser: Browser
}

export type JourneyUser = keyof typeof JOURNEY_USERS | 'kanwil'

/** A fresh browser context (own cookies) signed in through the sign-in page as one of the journey users. */
export async function signedIn(env: JourneyEnv, who: JourneyUser, viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ baseURL: env.server.baseUrl, viewport, locale: 'id-ID', acceptDownloads: true })
  const page = await context.newPage()
  const { username, password } = who === 'kanwil' ? env.server.demo : { username: JOURNEY_USERS[who].username, password: JOURNEY_PASSWORD }
  await page.goto('/')
  await page.getByLabel('Nama pengguna').fill(username)
  await page.getByLabel('Kata sandi').fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
  await page.waitForURL((url) => url.pathname !== '/')
  return { context, page }
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage })
}
