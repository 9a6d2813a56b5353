import { describe, expect, it } from 'vitest'
import { currentMonthWita, formatCount, formatDateId, formatInstant, formatMonth, formatMonthShort, formatPercent, formatRateppm, formatRupiah } from './format'

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

  it('writes an instant in the zone of the region: WITA for Bali, WIT for Papua', () => {
    expect(formatInstant('2026-03-31T17:05:00Z', '51.71')).toBe('01/04/2026 01.05 WITA')
    expect(formatInstant('2026-03-31T17:05:00Z', '91.71')).toBe('01/04/2026 02.05 WIT')
    expect(formatInstant('2026-03-31T17:05:00Z')).toBe('01/04/2026 01.05 WITA')
  })

  it('writes counts, shares and short months in the language', () => {
    expect(formatCount(1234567, 'id')).toBe('1.234.567')
    expect(formatCount(1234567, 'en')).toBe('1,234,567')
    expect(formatPercent(0.4523, 'id')).toBe('45,2%')
    expect(formatPercent(0.4523, 'en')).toBe('45.2%')
    expect(formatMonthShort('2026-03')).toBe('03/2026')
  })
})
