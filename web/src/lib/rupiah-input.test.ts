import { describe, expect, it } from 'vitest'
import { parseRupiahInput } from './rupiah-input'

describe('reading a typed rupiah amount', () => {
  it('takes plain digits, Indonesian thousands dots and a leading Rp', () => {
    expect(parseRupiahInput('1000000')).toBe(1_000_000)
    expect(parseRupiahInput('1.000.000')).toBe(1_000_000)
    expect(parseRupiahInput('Rp 1.000.000')).toBe(1_000_000)
    expect(parseRupiahInput('Rp16.800')).toBe(16_800)
  })

  it('reads an empty field as nothing yet', () => {
    expect(parseRupiahInput('  ')).toBeNull()
  })

  it('refuses decimals, misplaced dots, signs and letters', () => {
    for (const text of ['1,5', '1.00', '10.000.00', '-5', '12a', '1e6']) expect(parseRupiahInput(text), text).toBeNaN()
  })
})
