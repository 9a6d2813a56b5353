import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, hasChromium } from '../db.js'
import { launchChromium, screenshotPath } from './chromium.js'
import type { JourneyEnv } from './journey-env.js'
import { channelJourneys } from './journeys/channels.js'
import { claimJourneys } from './journeys/claims.js'
import { dashboardJourneys, reportJourneys } from './journeys/dashboard.js'
import { importJourneys } from './journeys/imports.js'
import { participantJourneys } from './journeys/participants.js'
import { pemdaJourneys } from './journeys/pemda.js'
import { agentJourneys } from './journeys/agents.js'
import { selfServiceJourneys } from './journeys/self-service.js'
import { toolJourneys } from './journeys/tools.js'
import { worklistJourneys } from './journeys/worklists.js'
import { startTestServer, type RunningServer } from './test-server.js'
import { ensureWebBuild } from './web-build.js'

if (!hasChromium()) console.log(`[semesta] browser suite skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`)

describe.skipIf(!hasChromium())('the web app in Chromium, on a real server with the embedded engine', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const env = (): JourneyEnv => ({ server, browser })

  beforeAll(async () => {
    ensureWebBuild()
    server = await startTestServer()
    browser = await launchChromium()
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 860 }, locale: 'id-ID' })
    page = await context.newPage()
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const htmlLang = () => page.locator('html').getAttribute('lang')

  it('shows the sign-in page in Bahasa Indonesia at /', async () => {
    await page.goto('/')
    await page.getByRole('heading', { name: 'Masuk ke Semesta' }).waitFor()
    expect(await htmlLang()).toBe('id')
    expect(await page.getByLabel('Nama pengguna').isVisible()).toBe(true)
    expect(await page.getByLabel('Kata sandi').isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Masuk', exact: true }).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('sign-in') })
  })

  it('answers a wrong password in Bahasa Indonesia', async () => {
    await page.getByLabel('Nama pengguna').fill(server.demo.username)
    await page.getByLabel('Kata sandi').fill('not-the-password')
    await page.getByLabel('Kata sandi').press('Enter')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('Nama pengguna atau kata sandi salah.')
    await page.screenshot({ path: screenshotPath('sign-in-error') })
  })

  it('signs the demo kanwil user in to the dashboard, with a menu for that role, and out again', async () => {
    await page.getByLabel('Kata sandi').fill(server.demo.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/dasbor')
    const menu = page.getByRole('navigation', { name: 'Menu' })
    expect(await menu.getByRole('link', { name: 'Dasbor' }).isVisible()).toBe(true)
    expect(await menu.getByRole('link', { name: 'Kalkulator iuran' }).isVisible()).toBe(true)
    expect(await menu.getByRole('link', { name: 'Jejak audit' }).count()).toBe(0)
    await page.screenshot({ path: screenshotPath('dashboard-kanwil') })

    await page.reload()
    await page.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { name: 'Masuk ke Semesta' }).waitFor()
    await page.goto('/dasbor')
    await page.getByRole('heading', { name: 'Masuk ke Semesta' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('quotes a BPU Rp16.800 for March 2026 and Rp8.400 for April 2026 at /kalkulator, with the regions', async () => {
    await page.goto('/kalkulator')
    await page.getByRole('heading', { name: 'Kalkulator iuran BPJS Ketenagakerjaan' }).waitFor()
    const province = page.getByLabel('Provinsi')
    await province.locator('option[value="51"]').waitFor({ state: 'attached' })
    expect(await province.locator('option').count()).toBe(10)
    await province.selectOption('51')
    await page.getByLabel('Kabupaten/kota').selectOption({ label: 'Kota Denpasar' })
    expect(await page.getByText('Zona waktu: WITA (UTC+8)').isVisible()).toBe(true)

    await page.getByLabel('Bulan iuran').fill('2026-03')
    await page.getByLabel('Penghasilan sebulan (Rp)').fill('1.000.000')
    await page.getByLabel('Sektor pekerjaan').selectOption('other')
    const total = page.getByTestId('quote-total')
    await expect.poll(() => total.textContent()).toBe('Rp16.800')
    expect(await page.getByTestId('discount-note').count()).toBe(0)
    expect(await page.getByTestId('quote-result').textContent()).toContain('PP 44/2015')
    expect(await page.getByTestId('due-dates').textContent()).toMatch(/\b\d{2}\/\d{2}\/2026\b/)
    await page.screenshot({ path: screenshotPath('calculator-2026-03'), fullPage: true })

    await page.getByLabel('Bulan iuran').fill('2026-04')
    await expect.poll(() => total.textContent()).toBe('Rp8.400')
    expect(await page.getByTestId('discount-note').textContent()).toContain('PP 50/2025')
    await page.screenshot({ path: screenshotPath('calculator-2026-04'), fullPage: true })
  })

  it('switches to English, sets <html lang="en">, and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'BPJS Ketenagakerjaan contribution calculator' }).waitFor()
    expect(await htmlLang()).toBe('en')
    await page.reload()
    await page.getByRole('heading', { name: 'BPJS Ketenagakerjaan contribution calculator' }).waitFor()
    expect(await htmlLang()).toBe('en')
    await page.getByTestId('quote-total').waitFor()
    await page.screenshot({ path: screenshotPath('calculator-english'), fullPage: true })
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click()
    await page.getByRole('heading', { name: 'Kalkulator iuran BPJS Ketenagakerjaan' }).waitFor()
    expect(await htmlLang()).toBe('id')
  })

  it('fits a 360-px phone without sideways scrolling', async () => {
    const phone = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 360, height: 760 }, isMobile: true })
    for (const [route, heading] of [['/', 'Masuk ke Semesta'], ['/kalkulator', 'Kalkulator iuran BPJS Ketenagakerjaan']] as const) {
      await phone.goto(route)
      await phone.getByRole('heading', { name: heading }).waitFor()
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
    }
    await phone.getByTestId('quote-total').waitFor()
    await phone.screenshot({ path: screenshotPath('calculator-phone'), fullPage: true })
    await phone.close()
  })

  dashboardJourneys(env)
  participantJourneys(env)
  worklistJourneys(env)
  importJourneys(env)
  toolJourneys(env)
  reportJourneys(env)
  pemdaJourneys(env)
  channelJourneys(env)
  selfServiceJourneys(env)
  agentJourneys(env)
  claimJourneys(env)
})
