import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths } from '../../../kernel/month.js'
import { allocatePayment, MAX_MONTHS_PER_PAYMENT, type PayableDue } from './allocate-payment.js'
import type { Payer } from './types.js'

const line = (month: string, amountIdr: number, payer: Payer = 'self', programme = 'jkk_jkm'): PayableDue => ({ month, programme, payer, amountIdr })
const months = (from: string, count: number, amountIdr: number, payer: Payer = 'self') =>
  Array.from({ length: count }, (_, i) => line(addMonths(from, i), amountIdr, payer))

describe('allocatePayment', () => {
  const upcoming = months('2026-09', 12, 16_800)

  it('paying 6 months ahead covers exactly 6 months and tells what to charge', () => {
    const a = allocatePayment({ arrears: [], upcoming, months: 6 })
    expect(a.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'])
    expect(a).toMatchObject({ amountIdr: 100_800, paidToDuesIdr: 100_800, creditIdr: 0, paidThrough: '2027-02' })
  })

  it('pays open arrears first, oldest first, and counts them in the months', () => {
    const a = allocatePayment({ arrears: months('2026-05', 2, 16_800), upcoming, months: 3 })
    expect(a.months.map((m) => [m.month, m.arrears])).toEqual([['2026-05', true], ['2026-06', true], ['2026-09', false]])
  })

  it('an amount short of a whole month is held as credit', () => {
    const a = allocatePayment({ arrears: [], upcoming, amountIdr: 40_000 })
    expect(a).toMatchObject({ paidToDuesIdr: 33_600, creditIdr: 6_400, cashToCreditIdr: 6_400, paidThrough: '2026-10' })
  })

  it('uses existing credit first', () => {
    const a = allocatePayment({ arrears: [], upcoming, amountIdr: 10_400, creditIdr: 6_400 })
    expect(a).toMatchObject({ paidToDuesIdr: 16_800, creditUsedIdr: 6_400, cashToDuesIdr: 10_400, cashToCreditIdr: 0, creditIdr: 0 })
    expect(allocatePayment({ arrears: [], upcoming, months: 1, creditIdr: 6_400 }).amountIdr).toBe(10_400)
    expect(allocatePayment({ arrears: [], upcoming, months: 1, creditIdr: 20_000 })).toMatchObject({ amountIdr: 0, creditIdr: 3_200 })
  })

  it('a month a pemda or an employer pays is not the worker\'s to pay', () => {
    const mixed = [line('2026-09', 16_800, 'pemda'), line('2026-09', 20_000, 'self', 'jht'), line('2026-10', 16_800, 'pemda'), line('2026-10', 20_000, 'self', 'jht'), line('2026-11', 462_000, 'employer')]
    const a = allocatePayment({ arrears: [], upcoming: mixed, amountIdr: 45_000 })
    expect(a.months.map((m) => [m.month, m.amountIdr])).toEqual([['2026-09', 20_000], ['2026-10', 20_000]])
    expect(a.creditIdr).toBe(5_000)
  })

  it('stops at 12 months in all; the rest of the money is credit, not lost', () => {
    const a = allocatePayment({ arrears: months('2026-07', 2, 16_800), upcoming, amountIdr: 16_800 * 14 })
    expect(a.months).toHaveLength(MAX_MONTHS_PER_PAYMENT)
    expect(a.creditIdr).toBe(16_800 * 2)
  })

  it('refuses bad requests with the field at fault', () => {
    const fails = (input: Parameters<typeof allocatePayment>[0]) => {
      try {
        allocatePayment(input)
      } catch (e) {
        return { code: (e as { code: string }).code, field: (e as { field: string }).field }
      }
      return undefined
    }
    expect(fails({ arrears: [], upcoming, months: 0 })).toEqual({ code: 'out_of_range', field: 'months' })
    expect(fails({ arrears: [], upcoming, months: 13 })).toEqual({ code: 'out_of_range', field: 'months' })
    expect(fails({ arrears: [], upcoming, months: 1.5 })).toEqual({ code: 'out_of_range', field: 'months' })
    expect(fails({ arrears: [], upcoming, amountIdr: 10_000 })).toEqual({ code: 'invalid_input', field: 'amountIdr' })
    expect(fails({ arrears: [], upcoming, months: 2, amountIdr: 20_000 })).toEqual({ code: 'invalid_input', field: 'amountIdr' })
    expect(fails({ arrears: [], upcoming, amountIdr: -1 })).toEqual({ code: 'invalid_input', field: 'amountIdr' })
    expect(fails({ arrears: [], upcoming })).toEqual({ code: 'missing_field', field: 'amountIdr' })
    expect(fails({ arrears: [], upcoming: months('2026-09', 2, 16_800), months: 3 })).toEqual({ code: 'invalid_input', field: 'months' })
    expect(fails({ arrears: [], upcoming: months('2026-09', 2, 16_800, 'pemda'), amountIdr: 50_000 })).toEqual({ code: 'invalid_state', field: 'months' })
  })
})

describe('allocatePayment properties', () => {
  const payer = fc.constantFrom<Payer>('self', 'self', 'self', 'pemda', 'employer')
  const lines = (from: string, count: number) =>
    fc.array(fc.tuple(fc.integer({ min: 1, max: 200_000 }), payer), { minLength: count, maxLength: count }).map((xs) =>
      xs.map(([amount, p], i) => line(addMonths(from, i), amount, p)),
    )
  const scenario = fc.record({
    arrears: fc.integer({ min: 0, max: 3 }).chain((n) => lines('2026-01', n)),
    upcoming: lines('2026-06', 14),
    amountIdr: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
    months: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    creditIdr: fc.integer({ min: 0, max: 100_000 }),
  })

  it('conserves money: paid to dues + credit after = amount + credit before; whole months, arrears first, the worker\'s only', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        let a
        try {
          a = allocatePayment(input)
        } catch (e) {
          expect((e as { name: string }).name).toBe('DomainError')
          return
        }
        expect(a.paidToDuesIdr + a.creditIdr).toBe(a.amountIdr + input.creditIdr)
        expect(a.creditUsedIdr + a.cashToDuesIdr).toBe(a.paidToDuesIdr)
        expect(a.cashToDuesIdr + a.cashToCreditIdr).toBe(a.amountIdr)
        expect(a.creditIdr).toBeGreaterThanOrEqual(0)
        expect(a.months.length).toBeGreaterThanOrEqual(1)
        expect(a.months.length).toBeLessThanOrEqual(MAX_MONTHS_PER_PAYMENT)
        if (input.months !== undefined) expect(a.months.length).toBe(input.months)
        expect(a.months.every((m) => m.dues.every((d) => d.payer === 'self'))).toBe(true)
        const firstUpcoming = a.months.findIndex((m) => !m.arrears)
        if (firstUpcoming >= 0) expect(a.months.slice(firstUpcoming).every((m) => !m.arrears)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
