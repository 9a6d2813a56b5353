import { describe, expect, it } from 'vitest'
import { digitsOnly, isAllDigits, numberAt } from './digits.js'

describe('digit helpers', () => {
  it('digitsOnly drops group separators and refuses other characters', () => {
    expect(digitsOnly('5171011205900001')).toBe('5171011205900001')
    expect(digitsOnly('5171 0112.0590-0001')).toBe('5171011205900001')
    expect(digitsOnly('5171\u00a001')).toBe('517101')
    expect(digitsOnly('5171/01')).toBeNull()
  })

  it('numberAt reads a fixed-width number or -1', () => {
    expect(numberAt('1990-05-12', 5, 2)).toBe(5)
    expect(numberAt('1990-05-12', 3, 3)).toBe(-1)
  })

  it('isAllDigits is false for the empty string', () => {
    expect(isAllDigits('')).toBe(false)
    expect(isAllDigits('0123')).toBe(true)
  })
})
