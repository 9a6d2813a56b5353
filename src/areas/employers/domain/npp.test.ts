import { describe, expect, it } from 'vitest'
import { normaliseNpp, nppOrUndefined } from './npp.js'

describe('normaliseNpp', () => {
  it('uppercases and drops separators', () => {
    expect(normaliseNpp(' ab-1234.567 ')).toBe('AB1234567')
    expect(normaliseNpp('12345678')).toBe('12345678')
  })

  it('refuses other characters and more than 20, naming the field', () => {
    expect(() => normaliseNpp('AB/12')).toThrow(expect.objectContaining({ code: 'invalid_input', details: { field: 'npp' } }))
    expect(() => normaliseNpp('A'.repeat(21), '--npp')).toThrow(expect.objectContaining({ details: { field: '--npp' } }))
    expect(nppOrUndefined('')).toBeUndefined()
  })
})
