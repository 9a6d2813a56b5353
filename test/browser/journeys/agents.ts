import { expect, it } from 'vitest'
import { ensureDemoAgent } from '../../../src/flows/seed-demo-agent.js'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** Agent performance in the staff app (issue 10 item 5): kanwil sees the demo agent's registrations, collections and cash. */
export function agentJourneys(env: () => JourneyEnv): void {
  it('opens Kinerja agen as kanwil and sees the Denpasar agent with its portfolio and cash on hand', async () => {
    await ensureDemoAgent(env().server.db.sql, new Date())
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Kinerja agen' }).click()
    await page.getByRole('heading', { name: 'Kinerja Agen Perisai', level: 1 }).waitFor()
    const table = page.getByTestId('agents-table')
    await table.getByText('Ketut Arsana (demo)').waitFor()
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('Kota Denpasar')
    expect(text).toMatch(/Rp\d{1,3}(\.\d{3})+/)
    await page.getByLabel('Kabupaten/kota').selectOption('53.71')
    await page.getByText('Belum ada agen di wilayah ini.').waitFor()
    await shot(page, 'agents-performance')
    await context.close()
  })
}
