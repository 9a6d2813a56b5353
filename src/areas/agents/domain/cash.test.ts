import { describe, expect, it } from 'vitest'
import { reconcileCash } from './cash.js'

describe('reconciling an agent\'s deposits against its collections', () => {
  const collections = [
    { paymentId: 'b', collectedOn: '2026-03-05', amountIdr: 33_600 },
    { paymentId: 'a', collectedOn: '2026-03-01', amountIdr: 16_800 },
    { paymentId: 'c', collectedOn: '2026-03-09', amountIdr: 16_800 },
  ]
  it('settles the oldest collections first and lists what is undeposited, oldest first, with the days held', () => {
    const r = reconcileCash(collections, 30_000, '2026-03-10')
    expect(r).toMatchObject({ collectedIdr: 67_200, depositedIdr: 30_000, undepositedIdr: 37_200, excessDepositIdr: 0 })
    expect(r.items.map((i) => [i.paymentId, i.depositedIdr, i.deposited, i.daysHeld])).toEqual([['a', 16_800, true, null], ['b', 13_200, false, 5], ['c', 0, false, 1]])
    expect(r.undeposited.map((i) => i.paymentId)).toEqual(['b', 'c'])
  })
  it('shows an over-deposit as excess, never as negative cash', () => {
    expect(reconcileCash(collections, 70_000, '2026-03-10')).toMatchObject({ undepositedIdr: 0, excessDepositIdr: 2_800, undeposited: [] })
  })
})
