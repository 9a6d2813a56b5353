import { describe, expect, it } from 'vitest'
import { addMonths, planCollection } from './collect-amount'

// PP 50/2025 for a non-transport BPU at Rp1 juta: Rp8.400 April–December 2026, Rp16.800 from January 2027
const bpuPrice = (month: string) => (month >= '2026-04' && month <= '2026-12' ? 8_400 : 16_800)

describe('planCollection', () => {
  it('prices a new worker’s months from the payment month, each at its own price (the discount ends in 2027)', () => {
    expect(planCollection({ monthsOwed: [], owedIdr: 0, firstOpenMonth: '2026-11', priceOf: bpuPrice }, 3)).toEqual({ months: ['2026-11', '2026-12', '2027-01'], amountIdr: 33_600 })
    expect(planCollection({ monthsOwed: [], owedIdr: 0, firstOpenMonth: '2026-11', priceOf: bpuPrice }, 1)).toEqual({ months: ['2026-11'], amountIdr: 8_400 })
  })

  it('pays the owed months first, then the months after the last owed one', () => {
    const basis = { monthsOwed: ['2026-09', '2026-10'], owedIdr: 16_800, firstOpenMonth: '2026-11', priceOf: bpuPrice }
    expect(planCollection(basis, 1)).toEqual({ months: ['2026-09'], amountIdr: 8_400 })
    expect(planCollection(basis, 2)).toEqual({ months: ['2026-09', '2026-10'], amountIdr: 16_800 })
    expect(planCollection(basis, 4)).toEqual({ months: ['2026-09', '2026-10', '2026-11', '2026-12'], amountIdr: 33_600 })
  })

  it('says it cannot price a month it does not know', () => {
    expect(planCollection({ monthsOwed: ['2026-10'], owedIdr: 8_400, firstOpenMonth: '2026-11', priceOf: () => null }, 2)).toEqual({ months: ['2026-10', '2026-11'], amountIdr: null })
  })

  it('adds months across years', () => {
    expect([addMonths('2026-11', 2), addMonths('2026-01', -1), addMonths('2026-12', 12)]).toEqual(['2027-01', '2025-12', '2027-12'])
  })
})
