import { describe, expect, it } from 'vitest'
import { assertEventArrearsPaid, payStep, releaseStep, unpaidEventArrears } from './domain/claim-payment.js'
import { nextClaimStatus } from './domain/workflow.js'

const jkm = { kind: 'jkm' as const, payNowIdr: 10_000_000, afterArrearsIdr: 32_000_000 }

describe('paying a claim whose event fell in arrears (PP 44/2015 Pasal 42)', () => {
  it('lists the event-date arrears still unpaid, oldest first', () => {
    expect(unpaidEventArrears(['2026-02', '2026-01'], ['2025-12', '2026-01'])).toEqual(['2026-02'])
    expect(unpaidEventArrears(['2026-01'], ['2026-01'])).toEqual([])
  })

  it('pay: the funeral cost at once and the rest withheld while arrears remain; everything (and the scholarship) once paid', () => {
    expect(payStep(jkm, ['2026-01'], 0)).toEqual({ paidIdr: 10_000_000, withheldIdr: 32_000_000 })
    expect(payStep(jkm, [], 4_500_000)).toEqual({ paidIdr: 46_500_000, withheldIdr: 0 })
    // a beasiswa claim's lines are the school year: its schedule rows are not added on top
    expect(payStep({ kind: 'beasiswa', payNowIdr: 4_500_000, afterArrearsIdr: 0 }, [], 4_500_000)).toEqual({ paidIdr: 4_500_000, withheldIdr: 0 })
  })

  it('release: refused with arrears_unpaid naming the months; else the withheld part and the held scholarship', () => {
    expect(() => assertEventArrearsPaid(['2026-02'])).toThrow(expect.objectContaining({ code: 'arrears_unpaid', details: { field: 'arrears', months: ['2026-02'] } }))
    expect(() => assertEventArrearsPaid([])).not.toThrow()
    expect(releaseStep({ ...jkm, paidIdr: 10_000_000, withheldIdr: 32_000_000 }, 4_500_000)).toEqual({ releasedIdr: 36_500_000, paidIdr: 46_500_000, withheldIdr: 0 })
  })

  it('the release step exists only for a paid claim that still holds a withheld part', () => {
    const claim = { kind: 'jkm' as const, documents: {}, payableIdr: 42_000_000 }
    expect(nextClaimStatus('paid', 'release', { ...claim, withheldIdr: 32_000_000 })).toEqual({ to: 'paid' })
    expect(() => nextClaimStatus('paid', 'release', { ...claim, withheldIdr: 0 })).toThrow(/nothing is withheld/)
    expect(() => nextClaimStatus('approved', 'release', { ...claim, withheldIdr: 32_000_000 })).toThrow(/must be paid/)
    expect(() => nextClaimStatus('paid', 'pay', claim)).toThrow(/no further step/)
  })
})
