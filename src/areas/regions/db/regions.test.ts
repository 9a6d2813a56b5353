import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { listRegions, loadNikPrefixTable } from './regions.js'

describeDb(
  'regions queries',
  (ctx) => {
    it('lists provinces, kab/kota, or one province’s kab/kota, in code order', async () => {
      const provinces = await listRegions(ctx.sql, { level: 'province' })
      expect(provinces.map((r) => r.code)).toEqual(['51', '52', '53', '91', '92', '93', '94', '95', '96'])
      expect(await listRegions(ctx.sql, { level: 'regency' })).toHaveLength(83)
      expect(await listRegions(ctx.sql)).toHaveLength(92)
      const bali = await listRegions(ctx.sql, { parentCode: '51' })
      expect(bali).toHaveLength(9)
      expect(bali.find((r) => r.code === '51.71')).toEqual({
        code: '51.71',
        name: 'Kota Denpasar',
        shortName: 'Denpasar',
        level: 'regency',
        kind: 'kota',
        parentCode: '51',
        codeBefore2022Split: '51.71',
        areaKm2: expect.any(Number),
        timeZone: 'WITA',
      })
    })

    it('builds the NIK prefix table from the database', async () => {
      const table = await loadNikPrefixTable(ctx.sql)
      expect(table.check('9101')).toMatchObject({ ok: true, status: 'historical', currentRegencyCode: '93.01' })
      expect(table.check('9999').ok).toBe(false)
    })
  },
  { referenceData: true },
)
