import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { at, ids, pay, registerBpu } from '../../../flows/contributions.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'
import coverageRoutes from './routes.js'
import { coverageResponse } from './schemas.js'

describeDb('coverage routes', (ctx) => {
  let app: App
  const actors = {
    kanwil: actor('kanwil'),
    cabang: actor('cabang', { regionCodes: ['51.71'] }),
    viewer: actor('viewer'),
    channel: actor('channel', { sourceIds: [] }),
  }
  const get = (who: keyof typeof actors, url: string) => app.inject({ method: 'GET', url, headers: { [ACTOR_HEADER]: who } })

  beforeAll(async () => {
    app = await buildApp({
      ctx: testContext({ sql: ctx.sql, now: () => at('2026-03-31') }),
      routes: [coverageRoutes],
      authenticate: async (request) => actors[String(request.headers[ACTOR_HEADER] ?? '') as keyof typeof actors] ?? null,
    })
    const a = await registerBpu(ctx.sql, '2026-03-02')
    await pay(ctx.sql, a.id, '2026-03-03', { months: 2 })
    await registerBpu(ctx.sql, '2026-03-04', { kode_wilayah: '51.03' })
  })
  afterAll(() => app.close())

  it('GET /api/v1/coverage answers the dashboard contract, counts as numbers, per province and regency', async () => {
    const res = await get('kanwil', '/api/v1/coverage?level=regency&month=2026-03')
    expect(res.statusCode).toBe(200)
    const body = coverageResponse.parse(res.json())
    expect(body).toMatchObject({ month: '2026-03', closed: false })
    expect(body.rows).toHaveLength(83)
    const dps = body.rows.find((r) => r.code === '51.71')!
    expect(Object.keys(dps).sort()).toEqual(['aktif', 'code', 'coveragePct', 'gap', 'lapsed', 'level', 'menunggak', 'name', 'neededPerMonth', 'new', 'nonaktif', 'parentCode', 'projectedMonth', 'reactivated', 'registered', 'target', 'terdaftar', 'terlindungi', 'workforce'])
    expect(dps).toMatchObject({ name: 'Kota Denpasar', level: 'regency', parentCode: '51', registered: 1, aktif: 1, terlindungi: 1, new: 1, workforce: { status: 'derived', metric: 'working_population' } })
    const provinces = (await get('kanwil', '/api/v1/coverage?month=2026-03')).json() as { rows: Array<{ code: string; registered: number }> }
    expect(provinces.rows.map((r) => r.code)).toEqual(['51', '52', '53', '91', '92', '93', '94', '95', '96'])
    expect(provinces.rows[0]!.registered).toBe(2)
  })

  it('a cabang sees only its regencies; a channel may not read coverage; bad input is refused', async () => {
    const rows = (await get('cabang', '/api/v1/coverage?level=regency&month=2026-03')).json().rows as Array<{ code: string }>
    expect(rows.map((r) => r.code)).toEqual(['51.71'])
    expect((await get('channel', '/api/v1/coverage')).statusCode).toBe(403)
    expect((await get('kanwil', '/api/v1/coverage?month=2026-13')).statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: '/api/v1/coverage' })).statusCode).toBe(401)
  })

  it('targets: kanwil sets one, a viewer may not, and the report shows the gap', async () => {
    const put = (who: keyof typeof actors, body: object) => app.inject({ method: 'PUT', url: '/api/v1/coverage/targets/5171/2026', headers: { [ACTOR_HEADER]: who }, payload: body })
    expect((await put('viewer', { value: '5', source: 'uji' })).statusCode).toBe(403)
    expect((await put('kanwil', { value: 'banyak', source: 'uji' })).statusCode).toBe(400)
    const ok = await put('kanwil', { value: '5', source: 'uji' })
    expect(ok.json()).toEqual({ regionCode: '51.71', year: 2026, kind: 'count', value: 5, source: 'uji' })
    expect((await get('viewer', '/api/v1/coverage/targets?year=2026')).json().targets).toHaveLength(1)
    const dps = (await get('kanwil', '/api/v1/coverage?level=regency&month=2026-03')).json().rows.find((r: { code: string }) => r.code === '51.71')
    expect(dps).toMatchObject({ target: 5, gap: 4, neededPerMonth: 1, projectedMonth: null })
    const audit = await ctx.sql.query(`select action, subject_id from audit_events where action = 'coverage.target_set'`)
    expect(audit.rows).toEqual([{ action: 'coverage.target_set', subject_id: '51.71/2026' }])
  })

  it('uncovered and the exports', async () => {
    const un = (await get('kanwil', '/api/v1/coverage/uncovered?month=2026-03')).json().rows as Array<{ code: string; neverPaid: number; terlindungiBpu: number }>
    expect(un.find((r) => r.code === '51.03')).toMatchObject({ neverPaid: 1, terlindungiBpu: 0 })
    const xlsx = await get('kanwil', '/api/v1/coverage/export.xlsx?month=2026-03')
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    // nine coverage sheets and the claims report (issue 11)
    expect(book.worksheets.map((w) => w.name).at(-1)).toBe('Klaim')
    expect(book.worksheets).toHaveLength(10)
    const csv = await get('kanwil', '/api/v1/coverage/export.csv?month=2026-03&level=regency')
    expect(csv.body.split('\r\n')[0]).toMatch(/^code,name,level,parentCode,group,registered/)
    const pdf = await get('cabang', '/api/v1/coverage/export.pdf?month=2026-03')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })
}, { referenceData: true })
