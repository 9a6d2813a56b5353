import { describe, expect, it } from 'vitest'
import { banuspaTotal, classBreaks, classOf, groupTotals, legendPercent, monthsEndingAt, percentText, shareOf } from './coverage-math'
import type { CoverageRow } from './types'

const row = (code: string, terlindungi: number, workforce: number | null, status: 'reported' | 'derived' | 'not_found', extra: Partial<CoverageRow> = {}): CoverageRow => ({
  code, name: code, level: 'province', parentCode: null, registered: terlindungi + 10, terdaftar: 10, aktif: terlindungi - 1, menunggak: 1, nonaktif: 0, terlindungi,
  new: 0, lapsed: 0, reactivated: 0, workforce: { value: workforce, metric: 'working_population', period: '2024-08', source: 'BPS', status },
  coveragePct: null, target: null, gap: null, neededPerMonth: null, projectedMonth: null, ...extra,
})

describe('coverage on the dashboard', () => {
  it('takes the share unrounded, and none without a denominator', () => {
    expect(shareOf(row('51', 5, 300_000, 'reported'))).toBeCloseTo(5 / 300_000, 12)
    expect(shareOf(row('93', 5, null, 'not_found'))).toBeNull()
  })

  it('colours by quantile classes, so small demo shares still spread over the scale', () => {
    const values = [0, 0, 0.0001, 0.0002, 0.0003, 0.0004, null]
    const breaks = classBreaks(values, 5)
    expect(breaks).toEqual([0.0001, 0.0002, 0.0003, 0.0004])
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 2, 3, 4, null])
    expect(classBreaks([0, 0, 0])).toEqual([])
  })

  it('writes a tiny but real coverage as < 0,01%', () => {
    expect(percentText(0.4247, 'id')).toBe('42,47%')
    expect(percentText(0.00001, 'id')).toBe('< 0,01%')
    expect(percentText(0, 'en')).toBe('0%')
    expect(percentText(null, 'en')).toBe('—')
    expect(legendPercent(0.0000123, 'id')).toBe('0,0012%')
    expect(legendPercent(0.4247, 'en')).toBe('42.5%')
  })

  it('sums Banuspa from its provinces; the denominator is derived when one province is derived or missing', () => {
    const total = banuspaTotal([row('51', 100, 1000, 'reported', { target: 300, gap: 200, projectedMonth: '2026-10' }), row('93', 50, null, 'not_found', { projectedMonth: '2026-12' })], 'Banuspa')
    expect(total).toMatchObject({ terlindungi: 150, workforce: { value: 1000, status: 'derived' }, coveragePct: 10, target: 300, gap: 200, projectedMonth: '2026-12' })
  })

  it('sums a breakdown per group, for some regions or all', () => {
    const rows = [row('51', 10, 100, 'reported', { group: 'bpu' }), row('51', 5, 100, 'reported', { group: 'pu' }), row('52', 7, 100, 'reported', { group: 'bpu' })]
    expect(groupTotals(rows, null).map((g) => [g.group, g.terlindungi])).toEqual([['bpu', 17], ['pu', 5]])
    expect(groupTotals(rows, ['52']).map((g) => [g.group, g.terlindungi])).toEqual([['bpu', 7]])
  })

  it('lists the months of a trend across a year end', () => {
    expect(monthsEndingAt('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
})
