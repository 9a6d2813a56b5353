import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { readReferenceData } from '../reference-files.js'
import { loadReferenceData } from './reference-data.js'

describeDb('loadReferenceData', (ctx) => {
  it('loads reference/ and, run again, changes nothing and counts the same', async () => {
    const first = await loadReferenceData(ctx.sql)
    const holidays = readReferenceData().holidays.length
    expect(first).toMatchObject({ provinces: 9, regencies: 83, kecamatan: 1282, nikPrefixes: 578, workforceFigures: 156, holidays })
    expect(first.changed).toEqual({ regions: 92, kecamatan: 1282, nikPrefixes: 578, workforceFigures: 156, holidays })

    const second = await loadReferenceData(ctx.sql)
    expect(second).toEqual({ ...first, changed: { regions: 0, kecamatan: 0, nikPrefixes: 0, workforceFigures: 0, holidays: 0 } })
  })

  it('refreshes a row that drifted and removes a figure that left the reference files', async () => {
    await ctx.sql.query(`update regions set name = 'Denpasar (lama)' where code = '51.71'`)
    await ctx.sql.query(
      `insert into workforce_figures (region_code, region_level, period, metric, value, unit, status, source)
       values ('51', 'provinsi', '2019-08', 'working_population', 1, 'persons', 'reported', 'test')`,
    )
    const refreshed = await loadReferenceData(ctx.sql)
    expect(refreshed.changed).toMatchObject({ regions: 1, workforceFigures: 1 })
    const { rows } = await ctx.sql.query<{ name: string }>(`select name from regions where code = '51.71'`)
    expect(rows).toEqual([{ name: 'Kota Denpasar' }])
  })

  it('stores bigint values and ppm as numbers and keeps not-found figures empty', async () => {
    const { rows } = await ctx.sql.query<{ value: number | null; unit: string; status: string }>(
      `select value, unit, status from workforce_figures where region_code = '51' and period = '2024-08' and metric in ('working_population', 'formal_share') order by metric`,
    )
    expect(rows).toEqual([
      { value: 493_200, unit: 'ppm', status: 'reported' },
      { value: 2_670_000, unit: 'persons', status: 'reported' },
    ])
    const missing = await ctx.sql.query<{ n: number }>(`select count(*) as n from workforce_figures where status = 'not_found' and value is not null`)
    expect(missing.rows[0]?.n).toBe(0)
  })
})
