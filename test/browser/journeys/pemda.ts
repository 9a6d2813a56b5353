import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

const programme = (name: string, regionCode: string) => ({
  name, regionCode, year: 2026, budgetIdr: 50_000_000, incomeIdr: 1_000_000, groups: [{ code: 'nelayan', quota: 100 }, { code: 'petani', quota: 50 }],
  startMonth: '2026-01', endMonth: '2026-12', legalBasis: 'Perbup (uji)',
})

/** An OPD's list for the nelayan group: two good Badung rows and one short NIK. */
const COHORT_CSV = [
  'nik,nama,tanggal_lahir,jenis_kelamin,no_hp,kode_wilayah,pekerjaan,kategori,penghasilan,program',
  '5103016505909911,Ni Luh Kohort,25/05/1990,P,081234560011,51.03,nelayan,bpu,1000000,JKK+JKM',
  '5103011103859912,I Gede Kohort,11/03/1985,L,081234560012,51.03,nelayan,bpu,1000000,JKK+JKM',
  '51030111038599,I Komang Pendek,11/03/1985,L,081234560013,51.03,nelayan,bpu,1000000,JKK+JKM',
].join('\n')

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

    // the OPD's list, uploaded from the programme page: two admitted, the short NIK shown with its row and reason
    await page.getByLabel('Kelompok', { exact: true }).selectOption('nelayan')
    await page.getByLabel('Berkas peserta').setInputFiles({ name: 'opd-nelayan.csv', mimeType: 'text/csv', buffer: Buffer.from(COHORT_CSV) })
    await page.getByRole('button', { name: 'Unggah ke kelompok' }).click()
    const result = page.getByTestId('cohort-result')
    await result.waitFor({ timeout: 30_000 })
    const resultText = (await result.textContent()) ?? ''
    expect(resultText).toContain('Masuk program2')
    expect(resultText).toContain('Baris ditolak1')
    const issues = (await page.getByTestId('cohort-errors').textContent()) ?? ''
    expect(issues).toContain('NIK harus 16 digit')
    expect(issues).toContain('nik')
    await expect.poll(async () => (await page.getByTestId('groups').textContent()) ?? '').toMatch(/nelayan.*2/)
    await shot(page, 'pemda-cohort-upload')
    expect(new URL(page.url()).pathname).toBe(`/program-pemda/${badung}`)

    await page.goto(`/program-pemda/${denpasar}`)
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor()
    expect(await page.textContent('body')).not.toContain('Pekerja rentan Denpasar 2026')
    await shot(page, 'pemda-refused')
    await context.close()
  })
}
