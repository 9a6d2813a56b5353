import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** A Denpasar woman born 07/08/1990 (day + 40), not among the demo people (their serials are generated). */
const NIK = '5171014708909901'

/** Register a worker with live checks and the quote, take a first payment, find her again, correct and end. */
export function participantJourneys(env: () => JourneyEnv): void {
  it('registers a worker as kanwil: live NIK and phone checks, the quote as one types (the server engine agrees), then her page', async () => {
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Peserta' }).click()
    await page.getByRole('link', { name: 'Daftarkan peserta' }).click()
    await page.getByRole('heading', { name: 'Daftarkan peserta', level: 1 }).waitFor()

    const nik = page.getByLabel('NIK')
    await nik.fill('9971014708909901')
    await page.getByText('bukan kode provinsi yang dikenal').waitFor()
    await nik.fill(NIK)
    await page.getByText('NIK sah: lahir 07/08/90, Perempuan.').waitFor()
    expect(await page.getByLabel('Kabupaten/kota').inputValue()).toBe('51.71')
    expect(await page.getByLabel('Perempuan').isChecked()).toBe(true)
    await page.getByLabel('Nama', { exact: true }).fill('Ni Luh Putu Sari')
    await page.getByLabel('Tanggal lahir').fill('08/08/1990')
    await page.getByText('tidak cocok dengan tanggal lahir pada NIK').waitFor()
    await page.getByLabel('Tanggal lahir').fill('07/08/1990')
    await page.getByLabel('Nomor HP').fill('0361 234567')
    await page.getByText('Nomor HP harus nomor seluler Indonesia').waitFor()
    await page.getByLabel('Nomor HP').fill('0812-3456-7890')
    await page.getByText('Nomor tersimpan sebagai +6281234567890.').waitFor()
    await page.getByLabel('Pekerjaan').selectOption('ojek')

    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7)
    const quote = page.getByTestId('register-quote')
    for (const income of [1_000_000, 2_500_000]) {
      await page.getByLabel('Penghasilan sebulan (Rp)').fill(income.toLocaleString('id-ID'))
      const server = await page.request.post('/api/v1/quotes', { data: { segment: 'bpu', month, income, programmes: ['jkk', 'jkm'], sector: 'transport', payer: 'self' } })
      const billed = ((await server.json()) as { billedIdr: number }).billedIdr
      await expect.poll(() => quote.textContent()).toBe(`Rp${billed.toLocaleString('id-ID')}`)
    }
    await shot(page, 'register-quote')

    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click()
    await page.getByText('Wajib diisi.').waitFor()
    await page.getByLabel('Peserta menyetujui').check()
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click()
    await page.getByRole('heading', { name: 'Ni Luh Putu Sari', level: 1 }).waitFor()
    expect(await page.getByTestId('identity').textContent()).toContain(NIK)
    expect(await page.getByTestId('account').textContent()).toContain('Terdaftar')

    await page.getByLabel('Jumlah bulan').selectOption('3')
    await page.getByRole('button', { name: 'Catat pembayaran' }).click()
    await page.getByText(/Pembayaran Rp[\d.]+ tercatat, bukti BB-/).waitFor()
    await expect.poll(() => page.getByTestId('account').textContent()).toContain('Aktif')
    const receipt = page.getByTestId('payments').getByRole('link', { name: /BB-\d{4}-\d+ \(PDF\)/ })
    const pdf = await page.request.get((await receipt.getAttribute('href')) ?? '')
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect(await page.getByTestId('months').textContent()).toMatch(/\d{2}\/\d{4}Aktif/)
    expect(await page.getByTestId('history').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WITATerdaftar/)
    await shot(page, 'participant-page')
    await context.close()
  })

  it('finds her by KPJ and by name, corrects her phone and ends the membership, each kept in the history', async () => {
    const { context, page } = await signedIn(env(), 'kanwil')
    await page.goto('/registri')
    await page.getByLabel('NIK, KPJ atau nama').fill('ni luh putu sa')
    await page.getByRole('button', { name: 'Cari' }).click()
    const results = page.getByTestId('search-results')
    await results.getByRole('link', { name: 'Ni Luh Putu Sari' }).click()
    await page.getByRole('heading', { name: 'Ni Luh Putu Sari', level: 1 }).waitFor()
    const kpj = (await page.locator('.lead .mono').textContent()) ?? ''
    expect(kpj).toMatch(/^\d{11}$/)

    await page.getByText('Koreksi data').click()
    await page.getByLabel('Nomor HP', { exact: true }).last().fill('081298765432')
    await page.getByLabel('Alasan koreksi').fill('nomor baru')
    await page.getByRole('button', { name: 'Simpan koreksi' }).click()
    await page.getByText('Koreksi tersimpan').waitFor()
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Data dikoreksinomor HP')

    await page.getByText('Akhiri kepesertaan', { exact: true }).first().click()
    await page.getByLabel('Alasan', { exact: true }).selectOption('own_request')
    await page.getByLabel('Saya sudah memeriksa').check()
    await page.getByRole('button', { name: 'Akhiri kepesertaan' }).click()
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('Kepesertaan berakhir')

    await page.goto('/registri')
    await page.getByLabel('NIK, KPJ atau nama').fill(kpj)
    await page.getByRole('button', { name: 'Cari' }).click()
    await expect.poll(() => results.textContent()).toContain('Berhenti')
    await shot(page, 'participant-search')
    await context.close()
  })

  it('shows a viewer the registry with personal data masked and no way to register', async () => {
    const { context, page } = await signedIn(env(), 'viewer')
    await page.goto('/registri')
    expect(await page.getByRole('link', { name: 'Daftarkan peserta' }).count()).toBe(0)
    await page.getByLabel('NIK, KPJ atau nama').fill(NIK)
    await page.getByRole('button', { name: 'Cari' }).click()
    await page.getByText('Data pribadi disamarkan sesuai peran Anda.').waitFor()
    const text = (await page.getByTestId('search-results').textContent()) ?? ''
    expect(text).not.toContain(NIK)
    expect(text).not.toContain('Ni Luh Putu Sari')
    await page.goto('/registri/baru')
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor()
    await context.close()
  })
}
