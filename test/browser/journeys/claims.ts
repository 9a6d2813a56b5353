import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** A demo worker who paid at the counter today (test-server's payForSome), far from the ones other journeys use. */
async function paidToday(env: JourneyEnv): Promise<{ id: string; kpj: string; paidOn: string }> {
  const { rows } = await env.server.db.sql.query<{ id: string; kpj: string; paidOn: string }>(
    `select p.participant_id as id, min(pp.kpj) as kpj, to_char(max(p.paid_on), 'YYYY-MM-DD') as "paidOn" from payments p
       join participants pp on pp.id = p.participant_id
      where p.client_id = 'journeys' group by p.participant_id order by max(p.paid_on) desc, p.participant_id desc limit 1`,
  )
  if (!rows[0]) throw new Error('the journey server has no worker who paid at the counter')
  return rows[0]
}

const rupiah = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''))

/** The report's total row: filed, paid and the amount paid. */
async function totals(page: Page): Promise<{ filed: number; paid: number; paidIdr: number }> {
  const cells = await page.getByTestId('claims-report').locator('tbody tr').first().locator('td').allTextContents()
  return { filed: Number(cells[1]), paid: Number(cells[2]), paidIdr: rupiah(cells[4] ?? '') }
}

/** `/klaim` (issue 11): kanwil files a JKM claim for a worker, verifies, approves and pays it; the year's report moves. */
export function claimJourneys(env: () => JourneyEnv): void {
  it('files a JKM claim at /klaim as kanwil, verifies, approves and pays it, and the report counts it', async () => {
    const worker = await paidToday(env())
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Klaim' }).click()
    await page.getByRole('heading', { name: 'Laporan klaim', exact: false }).waitFor()
    await page.getByTestId('claims-report').waitFor()
    const before = await totals(page)

    await page.getByLabel('KPJ atau ID peserta').fill(worker.kpj) // as on the member's card
    await page.getByLabel('Jenis klaim').selectOption('jkm')
    await page.getByLabel('Tanggal kejadian').fill(worker.paidOn)
    await page.getByLabel('Nama penerima').fill('Ni Ketut Ahli Waris')
    // the checklist speaks Bahasa Indonesia, not the documents' codes
    for (const doc of ['Kartu peserta', 'KTP peserta', 'Akta kematian']) await page.getByLabel(doc, { exact: true }).check()
    await page.getByRole('button', { name: 'Catat klaim' }).click()

    const title = page.locator('#claim-detail-title')
    await expect.poll(() => title.textContent()).toContain('Diajukan')
    const eligibility = (await page.getByTestId('claim-eligibility').textContent()) ?? ''
    expect(eligibility).toMatch(/^Layak/)
    const payNow = rupiah(/Dibayar sekarang (Rp[\d.]+)/.exec(eligibility)?.[1] ?? '')
    expect(payNow).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Verifikasi (dokumen lengkap)' }).click()
    await expect.poll(() => title.textContent()).toContain('Diverifikasi')
    await page.getByRole('button', { name: 'Setujui' }).click()
    await expect.poll(() => title.textContent()).toContain('Disetujui')
    await page.getByRole('button', { name: 'Bayar', exact: true }).click()
    await expect.poll(() => title.textContent()).toContain('Dibayar')
    const paidLine = page.getByText(/^Dibayar \d{2}\/\d{2}\/\d{4}: Rp/)
    const paidIdr = rupiah((await paidLine.textContent())?.split(':')[1] ?? '')
    expect(paidIdr).toBeGreaterThanOrEqual(payNow)

    await expect.poll(() => totals(page)).toEqual({ filed: before.filed + 1, paid: before.paid + 1, paidIdr: before.paidIdr + paidIdr })
    const list = (await page.getByTestId('claims-list').textContent()) ?? ''
    expect(list).toContain('Dibayar')
    expect(list).not.toMatch(/\b\d{2}\.\d{2}\b/) // regions by name, not by code
    // finance records the bank transfer to the claimant
    await page.getByLabel('Kode rekening bank BPJS').fill('BNI-DPS')
    await page.getByLabel('Nomor referensi transfer').fill('TRF-JOURNEY-1')
    await page.getByRole('button', { name: 'Catat pencairan' }).click()
    await page.getByText('Dicairkan: BNI-DPS TRF-JOURNEY-1').waitFor()
    await shot(page, 'claims-paid')
    await context.close()
  })
}
