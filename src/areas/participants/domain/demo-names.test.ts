import { describe, expect, it } from 'vitest'
import { cultureOf, demoName, type Culture } from './demo-names.js'
import { Sfc32 } from './prng.js'

describe('demo names', () => {
  it('picks the local culture of a regency', () => {
    expect(cultureOf('51.04').culture).toBe('bali')
    expect(cultureOf('52.03').culture).toBe('sasak')
    expect(cultureOf('52.06').culture).toBe('sumbawa')
    expect(cultureOf('53.11').culture).toBe('sumba')
    expect(cultureOf('53.71').culture).toBe('ntt')
    expect(cultureOf('95.01')).toEqual({ culture: 'papua', migrantppm: 350_000 })
  })

  it('builds names after each custom', () => {
    const rng = new Sfc32(3)
    const sample = (culture: Culture, sex: 'L' | 'P', province = '95') => Array.from({ length: 200 }, () => demoName(culture, sex, province, rng))
    expect(sample('bali', 'L').filter((n) => n.startsWith('I ')).length).toBeGreaterThan(150)
    expect(sample('bali', 'P').filter((n) => n.startsWith('Ni ')).length).toBeGreaterThan(150)
    expect(sample('sumba', 'L').every((n) => n.startsWith('Umbu '))).toBe(true)
    expect(sample('sumba', 'P').every((n) => n.startsWith('Rambu '))).toBe(true)
    expect(sample('papua', 'L', '93').some((n) => n.endsWith(' Gebze') || n.endsWith(' Mahuze'))).toBe(true)
    expect(sample('ntt', 'P').every((n) => n.split(' ').length >= 2)).toBe(true)
  })
})
