import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, hasChromium } from '../db.js'
import { addJourneyAgent } from './agen-user.js'
import { launchChromium, screenshotPath } from './chromium.js'
import { startTestServer, type RunningServer } from './test-server.js'
import { ensureWebBuild } from './web-build.js'

if (!hasChromium()) console.log(`[semesta] agent app suite skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`)

/** Two workers of Kota Denpasar (NIK prefix 51.71); the woman's NIK day is her birth day + 40. */
const WORKERS = [
  { nik: '5171011205900001', name: 'I Made Wirawan', birthDate: '12/05/1990', phone: '081234567801' },
  { nik: '5171014308950002', name: 'Ni Luh Ayu Lestari', birthDate: '03/08/1995', phone: '081234567802' },
]

async function registerWorker(page: Page, worker: { nik: string; name: string; birthDate: string; phone?: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Daftar' }).click()
  await page.getByRole('heading', { name: 'Daftarkan pekerja' }).waitFor()
  await page.getByLabel('NIK').fill(worker.nik)
  await page.getByLabel('Nama (sesuai KTP)').fill(worker.name)
  await page.getByLabel('Tanggal lahir').fill(worker.birthDate)
  if (worker.phone) await page.getByLabel('Nomor HP').fill(worker.phone)
  await page.getByLabel('Kabupaten/kota domisili').selectOption('51.71')
  await page.getByLabel('Pekerjaan').selectOption('pedagang')
  await page.getByLabel(/Pekerja menyetujui/).check()
  await page.getByRole('button', { name: 'Simpan pendaftaran' }).click()
  await page.getByTestId('register-saved').getByText(worker.name).waitFor()
}

describe.skipIf(!hasChromium())('the Agen Perisai app (/agen) on a phone, offline first', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let agent: { username: string; password: string; sourceId: string }
  /** a worker the registry already holds (a demo person), claimed again under another name: nik_identity_mismatch */
  let conflict: { nik: string; name: string; birthDate: string }

  beforeAll(async () => {
    ensureWebBuild()
    server = await startTestServer()
    agent = await addJourneyAgent(server.db.sql)
    const { rows } = await server.db.sql.query<{ nik: string; birth_date: string }>(`select nik, birth_date from participants where category = 'bpu' order by nik limit 1`)
    const known = rows[0] as { nik: string; birth_date: string }
    conflict = { nik: known.nik, name: 'Yohanes Bosco Lado Manu', birthDate: known.birth_date.split('-').reverse().join('/') }
    browser = await launchChromium()
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'id-ID', serviceWorkers: 'allow' })
    page = await context.newPage()
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('opens on the agent sign-in, installable (manifest, service worker), and signs the agent in', async () => {
    await page.goto('/agen')
    await page.getByRole('heading', { name: 'Masuk sebagai Agen Perisai' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    const manifest = await (await page.request.get('/agen.webmanifest')).json() as { start_url: string; display: string }
    expect([manifest.start_url, manifest.display]).toEqual(['/agen', 'standalone'])
    await page.screenshot({ path: screenshotPath('agen-sign-in') })
    await page.getByLabel('Nama pengguna').fill(agent.username)
    await page.getByLabel('Kata sandi').fill(agent.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.getByRole('navigation', { name: 'Menu' }).waitFor()
    // the worker controls the page once it has cached the shell: from here the app opens without signal
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000 })
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
  })

  it('registers two workers and records a collection offline; the outbox survives a reload without signal', async () => {
    // read once online so the regions are on the phone
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Daftar' }).click()
    await page.getByLabel('Kabupaten/kota domisili').locator('option[value="51.71"]').first().waitFor({ state: 'attached' })
    await context.setOffline(true)
    await registerWorker(page, WORKERS[0]!)
    await registerWorker(page, conflict)
    await registerWorker(page, WORKERS[1]!)
    expect(await page.getByTestId('register-quote').textContent()).toMatch(/^Rp\d/)

    await page.getByTestId('register-saved').getByRole('button', { name: 'Catat iuran pertamanya' }).click()
    await page.getByRole('heading', { name: 'Catat iuran tunai' }).waitFor()
    expect(await page.getByLabel('Peserta').inputValue()).not.toBe('')
    await page.getByLabel('Jumlah bulan').selectOption('3')
    await expect.poll(() => page.getByTestId('collect-total').textContent()).toMatch(/^Rp\d/)
    await page.getByRole('button', { name: 'Simpan dan buat kuitansi' }).click()
    await page.getByRole('heading', { name: 'Antrean sinkron' }).waitFor()
    expect(await page.getByTestId('receipt-no').first().textContent()).toBe('menunggu sinkron')
    expect(await page.getByTestId('outbox-pending').textContent()).toBe('Menunggu sinkron: 4')

    await page.reload()
    await page.getByRole('heading', { name: 'Antrean sinkron' }).waitFor()
    await expect.poll(() => page.getByTestId('outbox-pending').textContent()).toBe('Menunggu sinkron: 4')
    expect(await page.getByTestId('outbox-entry').count()).toBe(4)
    expect(await page.getByTestId('pending-count').textContent()).toBe('4')
    await page.screenshot({ path: screenshotPath('agen-outbox-offline'), fullPage: true })
    // nothing reached the server while offline
    const { rows } = await server.db.sql.query<{ n: number }>(`select count(*)::int as n from participants where nik = any($1)`, [WORKERS.map((w) => w.nik)])
    expect(Number(rows[0]?.n)).toBe(0)
  })

  const counts = async () => {
    const { rows } = await server.db.sql.query<{ people: number; payments: number }>(
      `select (select count(*) from participants where source_id = $1) as people,
              (select count(*) from payments p join participants x on x.id = p.participant_id where x.source_id = $1) as payments`,
      [agent.sourceId],
    )
    return { people: Number(rows[0]?.people), payments: Number(rows[0]?.payments) }
  }

  it('syncs by itself when the signal returns: two participants and one payment on the server, the conflicting NIK refused on its own item', async () => {
    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('outbox-pending').textContent(), { timeout: 30_000 }).toBe('Semua terkirim')
    expect(await counts()).toEqual({ people: 2, payments: 1 })
    const receipt = (await page.getByTestId('receipt-no').first().textContent()) ?? ''
    expect(receipt).not.toBe('menunggu sinkron')
    const { rows } = await server.db.sql.query<{ receipt_no: string; amount_idr: number }>(
      `select p.receipt_no, p.amount_idr from payments p join participants x on x.id = p.participant_id where x.source_id = $1`, [agent.sourceId])
    expect(rows.map((r) => [r.receipt_no, Number(r.amount_idr)])).toEqual([[receipt, 33_600]])

    const states = await page.getByTestId('outbox-entry').evaluateAll((items) => items.map((i) => i.getAttribute('data-state')))
    expect(states.sort()).toEqual(['done', 'done', 'done', 'rejected'])
    const refused = page.locator('[data-testid="outbox-entry"][data-state="rejected"]')
    expect(await refused.textContent()).toContain(conflict.name)
    expect(await refused.getByTestId('entry-error').textContent()).toMatch(/NIK/)
    expect(await page.getByTestId('entry-error').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('agen-outbox-synced'), fullPage: true })
  })

  it('sends nothing twice: replaying the outbox with the same client ids changes nothing on the server', async () => {
    const items = await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('semesta-agen')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const read = open.result.transaction('outbox').objectStore('outbox').getAll()
        read.onsuccess = () => resolve(read.result.map((entry) => entry.item))
      }
    })`) as Array<{ clientId: string; kind: string }>
    expect(items).toHaveLength(4)
    const before = await counts()
    const replay = await page.request.post('/api/v1/agen/sync', { data: { items } })
    expect(replay.status()).toBe(200)
    const results = ((await replay.json()) as { results: Array<{ state: string }> }).results
    expect(results.map((r) => r.state).sort()).toEqual(['done', 'done', 'done', 'rejected'])
    expect(await counts()).toEqual(before)
    // and the app itself has nothing left to send
    expect(await page.getByRole('button', { name: 'Sinkronkan sekarang' }).isDisabled()).toBe(true)
  })

  it('shows the portfolio with call and WhatsApp links, the benefit pitch from the rules on the phone, and the month at home', async () => {
    const menu = page.getByRole('navigation', { name: 'Menu' })
    await menu.getByRole('link', { name: 'Portofolio' }).click()
    const neverPaid = page.getByTestId('portfolio-neverPaid')
    await expect.poll(() => neverPaid.textContent()).toContain(WORKERS[0]!.name)
    expect(await neverPaid.locator('a[href="tel:+6281234567801"]').count()).toBe(1)
    expect(await neverPaid.locator('a[href="https://wa.me/6281234567801"]').count()).toBe(1)
    // what one more month costs, from the server's engine, so the agent can tell the worker
    expect(await neverPaid.textContent()).toMatch(/Iuran per bulan Rp\d{1,3}(\.\d{3})+\./)
    await page.screenshot({ path: screenshotPath('agen-portfolio'), fullPage: true })

    await menu.getByRole('link', { name: 'Manfaat' }).click()
    await expect.poll(() => page.getByTestId('pitch-jkm').textContent()).toBe('Rp42.000.000')
    expect(await page.getByTestId('pitch-scholarship').textContent()).toBe('Rp174.000.000')
    const monthly = (await page.getByTestId('pitch-monthly').textContent()) ?? ''
    expect(monthly).toMatch(/^Rp(8\.400|16\.800)$/)
    // a PP 50/2025 month shows the discounted price and says so
    expect(await page.getByTestId('pitch-discount').count()).toBe(monthly === 'Rp8.400' ? 1 : 0)
    await page.screenshot({ path: screenshotPath('agen-pitch'), fullPage: true })

    await menu.getByRole('link', { name: 'Beranda' }).click()
    await page.getByRole('heading', { name: 'Halo, Agen Uji' }).waitFor()
    await expect.poll(() => page.getByTestId('cash-on-hand').textContent()).toBe('Rp33.600')
    await page.screenshot({ path: screenshotPath('agen-home'), fullPage: true })
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Hello, Agen Uji' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click()
  })

  it('records a deposit of part of the cash online: the held amount drops and the collection is listed with its receipt', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Setoran' }).click()
    await page.getByRole('heading', { name: 'Setoran', exact: true }).waitFor()
    await expect.poll(() => page.getByTestId('cash-held').textContent()).toBe('Rp33.600')
    await page.getByLabel('Jumlah disetor (Rp)').fill('20.000')
    await page.getByLabel('Disetor ke').selectOption('cabang')
    await page.getByLabel('Nomor slip / bukti setor').fill('SLIP-UJI-01')
    await page.getByRole('button', { name: 'Catat setoran' }).click()
    await expect.poll(() => page.getByTestId('deposit-done').textContent()).toContain('Rp13.600')
    await expect.poll(() => page.getByTestId('cash-held').textContent()).toBe('Rp13.600')
    await page.screenshot({ path: screenshotPath('agen-deposit'), fullPage: true })
    await page.getByRole('button', { name: 'Lihat setoran & penerimaan' }).click()
    await page.getByRole('heading', { name: 'Setoran & penerimaan' }).waitFor()
    await expect.poll(() => page.getByTestId('collection-item').count()).toBe(1)
    expect(await page.getByTestId('collection-item').textContent()).toContain('Rp33.600')
  })
})
