import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

const HEADER = 'nik,nama,tanggal_lahir,jenis_kelamin,no_hp,kode_wilayah,pekerjaan,kategori,penghasilan,program'
/** Two good Bali rows, then a short NIK, a birth date the NIK contradicts, and a landline. */
const CSV = [
  HEADER,
  '5103014505919902,Ni Wayan Impor,05/05/1991,P,081234560001,51.03,pedagang,bpu,1500000,JKK+JKM',
  '5103011206889903,I Made Impor,12/06/1988,L,081234560002,51.03,petani,bpu,1000000,JKK+JKM',
  '51030112068899,I Ketut Pendek,12/06/1988,L,081234560003,51.03,petani,bpu,1000000,JKK+JKM',
  '5103011307879904,I Nyoman Salah,14/07/1987,L,081234560004,51.03,petani,bpu,1000000,JKK+JKM',
  '5103011408869905,I Wayan Rumah,14/08/1986,L,0361234567,51.03,nelayan,bpu,1000000,JKK+JKM',
].join('\n')

/** Import a file with bad rows: progress, then the result with the bad rows and their messages, and the error file. */
export function importJourneys(env: () => JourneyEnv): void {
  it('imports a CSV with bad rows as the Badung pemda, shows each rejected row with its reason, and downloads the errors as XLSX', async () => {
    const { context, page } = await signedIn(env(), 'pemda')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Impor data' }).click()
    await page.getByLabel('Berkas peserta').setInputFiles({ name: 'peserta-badung.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    await page.getByRole('button', { name: 'Unggah dan impor' }).click()
    await page.getByRole('progressbar', { name: 'Kemajuan impor' }).waitFor()
    await expect.poll(() => page.getByTestId('import-progress').textContent(), { timeout: 30_000 }).toContain('Selesai')
    const result = (await page.getByTestId('import-result').textContent()) ?? ''
    expect(result).toContain('Baris dibaca5')
    expect(result).toContain('Peserta baru disimpan2')
    expect(result).toContain('Baris ditolak3')
    const errors = page.getByTestId('import-errors')
    const text = (await errors.textContent()) ?? ''
    expect(text).toContain('NIK harus 16 digit')
    expect(text).toContain('tidak cocok dengan tanggal lahir pada NIK')
    expect(text).toContain('Nomor HP harus nomor seluler Indonesia')
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/)
    await shot(page, 'import-result')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh baris yang ditolak (XLSX)' }).click()])
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await download.path()) as string)
    const sheet = book.worksheets[0]!
    expect(sheet.rowCount).toBe(4)
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/NIK|tanggal|HP/)

    await page.reload()
    await page.getByTestId('import-errors').waitFor()
    await context.close()
  })
}
