import { describe, expect, it } from 'vitest'
import { account, factsAt, regs } from './claims.test-support.js'
import { claimEligibility } from './domain/eligibility.js'
import type { ClaimInput } from './domain/claim-input.js'

const jkm = (facts: ClaimInput['facts'], eventDate: string, over: Partial<ClaimInput> = {}) =>
  claimEligibility({ kind: 'jkm', eventDate, filedOn: eventDate, rule: 'bpu_lapse', facts, ...over }, regs)

/** A BPU who paid Jan–Mar 2026 and nothing from April: April's due is 15 Apr, May's 18 May, June's 15 Jun, July's 15 Jul. */
const lapsing = account({ first: '2026-01', paid: 3, billedThrough: '2026-08' })

describe('JKM for a BPU in arrears (issue 11 done-when; PP 44/2015 Pasal 42, regulations.md E11)', () => {
  it('2 months of arrears: the funeral cost at once, the other 32,000,000 after the arrears are paid', () => {
    const facts = factsAt(lapsing, '2026-05-20')
    expect(facts).toMatchObject({ status: 'menunggak', arrearsMonths: 2, contributionMonths: 3, consecutivePaidFromStart: 3 })
    const e = jkm(facts, '2026-05-20')
    expect(e.decision).toBe('partial')
    expect(e.payNowIdr).toBe(10_000_000)
    expect(e.afterArrearsIdr).toBe(32_000_000)
    expect(e.lines.find((l) => l.payable === 'now')?.item).toBe('biaya_pemakaman')
    expect(e.serviceLevelWorkingDays).toBe(3)
  })

  it('4 months of arrears: nothing', () => {
    const facts = factsAt(lapsing, '2026-07-20')
    expect(facts.status).toBe('nonaktif')
    const e = jkm(facts, '2026-07-20')
    expect(e).toMatchObject({ decision: 'not_eligible', payNowIdr: 0, afterArrearsIdr: 0, lines: [] })
    expect(e.reasons[0]?.message).toMatch(/> 3/)
  })

  it('3 months of arrears (the edge of the window) still pays the funeral cost at once', () => {
    const e = jkm(factsAt(lapsing, '2026-06-20'), '2026-06-20')
    expect(e.facts.arrearsMonths).toBe(3)
    expect([e.payNowIdr, e.afterArrearsIdr]).toEqual([10_000_000, 32_000_000])
  })

  it('paid up: the full 42,000,000 at once', () => {
    const e = jkm(factsAt(lapsing, '2026-04-10'), '2026-04-10')
    expect(e).toMatchObject({ decision: 'eligible', payNowIdr: 42_000_000, afterArrearsIdr: 0 })
  })

  it('fewer than 3 consecutive paid months since registering: the funeral cost only (the BPU rule, S1)', () => {
    const e = jkm(factsAt(account({ first: '2026-01', paid: 2, billedThrough: '2026-03' }), '2026-02-20'), '2026-02-20')
    expect(e).toMatchObject({ decision: 'partial', payNowIdr: 10_000_000, afterArrearsIdr: 0 })
  })

  it('registered but never paid: not covered', () => {
    const e = jkm(factsAt(account({ first: '2026-01', paid: 0, billedThrough: '2026-03' }), '2026-02-20'), '2026-02-20')
    expect(e.decision).toBe('not_eligible')
  })
})

describe('JKM after 35 vs 36 months of contributions (issue 11 done-when; PP 82/2019 Pasal 34(3))', () => {
  const children = ['sd', 'sma'] as const
  const at = (paid: number) => {
    const input = account({ first: '2023-01', paid, billedThrough: '2025-12' })
    return jkm(factsAt(input, '2025-12-10'), '2025-12-10', { children: [...children] })
  }

  it('differs exactly in the scholarship', () => {
    // 35 paid months: December 2025 open (not yet due on the 10th), so no arrears in either case
    const short = at(35)
    const full = at(36)
    expect([short.facts.contributionMonths, full.facts.contributionMonths]).toEqual([35, 36])
    expect(short.lines).toEqual(full.lines)
    expect(short.payNowIdr).toBe(42_000_000)
    expect(full.payNowIdr).toBe(42_000_000)
    expect(short.scholarship?.eligible).toBe(false)
    expect(full.scholarship).toMatchObject({ eligible: true, firstYearIdr: 4_500_000, maxIdr: 174_000_000 })
    const { scholarship: s1, reasons: r1, facts: f1, ...rest1 } = short
    const { scholarship: s2, reasons: r2, facts: f2, ...rest2 } = full
    expect(rest1).toEqual(rest2)
    expect([s1, r1, f1]).not.toEqual([s2, r2, f2])
  })
})
