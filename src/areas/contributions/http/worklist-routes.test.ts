import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { actor, ACTOR_HEADER, contributionsApp, makeSource, registerBpu } from './routes.test-support.js'

const MAY_20 = new Date('2025-05-20T02:00:00Z')
const MAY_10 = new Date('2025-05-10T02:00:00Z')

/**
 * A small Kupang portfolio paid on 10 January 2025 (payments entered late, statuses evaluated at the entry date):
 * A five months (aktif through May), B one month (nonaktif after May's due date), C three months (menunggak: April
 * and May), D one month entered on 10 May (menunggak, lapsing on the day after May's due date), E never paid, and
 * F in Denpasar never paid.
 */
describeDb('worklists API', (ctx) => {
  const names = ['Agus Aktif', 'Benu Lapsed', 'Carlos Tunggak', 'Dominggus Lapsing', 'Elias Baru', 'Frans Denpasar']
  let people: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', { id: string; kpj: string }>
  let agentSource: string
  const actors = {
    kanwil: actor('kanwil'),
    kupang: actor('cabang', { regionCodes: ['53.71'] }),
    viewer: actor('viewer', { regionCodes: ['53.71'] }),
    agent: actor('agent'),
  }
  const get = async (who: string, url: string) => {
    const app = await contributionsApp(ctx.sql, actors, MAY_20)
    const res = await app.inject({ method: 'GET', url, headers: { [ACTOR_HEADER]: who } })
    await app.close()
    return res
  }
  const kpjs = (body: { items: { kpj: string }[] }) => body.items.map((i) => i.kpj)

  it('is built from registrations and payments through the flows', async () => {
    const office = await makeSource(ctx.sql)
    agentSource = await makeSource(ctx.sql, 'agent', 'Agen Perisai Oebobo')
    actors.agent.sourceIds.push(agentSource)
    const reg = (i: number, source: string, regency = '53.71') => registerBpu(ctx.sql, source, { regency, name: names[i] as string })
    people = { A: await reg(0, office), B: await reg(1, office), C: await reg(2, office), D: await reg(3, office), E: await reg(4, agentSource), F: await reg(5, office, '51.71') }
    const pay = async (now: Date, id: string, months: number, key: string) => {
      const app = await contributionsApp(ctx.sql, actors, now)
      const res = await app.inject({ method: 'POST', url: '/api/v1/payments', headers: { [ACTOR_HEADER]: 'kanwil', 'idempotency-key': key }, payload: { participantId: id, months, paidOn: '2025-01-10' } })
      expect(res.statusCode).toBe(201)
      await app.close()
    }
    await pay(MAY_20, people.A.id, 5, 'a')
    await pay(MAY_20, people.B.id, 1, 'b')
    await pay(MAY_20, people.C.id, 3, 'c')
    await pay(MAY_10, people.D.id, 1, 'd')
  })

  it('lists who is due in the next N days', async () => {
    expect(kpjs((await get('kanwil', '/api/v1/worklists/due-soon?regency=53.71&days=30&asOf=2025-05-20')).json())).toEqual([people.A.kpj])
    expect(kpjs((await get('kanwil', '/api/v1/worklists/due-soon?regency=5371&days=7&asOf=2025-05-20')).json())).toEqual([])
    const [row] = (await get('kanwil', '/api/v1/worklists/due-soon?days=30&asOf=2025-05-20')).json().items
    expect(row).toMatchObject({ status: 'aktif', paidThrough: '2025-05', monthsInArrears: 0, nextStatus: 'menunggak', personalDataMasked: false, name: 'Agus Aktif' })
    expect(row.nextDeadline >= '2025-06-15' && row.nextDeadline <= '2025-06-19').toBe(true)
    expect(row.amountToPayNowIdr).toBe(26_800)
  })

  it('lists who is in arrears, with the months and the amount to pay now', async () => {
    const body = (await get('kupang', '/api/v1/worklists/arrears?asOf=2025-05-20')).json()
    expect(kpjs(body)).toEqual([people.C.kpj])
    expect(body.items[0]).toMatchObject({ status: 'menunggak', paidThrough: '2025-03', monthsInArrears: 2, arrearsIdr: 53_600, amountToPayNowIdr: 53_600 })
    expect(body.items[0].nextDeadline.startsWith('2025-07')).toBe(true)
  })

  it('lists who lapses this month if nothing is paid', async () => {
    const body = (await get('kanwil', '/api/v1/worklists/lapsing?regency=53.71&asOf=2025-05-10')).json()
    expect(kpjs(body)).toEqual([people.D.kpj])
    expect(body.items[0]).toMatchObject({ status: 'menunggak', monthsInArrears: 3, nextStatus: 'nonaktif' })
    expect(body.items[0].nextDeadline.startsWith('2025-05')).toBe(true)
  })

  it('lists the lapsed and the never paid, per regency and within the caller\'s area or portfolio', async () => {
    expect(kpjs((await get('kanwil', '/api/v1/worklists/lapsed?asOf=2025-05-20')).json())).toEqual([people.B.kpj])
    expect(kpjs((await get('kanwil', '/api/v1/worklists/never-paid?asOf=2025-05-20')).json()).sort()).toEqual([people.E.kpj, people.F.kpj].sort())
    expect(kpjs((await get('kupang', '/api/v1/worklists/never-paid?asOf=2025-05-20')).json())).toEqual([people.E.kpj])
    expect(kpjs((await get('kupang', '/api/v1/worklists/never-paid?regency=51.71&asOf=2025-05-20')).json())).toEqual([])
    expect(kpjs((await get('agent', '/api/v1/worklists/never-paid?asOf=2025-05-20')).json())).toEqual([people.E.kpj])
    expect(kpjs((await get('agent', '/api/v1/worklists/arrears?asOf=2025-05-20')).json())).toEqual([])
    const never = (await get('kupang', '/api/v1/worklists/never-paid?asOf=2025-05-20')).json().items[0]
    expect(never).toMatchObject({ amountToPayNowIdr: 26_800, nextDeadline: null, phone: '+6281234567890' })
  })

  it('masks names and phones for a viewer and pages with a cursor', async () => {
    const masked = (await get('viewer', '/api/v1/worklists/never-paid?asOf=2025-05-20')).json().items[0]
    expect(masked).toMatchObject({ name: 'E**** B***', personalDataMasked: true })
    expect(masked.phone).not.toBe('+6281234567890')
    const first = (await get('kanwil', '/api/v1/worklists/never-paid?asOf=2025-05-20&limit=1')).json()
    expect(first.items).toHaveLength(1)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = (await get('kanwil', `/api/v1/worklists/never-paid?asOf=2025-05-20&limit=1&cursor=${first.nextCursor}`)).json()
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    expect(second.items[0].kpj).not.toBe(first.items[0].kpj)
    expect((await get('kanwil', '/api/v1/worklists/never-paid?cursor=nonsense')).statusCode).toBe(400)
    expect((await get('kanwil', '/api/v1/worklists/everyone')).statusCode).toBe(400)
  })

  it('exports a whole list as XLSX within the caller\'s area, masked for a viewer, and audits the export', async () => {
    const sheetOf = async (who: string, url: string) => {
      const res = await get(who, url)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('spreadsheetml')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).map((v) => String(v ?? '')))
    }
    const kanwil = await sheetOf('kanwil', '/api/v1/worklists/never-paid/export.xlsx?asOf=2025-05-20')
    expect(kanwil[0]?.slice(0, 4)).toEqual(['kpj', 'nama', 'no_hp', 'kode_wilayah'])
    expect(kanwil.slice(1).map((r) => r[0]).sort()).toEqual([people.E.kpj, people.F.kpj].sort())
    const kupang = await sheetOf('kupang', '/api/v1/worklists/arrears/export.xlsx?asOf=2025-05-20')
    expect(kupang.slice(1)).toEqual([[people.C.kpj, 'Carlos Tunggak', '+6281234567890', '53.71', 'menunggak', expect.stringMatching(/^\d{2}\/\d{2}\/2025$/), '2025-03', '2', '53600', '53600', expect.stringMatching(/^\d{2}\/07\/2025$/), 'nonaktif']])
    const viewer = await sheetOf('viewer', '/api/v1/worklists/never-paid/export.xlsx?asOf=2025-05-20')
    expect(viewer[1]?.[1]).toBe('E**** B***')
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*) as n from audit_events where action = 'worklist.export'`)
    expect(rows[0]?.n).toBe(3)
  })
}, { referenceData: true })
