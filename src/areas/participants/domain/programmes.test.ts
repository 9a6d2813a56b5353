import { describe, expect, it } from 'vitest'
import { parseProgrammes } from './programmes.js'

describe('parseProgrammes', () => {
  it.each([
    ['JKK+JKM', 'bpu', ['JKK', 'JKM']],
    ['jkk+jkm+jht', 'bpu', ['JKK', 'JKM', 'JHT']],
    [' JKM + JKK ', 'bpu', ['JKK', 'JKM']],
    ['JKK, JKM, JHT', 'pmi', ['JKK', 'JKM', 'JHT']],
    ['JKK+JKM+JHT+JP+JKP', 'pu', ['JKK', 'JKM', 'JHT', 'JP', 'JKP']],
  ] as const)('%j for %s → %j', (input, category, programmes) => {
    expect(parseProgrammes(input, category).ok).toEqual(programmes)
  })

  it('returns one shared list per combination (no allocation per row)', () => {
    expect(parseProgrammes('JKK+JKM', 'bpu').ok).toBe(parseProgrammes('jkm+jkk', 'pu').ok)
  })

  it('a BPU cannot take JP or JKP', () => {
    const result = parseProgrammes('JKK+JKM+JHT+JP', 'bpu')
    expect(result.error).toMatchObject({ field: 'program', code: 'not_eligible' })
    expect(result.error?.message).toContain('JP')
  })

  it.each([
    ['JKK', 'invalid_input'],
    ['JKK+JKM+JKN', 'unknown_code'],
    ['', 'missing_field'],
    ['JKK+JKM+JHT', 'not_eligible'],
  ] as const)('%j for jakon is %s', (input, code) => {
    expect(parseProgrammes(input, 'jakon').error?.code).toBe(code)
  })
})
