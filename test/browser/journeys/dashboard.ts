import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** The kanwil dashboard on the real coverage API: Banuspa, the map coloured by coverage, drill-down to a regency. */
export function dashboardJourneys(env: () => JourneyEnv): void {
  it('signs in as kanwil, sees Banuspa and the map with coloured regencies, and drills down to a regency', async () => {
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByRole('heading', { name: 'Dasbor', level: 1 }).waitFor()
    const map = page.getByTestId('regency-map')
    await map.waitFor()
    expect(await map.locator('path.regency').count()).toBe(83)
    // a reload measured with Chromium's navigation timing: how long until the map is drawn (not a pass/fail figure)
    await page.reload()
    await map.locator('path.regency').first().waitFor()
    const ms = await page.evaluate('Math.round(performance.now())')
    const nav = await page.evaluate("Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)")
    console.log(`[semesta] dashboard: DOMContentLoaded ${nav} ms, map drawn ${ms} ms after navigation start (embedded engine, journey data)`)
    await page.waitForLoadState('networkidle')
    await shot(page, 'dashboard-kanwil-map')
    await expect.poll(async () => new Set(await map.locator('path.regency').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-class')))).size).toBeGreaterThanOrEqual(3)
    const card = page.getByTestId('coverage-card').first()
    expect(await card.getByRole('heading').textContent()).toContain('Banuspa')
    expect(Number((await page.getByTestId('stat-terlindungi').textContent())?.replace(/\./g, ''))).toBeGreaterThan(0)
    expect(await page.getByTestId('province-table').locator('tbody tr').count()).toBe(9)
    // the demo's published UCJ targets: NTB has one (people), Bali none
    const targetOf = (name: string) => page.getByTestId('province-table').locator('tbody tr', { hasText: name }).first().locator('td').nth(5).textContent()
    expect(await targetOf('Nusa Tenggara Barat')).toMatch(/^\d{1,3}(\.\d{3})+$/)
    expect(await targetOf('Bali')).toBe('—')
    await page.getByTestId('trend-chart').waitFor()
    await expect.poll(() => page.getByTestId('by-segment').textContent()).toContain('BPU')
    await shot(page, 'dashboard-kanwil-map')

    await page.getByTestId('province-table').getByRole('button', { name: 'Bali' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('51')
    const regencies = page.getByTestId('regency-table')
    expect(await regencies.locator('tbody tr').count()).toBe(9)
    expect(await regencies.textContent()).toContain('*')
    await regencies.getByRole('button', { name: 'Kabupaten Badung' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('51.03')
    await expect.poll(() => card.getByRole('heading').textContent()).toContain('Kabupaten Badung')
    expect(await map.locator('path.regency.chosen').getAttribute('data-code')).toBe('51.03')
    await shot(page, 'dashboard-regency')

    await page.goBack()
    await expect.poll(() => card.getByRole('heading').textContent()).toContain('Bali')
    await map.locator('path[data-code="53.71"]').click()
    await expect.poll(() => card.getByRole('heading').textContent()).toContain('Kota Kupang')
    await context.close()
  })

  it('reads on a 360-px phone: the dashboard and a participant search without sideways scrolling', async () => {
    const { context, page } = await signedIn(env(), 'kanwil', { width: 360, height: 760 })
    await page.getByTestId('regency-map').waitFor()
    await page.waitForLoadState('networkidle')
    await shot(page, 'dashboard-phone')
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
    await page.goto('/daftar-kerja')
    await page.getByTestId('worklist').waitFor()
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
    await shot(page, 'worklist-phone', false)
    await context.close()
  })
}

/** The coverage report as files, and the staff app in English. */
export function reportJourneys(env: () => JourneyEnv): void {
  it('downloads the coverage report as XLSX and PDF from the reports page', async () => {
    const { context, page } = await signedIn(env(), 'cabang')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Laporan' }).click()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()])
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await xlsx.path()) as string)
    expect(book.worksheets.length).toBeGreaterThan(0)
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh PDF' }).click()])
    expect(fs.readFileSync((await pdf.path()) as string).subarray(0, 5).toString()).toBe('%PDF-')
    await shot(page, 'reports')
    await context.close()
  })

  it('switches the signed-in dashboard to English and back, keeping figures in the English number format', async () => {
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByTestId('regency-map').waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Coverage by regency' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByRole('navigation', { name: 'Menu' }).textContent()).toContain('Participants')
    await page.waitForLoadState('networkidle')
    await shot(page, 'dashboard-english')
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click()
    await page.getByRole('heading', { name: 'Cakupan per kabupaten/kota' }).waitFor()
    await context.close()
  })
}
