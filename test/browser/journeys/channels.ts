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
    await shot(page, 'channels-kanwil')
    await context.close()
  })
}
