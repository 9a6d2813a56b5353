import { expect, it } from 'vitest'
import { readSink, sinkFileIn } from '../../../src/areas/notifications/index.js'
import { shot, type JourneyEnv } from '../journey-env.js'

interface Payer {
  id: string
  kpj: string
  birthDate: string
  receiptNo: string
}

/** Two demo workers with a phone and a receipt: one signs in, the other is the person she must not reach. */
async function twoPayers(env: JourneyEnv): Promise<[Payer, Payer]> {
  const { rows } = await env.server.db.sql.query<Payer>(
    `select distinct on (p.id) p.id, p.kpj, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", pay.receipt_no as "receiptNo"
       from participants p join payments pay on pay.participant_id = p.id
      where p.phone is not null order by p.id, pay.received_at desc limit 2`,
  )
  if (rows.length < 2) throw new Error('the journey server has fewer than two paying workers with a phone')
  return [rows[0] as Payer, rows[1] as Payer]
}

/** The worker's own page at /peserta on a phone: KPJ + birth date + the code from the local sink, then her record only. */
export function selfServiceJourneys(env: () => JourneyEnv): void {
  it('signs a worker in at /peserta with the one-time code from the local sink; she sees her own record and cannot reach another person', async () => {
    const [me, other] = await twoPayers(env())
    const context = await env().browser.newContext({ baseURL: env().server.baseUrl, viewport: { width: 390, height: 844 }, locale: 'id-ID', isMobile: true })
    const page = await context.newPage()
    await page.goto('/peserta')
    await page.getByRole('heading', { name: 'Kepesertaan saya', level: 1 }).waitFor()
    await page.getByLabel('NIK atau nomor KPJ').fill(me.kpj)
    await page.getByLabel('Tanggal lahir').fill(me.birthDate)
    await page.getByRole('button', { name: 'Kirim kode' }).click()
    await page.getByLabel('Kode 6 digit').waitFor()
    const sink = sinkFileIn(env().server.dataDir)
    let code: string | undefined
    await expect.poll(() => (code = readSink(sink).filter((l) => l.subjectId === me.id && l.rule === 'one_time_code').at(-1)?.text.match(/\b(\d{6})\b/)?.[1])).toMatch(/^\d{6}$/)
    await page.getByLabel('Kode 6 digit').fill(code as string)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()

    const status = page.getByTestId('self-status')
    await status.waitFor()
    expect(await status.textContent()).toContain(me.kpj)
    expect(await page.getByTestId('self-owed').textContent()).toContain(`Sebutkan nomor pembayaran ini: ${me.kpj}`)
    const receipt = page.getByTestId('self-receipts').getByRole('link', { name: new RegExp(me.receiptNo) })
    expect(await receipt.count()).toBe(1)
    expect(await page.getByTestId('self-family').textContent()).toContain('Rp')
    await shot(page, 'self-service-record')

    expect((await page.request.get(`/api/v1/self/receipts/${me.receiptNo}.pdf`)).status()).toBe(200)
    expect((await page.request.get(`/api/v1/self/receipts/${other.receiptNo}.pdf`)).status()).toBe(404)
    for (const url of [`/api/v1/participants/${other.id}`, `/api/v1/participants/${other.id}/account`, `/api/v1/receipts/${other.receiptNo}.pdf`, `/api/v1/participants/${me.id}`]) {
      expect((await page.request.get(url)).status(), url).toBe(401)
    }
    const mine = (await (await page.request.get('/api/v1/self/me')).json()) as { kpj: string }
    expect(mine.kpj).toBe(me.kpj)

    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByLabel('NIK atau nomor KPJ').waitFor()
    expect((await page.request.get('/api/v1/self/me')).status()).toBe(401)
    await context.close()
  })
}
