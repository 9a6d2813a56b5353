import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../kernel/errors.js'
import { isKota, normaliseRegionCode, provinceOf, regencyOf, regionLevelOf } from './region-code.js'

describe('normaliseRegionCode', () => {
  it.each([
    ['51', '51'],
    ['5171', '51.71'],
    ['51.71', '51.71'],
    [' 51.71 ', '51.71'],
    ['517101', '51.71.01'],
    ['51.71.01', '51.71.01'],
    ['5171011001', '51.71.01.1001'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRegionCode(input)).toBe(expected)
  })

  it.each(['', '5', '517', '51.7', '51-71', '5171a', '00', '51.00', '51..71', '51711'])('refuses %j, naming the input and the field', (input) => {
    let error: unknown
    try {
      normaliseRegionCode(input, 'parent')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('invalid_input')
    expect((error as DomainError).field).toBe('parent')
    expect((error as DomainError).message).toContain(`"${input}"`)
  })
})

describe('codes within codes', () => {
  it('knows the level, the province and the kab/kota of a code', () => {
    expect(regionLevelOf('51')).toBe('province')
    expect(regionLevelOf('5171')).toBe('regency')
    expect(regionLevelOf('51.71.01')).toBe('kecamatan')
    expect(provinceOf('9401')).toBe('94')
    expect(regencyOf('51.71.01')).toBe('51.71')
    expect(regencyOf('51')).toBeUndefined()
  })

  it('tells a kota (71–99) from a kabupaten', () => {
    expect(isKota('51.71')).toBe(true)
    expect(isKota('96.71')).toBe(true)
    expect(isKota('51.03')).toBe(false)
  })
})
