import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** A branch's call list: the never-paid of its own regencies, on screen and as XLSX. */
export function worklistJourneys(env: () => JourneyEnv): void {
  it('shows a cabang its never-paid list for its own regencies only, and downloads it as XLSX', async () => {
    const { context, page } = await signedIn(env(), 'cabang')
    // two Badung workers registered today and not yet paid (the demo people are aktif since registration)
    const sources = (await (await page.request.get('/api/v1/sources?kind=office')).json()) as { items: Array<{ id: string }> }
    for (const [i, [nik, name, sex, birthDate]] of [['5103012305909911', 'I Made Belum Bayar', 'L', '1990-05-23'], ['5103016305909912', 'Ni Made Belum Bayar', 'P', '1990-05-23']].entries()) {
      const res = await page.request.post('/api/v1/participants', {
        headers: { 'Idempotency-Key': `journey-never-paid-${i}` },
        data: {
          nik, name, birthDate, sex, phone: '081234567800', regencyCode: '51.03', occupations: ['petani'], category: 'bpu', declaredIncomeIdr: 1_000_000,
          programmes: ['JKK', 'JKM'], sourceId: sources.items[0]?.id, consent: { given: true, purpose: 'kepesertaan BPJS Ketenagakerjaan' },
        },
      })
      expect(res.status()).toBe(201)
    }
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Daftar kerja' }).click()
    await page.getByRole('heading', { name: 'Daftar kerja', level: 1 }).waitFor()
    await page.getByRole('tab', { name: 'Belum pernah bayar' }).click()
    const table = page.getByTestId('worklist')
    await table.waitFor()
    const regencyOptions = await page.getByLabel('Kabupaten/kota').locator('option').allTextContents()
    expect(regencyOptions.some((o) => o.includes('Kota Kupang'))).toBe(false)
    expect(regencyOptions.some((o) => o.includes('Kabupaten Badung'))).toBe(true)
    const shown = await table.locator('tbody tr').count()
    expect(shown).toBeGreaterThan(0)
    expect(await table.textContent()).toContain('Terdaftar')
    expect(await table.textContent()).toContain('Ni Made Belum Bayar')
    await shot(page, 'worklist-never-paid', false)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()])
    expect(download.suggestedFilename()).toMatch(/^daftar-kerja-never-paid-semua-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await download.path()) as string)
    const rows = book.worksheets[0]!.rowCount - 1
    expect(rows).toBeGreaterThanOrEqual(shown)
    await context.close()
  })
}
