import { describe, expect, it } from 'vitest'
import { CATEGORIES, CATEGORY_RULES, parseCategory } from './categories.js'

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
