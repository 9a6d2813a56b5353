import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../kernel/dates.js'
import { addMonths } from '../../../kernel/month.js'
import { accountView } from './account-view.js'
import { bpuSchedule, monthlyDues, puSchedule } from './fixtures.test-support.js'
import { LAPSE_RULE, lapseRunMonths, parseLapseRule } from './lapse-rule.js'
import { contributionStatus } from './status-engine.js'
import type { AccountInput, Due } from './types.js'

const MONTHS = 24
/** Per month: days after its due date it was paid (negative = early), or null = never. */
const payments = fc.array(fc.option(fc.integer({ min: -20, max: 160 }), { nil: null, freq: 3 }), { minLength: MONTHS, maxLength: MONTHS })
const lapse = fc.record({ windowMonths: fc.integer({ min: 1, max: 4 }), lapseWhen: fc.constantFrom('more_than_window', 'at_window') }).map((r) =>
  parseLapseRule({ ...r, citation: 'property', evidence: 'R' }),
)
const asOfOffset = fc.integer({ min: 0, max: 30 * 30 })

function duesFrom(delays: readonly (number | null)[], kind: 'bpu_jkk_jkm' | 'employer'): Due[] {
  return monthlyDues('2025-01', MONTHS, {}, { kind }).map((d, i) => {
    const delay = delays[i]
    return { ...d, paidOn: delay === null || delay === undefined ? null : addDays(d.dueDate, delay) }
  })
}

/** Longest run of consecutive months (the statute counts consecutive months; imported histories may have holes). */
function longestRun(months: readonly string[]): number {
  let best = 0
  let run = 0
  months.forEach((m, i) => {
    run = i > 0 && addMonths(months[i - 1] as string, 1) === m ? run + 1 : 1
    best = Math.max(best, run)
  })
  return best
}

describe('status engine properties', () => {
  it('never aktif while a collectable due is past due unpaid; menunggak only within the window', () => {
    fc.assert(
      fc.property(payments, lapse, asOfOffset, (delays, rule, offset) => {
        const asOf = addDays('2025-01-01', offset)
        const input: AccountInput = { rule: 'bpu_lapse', lapse: rule, dues: duesFrom(delays, 'bpu_jkk_jkm'), schedule: bpuSchedule() }
        const s = contributionStatus(input, asOf)
        const view = accountView(input, asOf)
        expect(view.status).toBe(s.status)
        // A BPU's months start at the first payment; a lapse's months are written off or not accrued.
        const gapEnd = view.months.filter((m) => m.state === 'written_off' || m.state === 'not_accrued').map((m) => m.month).pop() ?? addMonths(view.months[0]?.month ?? '9999-12', -1)
        const pastDueUnpaid = input.dues.filter((d) => d.month > gapEnd && d.dueDate < asOf && (d.paidOn === null || d.paidOn > asOf))
        if (s.status === 'aktif') {
          expect(pastDueUnpaid).toEqual([])
          expect(s.arrearsIdr).toBe(0)
          expect(view.months.some((m) => m.state === 'overdue')).toBe(false)
        }
        if (s.status === 'menunggak') {
          expect(s.arrears.length).toBeGreaterThanOrEqual(1)
          expect(longestRun(s.arrears.map((a) => a.month))).toBeLessThan(lapseRunMonths(rule))
          expect(s.benefit.level).toBe('partial')
        }
        if (s.status === 'nonaktif') expect(s.arrearsIdr).toBe(0)
        if (s.status === 'terdaftar') expect(input.dues.some((d) => d.paidOn !== null && d.paidOn <= asOf)).toBe(false)
        for (const m of view.months) if (m.state === 'paid') expect(m.status).toBe('aktif')
      }),
      { numRuns: 400 },
    )
  })

  it('the next change date is right: the status holds until the day before it and differs on it', () => {
    fc.assert(
      fc.property(payments, asOfOffset, (delays, offset) => {
        const asOf = addDays('2025-01-01', offset)
        const dues = duesFrom(delays, 'bpu_jkk_jkm').map((d) => (d.paidOn !== null && d.paidOn > asOf ? { ...d, paidOn: null } : d))
        const input: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues, schedule: bpuSchedule() }
        const s = contributionStatus(input, asOf)
        if (s.nextChange === null) {
          expect(['terdaftar', 'nonaktif']).toContain(s.status)
          return
        }
        expect(contributionStatus(input, addDays(s.nextChange.date, -1)).status).toBe(s.status)
        expect(contributionStatus(input, s.nextChange.date).status).toBe(s.nextChange.status)
      }),
      { numRuns: 300 },
    )
  })

  it('a PU worker never lapses for the employer\'s arrears', () => {
    fc.assert(
      fc.property(payments, asOfOffset, (delays, offset) => {
        const asOf = addDays('2025-01-01', offset)
        const input: AccountInput = { rule: 'employer_carries', lapse: LAPSE_RULE, firstDueMonth: '2025-01', dues: duesFrom(delays, 'employer'), schedule: puSchedule() }
        expect(['terdaftar', 'aktif']).toContain(contributionStatus(input, asOf).status)
      }),
      { numRuns: 200 },
    )
  })

  it('months run from the first due month to the as-of month', () => {
    const input: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues: monthlyDues('2025-03', 4, { '2025-03': '2025-03-01' }), schedule: bpuSchedule() }
    const view = accountView(input, '2025-12-31')
    expect(view.months[0]?.month).toBe('2025-03')
    expect(view.months.at(-1)?.month).toBe('2025-12')
    expect(view.months).toHaveLength(10)
    expect(addMonths('2025-03', 9)).toBe('2025-12')
  })
})
