import { describe, expect, it } from 'vitest'
import { parseRiskGroup, parseScale, validateNewEmployer } from './new-employer.js'

describe('validateNewEmployer', () => {
  it('normalises the NPP, name, regency code, scale and risk group', () => {
    expect(validateNewEmployer({ npp: 'ab 123', name: '  PT  Segara  Biru ', regionCode: '5171', scale: 'Small', riskGroup: 'III' })).toEqual({
      npp: 'AB123', name: 'PT Segara Biru', regencyCode: '51.71', scale: 'small', riskGroup: 3,
    })
  })

  it('names the field of each refusal', () => {
    const base = { npp: 'AB1', name: 'PT X', regionCode: '51.71', scale: 'micro', riskGroup: 1 }
    expect(() => validateNewEmployer({ ...base, name: ' ' })).toThrow(expect.objectContaining({ code: 'missing_field', details: { field: 'name' } }))
    expect(() => validateNewEmployer({ ...base, regionCode: '51' })).toThrow(expect.objectContaining({ details: { field: 'regionCode' } }))
    expect(() => parseScale('huge')).toThrow(expect.objectContaining({ details: { field: 'scale' } }))
    expect(() => parseRiskGroup(6)).toThrow(expect.objectContaining({ code: 'out_of_range', details: { field: 'riskGroup' } }))
    expect(parseRiskGroup('5')).toBe(5)
  })
})
