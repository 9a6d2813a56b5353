import { describe, expect, it } from 'vitest'
import { applyFactorppm, applyRateppm, formatRupiah, sumIdr } from './money.js'

describe('applyRateppm: one rounding per line, half up (regulations.md "Units in Semesta")', () => {
  it('reproduces the three checks of regulations.md', () => {
    expect(applyRateppm(3_010_000, 4_450)).toBe(13_395) // 13,394.5
    expect(applyRateppm(4_567_850, 10_000)).toBe(45_679) // 45,678.5
    expect(applyRateppm(3_456_789, 2_400)).toBe(8_296) // 8,296.29
  })

  it('rounds exactly .5 up and just below .5 down', () => {
    expect(applyRateppm(1, 500_000)).toBe(1) // 0.5
    expect(applyRateppm(3, 500_000)).toBe(2) // 1.5
    expect(applyRateppm(6_800, 500_000)).toBe(3_400)
    expect(applyRateppm(49_500, 500_000)).toBe(24_750)
    expect(applyRateppm(999_999, 1)).toBe(1) // 0.999999
    expect(applyRateppm(499_999, 1)).toBe(0) // 0.499999
  })

  it('is exact for zero, a whole factor and the PP 49/2020 1 % factor', () => {
    expect(applyRateppm(0, 17_400)).toBe(0)
    expect(applyRateppm(5_000_000, 1_000_000)).toBe(5_000_000)
    expect(applyFactorppm(6_800, 10_000)).toBe(68)
  })

  it('falls back to BigInt past Number.MAX_SAFE_INTEGER and stays exact', () => {
    const base = 9_000_000_000_000_000 // Rp9,000 trillion: base × 17,400 ≈ 1.6 × 10^20
    expect(Number.isSafeInteger(base * 17_400)).toBe(false)
    expect(applyRateppm(base, 17_400)).toBe(Number((BigInt(base) * 17_400n + 500_000n) / 1_000_000n))
    expect(applyRateppm(base, 17_400)).toBe(156_600_000_000_000)
    expect(applyRateppm(600_000_000_000, 17_400)).toBe(10_440_000_000) // just past the limit at 17,400 ppm
  })

  it('refuses negative or fractional inputs', () => {
    expect(() => applyRateppm(-1, 10_000)).toThrow(RangeError)
    expect(() => applyRateppm(1.5, 10_000)).toThrow(RangeError)
    expect(() => applyRateppm(100, -1)).toThrow(RangeError)
  })
})

describe('sums and formatting', () => {
  it('sums rounded lines and formats Rp16.800', () => {
    expect(sumIdr([10_000, 6_800])).toBe(16_800)
    expect(formatRupiah(16_800)).toBe('Rp16.800')
  })
})
