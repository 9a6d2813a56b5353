import { describe, expect, it } from 'vitest'
import { currentMonthWita, formatDateId, formatMonth, formatRateppm, formatRupiah } from './format'

describe('formats shown to people', () => {
  it('writes rupiah as Rp16.800 and dates as dd/mm/yyyy', () => {
    expect(formatRupiah(16_800)).toBe('Rp16.800')
    expect(formatDateId('2026-04-15')).toBe('15/04/2026')
  })

  it('writes rates in ppm as percentages with the decimal mark of the language', () => {
    expect(formatRateppm(10_000, 'id')).toBe('1%')
    expect(formatRateppm(4_450, 'id')).toBe('0,445%')
    expect(formatRateppm(4_450, 'en')).toBe('0.445%')
    expect(formatRateppm(500_000, 'en')).toBe('50%')
  })

  it('names a month in the language', () => {
    expect(formatMonth('2026-03', 'id')).toBe('Maret 2026')
    expect(formatMonth('2026-03', 'en')).toBe('March 2026')
  })

  it('takes the current month in WITA: 31 March 17:00 UTC is already April in Bali', () => {
    expect(currentMonthWita(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04')
    expect(currentMonthWita(new Date('2026-03-31T15:00:00Z'))).toBe('2026-03')
  })
})
