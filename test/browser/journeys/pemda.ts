import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

const programme = (name: string, regionCode: string) => ({
  name, regionCode, year: 2026, budgetIdr: 50_000_000, incomeIdr: 1_000_000, groups: [{ code: 'nelayan', quota: 100 }, { code: 'petani', quota: 50 }],
  startMonth: '2026-01', endMonth: '2026-12', legalBasis: 'Perbup (uji)',
})

/** The pemda portal: its own programme with budget and scorecard; another region's programme page is refused. */
export function pemdaJourneys(env: () => JourneyEnv): void {
  it('signs in as the Badung pemda, sees its own programme, and is refused the Denpasar programme page', async () => {
    const office = await signedIn(env(), 'kanwil')
    const create = async (body: object, key: string) => {
      const res = await office.page.request.post('/api/v1/pemda/programmes', { data: body, headers: { 'Idempotency-Key': key } })
      expect(res.status()).toBe(201)
      return ((await res.json()) as { id: string }).id
    }
    const badung = await create(programme('Pekerja rentan Badung 2026', '51.03'), 'journey-pemda-badung')
    const denpasar = await create(programme('Pekerja rentan Denpasar 2026', '51.71'), 'journey-pemda-denpasar')
    await office.page.goto('/program-pemda')
    await office.page.getByTestId('programmes').getByRole('link', { name: 'Pekerja rentan Denpasar 2026' }).waitFor()
    await office.context.close()

    const { context, page } = await signedIn(env(), 'pemda')
    await page.getByRole('heading', { name: 'Portal pemda', level: 1 }).waitFor()
    const mine = page.getByTestId('programmes')
    await mine.getByRole('link', { name: 'Pekerja rentan Badung 2026' }).waitFor()
    expect(await mine.textContent()).not.toContain('Denpasar')
    await page.getByTestId('pemda-terlindungi').waitFor()
    await shot(page, 'pemda-portal')

    await mine.getByRole('link', { name: 'Pekerja rentan Badung 2026' }).click()
    await page.getByRole('heading', { name: 'Pekerja rentan Badung 2026', level: 1 }).waitFor()
    await page.getByTestId('budget-burn').waitFor()
    expect(await page.getByTestId('groups').textContent()).toContain('nelayan')
    await page.getByTestId('scorecard-score').waitFor()
    await shot(page, 'pemda-programme')
    expect(new URL(page.url()).pathname).toBe(`/program-pemda/${badung}`)

    await page.goto(`/program-pemda/${denpasar}`)
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor()
    expect(await page.textContent('body')).not.toContain('Pekerja rentan Denpasar 2026')
    await shot(page, 'pemda-refused')
    await context.close()
  })
}
