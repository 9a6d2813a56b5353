import { describe, expect, it } from 'vitest'
import { CATEGORIES, CATEGORY_RULES, parseCategory } from './categories.js'
import { parseProgrammes } from './programmes.js'

describe('categories (Inpres 2/2021 groups + jasa konstruksi)', () => {
  it('has the six codes with labels, and only BPU lapses and gets the PP 50/2025 discount', () => {
    expect(CATEGORIES).toEqual(['bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon'])
    for (const code of CATEGORIES) expect(CATEGORY_RULES[code].labelId.length).toBeGreaterThan(3)
    expect(CATEGORIES.filter((c) => CATEGORY_RULES[c].statusRule === 'bpu_lapse')).toEqual(['bpu'])
    expect(CATEGORIES.filter((c) => CATEGORY_RULES[c].pp50Discount)).toEqual(['bpu'])
    expect(CATEGORIES.filter((c) => CATEGORY_RULES[c].requiresNpp)).toEqual(['pu'])
    expect(CATEGORIES.filter((c) => CATEGORY_RULES[c].statusRule === 'protection_period')).toEqual(['pmi', 'jakon'])
  })

  it.each([
    ['bpu', 'bpu'],
    ['PU', 'pu'],
    [' Non-ASN ', 'non_asn'],
    ['non asn', 'non_asn'],
    ['Jasa Konstruksi', 'jakon'],
    ['penyelenggara pemilu', 'pemilu'],
    ['informal', undefined],
  ])('parseCategory(%j) = %s', (input, code) => {
    expect(parseCategory(input)).toBe(code)
  })
})

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
