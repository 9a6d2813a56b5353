import { describe, expect, it } from 'vitest'
import { editDistanceAtMost } from './edit-distance.js'

describe('editDistanceAtMost (Damerau-Levenshtein, optimal string alignment)', () => {
  it.each([
    ['SUDARSANA', 'SUDARSANA', 0],
    ['WAHYUNI', 'WAHYINI', 1], // substitution
    ['BERNARDUS', 'BERNADUS', 1], // deletion
    ['AYAMISEBA', 'AYAMISEBAH', 1], // insertion
    ['MARTHEN', 'MARHTEN', 1], // adjacent swap
    ['SYAMSUDDIN', 'SYAMSUDIN', 1],
    ['', 'ABC', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistanceAtMost(a, b, 5)).toBe(d)
  })

  it('stops early and reports max + 1 beyond the bound', () => {
    expect(editDistanceAtMost('YOSIAS', 'MARKUS', 2)).toBe(3)
    expect(editDistanceAtMost('A', 'ABCDEFG', 2)).toBe(3)
  })

  it('handles strings longer than its reusable rows', () => {
    const long = 'A'.repeat(300)
    expect(editDistanceAtMost(long, `${long}B`, 2)).toBe(1)
  })
})
