import { expect, it } from 'vitest'
import { JOURNEY_PARTNER_NAME } from '../channel-seed.js'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** The channels page (issue 9 item 7): kanwil sees the partner and today's payment it collected. */
export function channelJourneys(env: () => JourneyEnv): void {
  it("opens Kanal pembayaran as kanwil and sees the partner and today's transaction", async () => {
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByRole('link', { name: 'Kanal pembayaran' }).first().click()
    await page.getByRole('heading', { name: 'Kanal pembayaran', level: 1 }).waitFor()
    const partners = page.getByTestId('channel-partners')
    await partners.getByRole('button', { name: JOURNEY_PARTNER_NAME }).waitFor()
    expect(await partners.textContent()).toContain('Rp2.500')
    const transactions = page.getByTestId('channel-transactions')
    await transactions.getByText(env().server.channelReceiptNo).waitFor()
    const text = await transactions.textContent()
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB/)
    expect(text).toMatch(/Rp\d{1,3}(\.\d{3})+/)
    expect(text).toContain('Pembayaran')

    // reconcile a settlement file that knows nothing of today's payment: one run kept in the day's history
    await page.getByTestId('reconciliation-history').or(page.getByText('Belum ada rekonsiliasi untuk hari tersebut.')).first().waitFor()
    const csv = 'trxDateTime,paymentRequestId,customerNo,amount\n2026-01-01T10:00:00+07:00,UNKNOWN-1,00000000001,16800.00\n'
    await page.getByLabel('Berkas settlement mitra (CSV)').setInputFiles({ name: 'settlement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: 'Cocokkan' }).click()
    await page.getByTestId('reconciliation').waitFor()
    const history = page.getByTestId('reconciliation-history')
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1)
    expect(await history.locator('tbody tr td').nth(1).textContent()).toBe('1')
    await shot(page, 'channels-kanwil')
    await context.close()
  })
}
