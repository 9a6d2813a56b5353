import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import type { CoverageReport, CoverageRow } from '../areas/coverage/index.js'
import { closeCoverageMonth, rebuildCoverage, setCoverageTarget } from './coverage-admin.js'
import { coverageExport } from './coverage-export.js'
import { coverageReport } from './coverage-report.js'
import { coverageUncovered } from './coverage-uncovered.js'
import { at, bill, ids, pay, registerBpu } from './contributions.test-support.js'
import { refreshStatuses } from './refresh-statuses.js'
import ExcelJS from 'exceljs'
import { inflateSync } from 'node:zlib'
import { pdfText } from '../areas/contributions/documents/receipt-fixture.test-support.js'

/**
 * The hand-built dataset of issue 7: six BPU people in Denpasar (51.71) and Badung (51.03) over December 2025 to
 * April 2026, through the real flows (registration, billing, payments, the daily job), months closed as they end.
 */
describeDb('coverage: a hand-built dataset gives exact counts, pacing and frozen closed months', (ctx) => {
  const DPS = '51.71'
  const BDG = '51.03'
  const counts = (row: CoverageRow | undefined) => row && {
    registered: row.registered, terdaftar: row.terdaftar, aktif: row.aktif, menunggak: row.menunggak, nonaktif: row.nonaktif,
    terlindungi: row.terlindungi, new: row.new, lapsed: row.lapsed, reactivated: row.reactivated,
  }
  const report = (month: string, now: string, level: 'province' | 'regency' = 'regency') => coverageReport(ctx.sql, { month, level, actor: null }, at(now), ids)
  const row = (r: CoverageReport, code: string) => r.rows.find((x) => x.code === code)
  const refresh = (date: string) => refreshStatuses(ctx.sql, { asOf: date }, at(date), ids)
  const close = (month: string, on: string) => closeCoverageMonth(ctx.sql, { actor: null, requestId: null, month }, at(on), ids)
  let marchBefore: CoverageReport

  it('builds four months through the flows and closes them', async () => {
    await bill(ctx.sql, '2025-12', '2025-12-01')
    const e = await registerBpu(ctx.sql, '2025-12-10', { kode_wilayah: BDG })
    await pay(ctx.sql, e.id, '2025-12-10', { months: 1 })
    await bill(ctx.sql, '2026-01', '2026-01-01')
    const a = await registerBpu(ctx.sql, '2026-01-05')
    const b = await registerBpu(ctx.sql, '2026-01-05')
    await pay(ctx.sql, a.id, '2026-01-10', { months: 12 })
    await pay(ctx.sql, b.id, '2026-01-10', { months: 1 })
    const d = await registerBpu(ctx.sql, '2026-01-20')
    await refresh('2026-01-31')
    expect(await close('2026-01', '2026-02-01')).toMatchObject({ closed: true })
    await bill(ctx.sql, '2026-02', '2026-02-01')
    const c = await registerBpu(ctx.sql, '2026-02-03')
    await refresh('2026-02-28')
    expect(await close('2026-02', '2026-03-01')).toMatchObject({ closed: true })
    await bill(ctx.sql, '2026-03', '2026-03-01')
    await pay(ctx.sql, d.id, '2026-03-05', { months: 2 })
    const f = await registerBpu(ctx.sql, '2026-03-10', { kode_wilayah: BDG })
    await pay(ctx.sql, f.id, '2026-03-10', { months: 6 })
    await refresh('2026-03-31')
    expect(await close('2026-03', '2026-04-01')).toMatchObject({ closed: true })
    marchBefore = await report('2026-03', '2026-04-01')
    await bill(ctx.sql, '2026-04', '2026-04-01')
    await refresh('2026-04-20') // E lapses (nonaktif) before paying again
    await pay(ctx.sql, e.id, '2026-04-25', { months: 1 })
    // a receipt dated in the closed March, entered late in April
    await pay(ctx.sql, c.id, '2026-03-20', { months: 1 }, )
    await refresh('2026-04-30')
    expect(await close('2026-03', '2026-05-01')).toMatchObject({ closed: false })
  })

  it('gives exact month-end counts and flows per regency', async () => {
    const jan = await report('2026-01', '2026-04-30')
    expect(jan.closed).toBe(true)
    expect(counts(row(jan, DPS))).toEqual({ registered: 3, terdaftar: 1, aktif: 2, menunggak: 0, nonaktif: 0, terlindungi: 2, new: 3, lapsed: 0, reactivated: 0 })
    expect(counts(row(jan, BDG))).toEqual({ registered: 1, terdaftar: 0, aktif: 0, menunggak: 1, nonaktif: 0, terlindungi: 1, new: 0, lapsed: 0, reactivated: 0 })
    const feb = await report('2026-02', '2026-04-30')
    expect(counts(row(feb, DPS))).toEqual({ registered: 4, terdaftar: 2, aktif: 1, menunggak: 1, nonaktif: 0, terlindungi: 2, new: 1, lapsed: 0, reactivated: 0 })
    const mar = await report('2026-03', '2026-04-30')
    expect(counts(row(mar, DPS))).toEqual({ registered: 4, terdaftar: 1, aktif: 2, menunggak: 1, nonaktif: 0, terlindungi: 3, new: 0, lapsed: 0, reactivated: 0 })
    expect(counts(row(mar, BDG))).toEqual({ registered: 2, terdaftar: 0, aktif: 1, menunggak: 1, nonaktif: 0, terlindungi: 2, new: 1, lapsed: 0, reactivated: 0 })
    const apr = await report('2026-04', '2026-04-30')
    expect(apr.closed).toBe(false)
    expect(counts(row(apr, DPS))).toEqual({ registered: 4, terdaftar: 0, aktif: 2, menunggak: 2, nonaktif: 0, terlindungi: 4, new: 0, lapsed: 0, reactivated: 0 })
    expect(counts(row(apr, BDG))).toEqual({ registered: 2, terdaftar: 0, aktif: 2, menunggak: 0, nonaktif: 0, terlindungi: 2, new: 0, lapsed: 1, reactivated: 1 })
    // the province row sums its regencies; the other 7 Bali regencies are there with zeros
    const bali = row(await report('2026-04', '2026-04-30', 'province'), '51')
    expect(counts(bali)).toEqual({ registered: 6, terdaftar: 0, aktif: 4, menunggak: 2, nonaktif: 0, terlindungi: 6, new: 0, lapsed: 1, reactivated: 1 })
    expect(apr.rows.filter((r) => r.parentCode === '51')).toHaveLength(9)
    expect(apr.rows).toHaveLength(83)
  })

  it('a closed month never changes: the late March receipt is booked in April', async () => {
    expect(await report('2026-03', '2026-04-30')).toEqual(marchBefore)
  })

  it('denominators carry source, period and status; a regency figure is derived from its province by population', async () => {
    const { rows } = await ctx.sql.query<{ code: string; value: number }>(`select region_code as code, value from workforce_figures where metric = 'population' and region_code like '51.%'`)
    const dps = rows.find((r) => r.code === DPS)!.value
    const total = rows.reduce((s, r) => s + r.value, 0)
    const apr = await report('2026-04', '2026-04-30')
    expect(row(apr, DPS)!.workforce).toMatchObject({ value: Math.round((2_670_000 * dps) / total), metric: 'working_population', period: '2024-08', status: 'derived' })
    const province = await report('2026-04', '2026-04-30', 'province')
    expect(row(province, '51')!.workforce).toMatchObject({ value: 2_670_000, period: '2024-08', status: 'reported' })
    expect(row(province, '51')!.coveragePct).toBe(0) // 6 of 2.67 million
    expect(row(province, '91')!.workforce.status).toBe('derived') // Papua: the pre-split aggregate × population share
  })

  it('targets and pacing: gap, needed per month, 3-month pace and the projected month', async () => {
    await setCoverageTarget(ctx.sql, { actor: null, requestId: null, regionCode: DPS, year: 2026, value: '10', source: 'uji' }, at('2026-04-30'))
    const apr = await report('2026-04', '2026-04-30')
    // terlindungi 4; 8 months left → ceil(6/8) = 1; pace (Mar 3 − Dec 0) / 3 = 1 per month → October
    expect(row(apr, DPS)).toMatchObject({ terlindungi: 4, target: 10, gap: 6, neededPerMonth: 1, projectedMonth: '2026-10' })
    await setCoverageTarget(ctx.sql, { actor: null, requestId: null, regionCode: DPS, year: 2026, value: '40', source: 'uji' }, at('2026-04-30'))
    expect(row(await report('2026-04', '2026-04-30'), DPS)).toMatchObject({ gap: 36, neededPerMonth: 5, projectedMonth: null })
    const province = await report('2026-04', '2026-04-30', 'province')
    expect(row(province, '51')).toMatchObject({ target: null, gap: null })
  })

  it('rebuild recounts the registry and equals the incremental rollups', async () => {
    expect(await rebuildCoverage(ctx.sql, { actor: null, requestId: null, repair: false }, at('2026-04-30'), ids)).toMatchObject({ equal: true, differences: [] })
  })

  it('by=segment, uncovered, and the XLSX read back with its formulas', async () => {
    const bySegment = await coverageReport(ctx.sql, { month: '2026-04', level: 'regency', by: 'segment', actor: null }, at('2026-04-30'), ids)
    expect(bySegment.rows.filter((r) => r.code === DPS).map((r) => [r.group, r.terlindungi, r.workforce.metric])).toEqual([['bpu', 4, 'informal_workers']])
    const uncovered = await coverageUncovered(ctx.sql, { month: '2026-04', actor: null }, at('2026-04-30'), ids)
    const dps = uncovered.rows.find((r) => r.code === DPS)!
    expect(dps).toMatchObject({ terlindungiBpu: 4, lapsed: 0, neverPaid: 0 })
    expect(dps.uncoveredInformal).toBe(dps.informalWorkers.value! - 4)
    const xlsx = await coverageExport(ctx.sql, { format: 'xlsx', month: '2026-04', actor: null }, at('2026-04-30'), ids)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toHaveLength(10)
    const claims = book.worksheets.at(-1)!
    expect(claims.name).toBe('Klaim')
    expect((claims.getRow(3).values as unknown[]).slice(1, 11)).toEqual(['Total', 'all', 0, 0, 0, 0, 0, 0, 0, 0])
    const bali = book.worksheets[0]!
    const dpsRow = bali.getColumn(1).values.findIndex((v) => v === DPS)
    expect(bali.getCell(`H${dpsRow}`).value).toEqual({ formula: `E${dpsRow}+F${dpsRow}`, result: 4 })
    const totalRow = bali.actualRowCount
    expect(bali.getCell(`B${totalRow}`).value).toBe('Bali')
    expect(bali.getCell(`E${totalRow}`).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(E\d+:E\d+\)$/), result: 4 })
    expect(bali.getCell(`M${dpsRow}`).value).toBe('turunan')
    const pdf = await coverageExport(ctx.sql, { format: 'pdf', month: '2026-04', actor: null }, at('2026-04-30'), ids)
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-')
    // nine provinces and the claims page (issue 11 item 4)
    expect(pdf.body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(10)
    const streams = [...pdf.body.toString('latin1').matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1'))
    const text = pdfText(Buffer.from(streams.join('\n'), 'latin1'))
    expect(text).toContain('Klaim Jaminan Sosial Ketenagakerjaan')
    expect(text).toContain('Semua klaim')
  })
}, { referenceData: true })
