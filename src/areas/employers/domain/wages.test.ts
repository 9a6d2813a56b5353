import { describe, expect, it } from 'vitest'
import { checkMonth, checkWageIdr, decideWageRow, effectiveWage } from './wages.js'

describe('wage basis', () => {
  it('takes whole rupiah above zero', () => {
    expect(checkWageIdr(5_000_000)).toBe(5_000_000)
    expect(() => checkWageIdr(0)).toThrow(expect.objectContaining({ code: 'out_of_range' }))
    expect(() => checkWageIdr(-1)).toThrow(expect.objectContaining({ code: 'out_of_range' }))
    expect(() => checkWageIdr(1_000_000.5)).toThrow(expect.objectContaining({ code: 'invalid_input', details: { field: 'wageIdr' } }))
    expect(() => checkWageIdr('5000000', 'upah')).toThrow(expect.objectContaining({ details: { field: 'upah' } }))
  })

  it('checks months as YYYY-MM', () => {
    expect(checkMonth('2026-03')).toBe('2026-03')
    expect(() => checkMonth('2026-13')).toThrow(expect.objectContaining({ code: 'invalid_month' }))
    expect(() => checkMonth('03/2026', 'bulan')).toThrow(expect.objectContaining({ details: { field: 'bulan' } }))
  })
})

describe('effectiveWage', () => {
  const rows = [
    { effectiveMonth: '2026-01', revision: 0, wageIdr: 4_000_000 },
    { effectiveMonth: '2026-04', revision: 0, wageIdr: 5_000_000 },
    { effectiveMonth: '2026-04', revision: 1, wageIdr: 5_200_000 },
    { effectiveMonth: '2026-07', revision: 0, wageIdr: 6_000_000 },
  ]

  it('is the latest month at or before, last revision first', () => {
    expect(effectiveWage(rows, '2025-12')).toBeUndefined()
    expect(effectiveWage(rows, '2026-01')?.wageIdr).toBe(4_000_000)
    expect(effectiveWage(rows, '2026-03')?.wageIdr).toBe(4_000_000)
    expect(effectiveWage(rows, '2026-04')?.wageIdr).toBe(5_200_000)
    expect(effectiveWage(rows, '2026-06')?.wageIdr).toBe(5_200_000)
    expect(effectiveWage([...rows].reverse(), '2027-01')?.wageIdr).toBe(6_000_000)
  })
})

describe('decideWageRow', () => {
  it('stores a first amount, ignores a repeat, corrects a different amount', () => {
    expect(decideWageRow(undefined, 5_000_000)).toEqual({ kind: 'new', revision: 0 })
    expect(decideWageRow({ revision: 0, wageIdr: 5_000_000 }, 5_000_000)).toEqual({ kind: 'same' })
    expect(decideWageRow({ revision: 2, wageIdr: 5_000_000 }, 5_100_000)).toEqual({ kind: 'correction', revision: 3 })
  })
})
