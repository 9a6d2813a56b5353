import { describe, expect, it } from 'vitest'
import { expandRegionCodes, normalizeRegionCode } from './region-codes.js'

const known = ['51.03', '51.71', '53.01', '53.71']

describe('normalizeRegionCode', () => {
  it.each([
    ['51.71', '51.71'],
    ['5171', '51.71'],
    [' 53 ', '53'],
    ['51.71.01', null],
    ['517', null],
    ['ab', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRegionCode(input)).toBe(expected)
  })
})

describe('expandRegionCodes', () => {
  it('keeps known regencies, expands provinces, sorts and de-duplicates', () => {
    expect(expandRegionCodes(['5171', '53', '53.71'], known)).toEqual({ regencyCodes: ['51.71', '53.01', '53.71'], unknown: [] })
  })

  it('reports codes that name no known regency or province', () => {
    expect(expandRegionCodes(['51.99', '61', 'x'], known)).toEqual({ regencyCodes: [], unknown: ['51.99', '61', 'x'] })
  })
})
