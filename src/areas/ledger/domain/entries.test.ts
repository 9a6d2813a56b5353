import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { account } from './accounts.js'
import { assertBalancedEntries, mirrorEntries, move, sumEntriesIdr } from './entries.js'

const credit = account.participantCredit('p1')
const bank = account.bank('BNI-DPS')

describe('entries of a transfer', () => {
  it('accepts two balanced lines', () => {
    expect(() => assertBalancedEntries(move(bank, credit, 16_800))).not.toThrow()
  })

  it('refuses one line, a zero line, a fraction and an unbalanced set', () => {
    expect(() => assertBalancedEntries([{ account: bank, amountIdr: 0 }])).toThrow(/at least two/)
    expect(() => assertBalancedEntries([...move(bank, credit, 5), { account: bank, amountIdr: 0 }])).toThrow(/non-zero/)
    expect(() => assertBalancedEntries(move(bank, credit, 1.5))).toThrow(/whole number/)
    expect(() => assertBalancedEntries([{ account: bank, amountIdr: 10 }, { account: credit, amountIdr: -9 }])).toThrow(/sum to 1/)
  })

  it('mirrors to lines that cancel the original', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }).filter((n) => n !== 0), { minLength: 1, maxLength: 20 }), (amounts) => {
        const entries = amounts.map((amountIdr) => ({ account: bank, amountIdr }))
        expect(sumEntriesIdr([...entries, ...mirrorEntries(entries)])).toBe(0)
      }),
      { numRuns: 50 },
    )
  })
})
