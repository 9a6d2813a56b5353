import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../kernel/dates.js'
import { addMonths } from '../../../kernel/month.js'
import { accountView } from './account-view.js'
import { allocatePayment, type PayableDue } from './allocate-payment.js'
import { BPU_MONTH_IDR, bpuSchedule, CALENDAR_2026, DUE_RULES } from './fixtures.test-support.js'
import { contributionDueDate } from './due-dates.js'
import { LAPSE_RULE } from './lapse-rule.js'
import { contributionStatus } from './status-engine.js'
import type { AccountInput, Due } from './types.js'

/** Payments made the way the pay flow will make them: status at the payment date, then allocation, then the dues paid. */
const payment = fc.record({ dayOffset: fc.integer({ min: 1, max: 120 }), months: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), amountIdr: fc.integer({ min: 0, max: 250_000 }) })

describe('paying through the status engine and the allocation', () => {
  it('moves money once: dues paid + credit = money received; a full settlement leaves the participant aktif', () => {
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 8 }), (payments) => {
        const schedule = bpuSchedule()
        const dues: Due[] = []
        let date = '2026-01-01'
        let creditIdr = 0
        let receivedIdr = 0
        for (const p of payments) {
          date = addDays(date, p.dayOffset)
          const input: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues, schedule }
          const before = contributionStatus(input, date)
          const arrears: PayableDue[] = before.arrears.map((a) => ({ month: a.month, programme: 'jkk_jkm', payer: 'self', amountIdr: a.openIdr }))
          const from = before.nextPayableMonth as string
          const upcoming = Array.from({ length: 12 }, (_, i): PayableDue => ({ month: addMonths(from, i), programme: 'jkk_jkm', payer: 'self', amountIdr: BPU_MONTH_IDR }))
          let a
          try {
            a = allocatePayment({ arrears, upcoming, creditIdr, ...(p.months ? { months: p.months } : { amountIdr: p.amountIdr }) })
          } catch {
            continue
          }
          receivedIdr += a.amountIdr
          creditIdr = a.creditIdr
          for (const m of a.months) {
            const i = dues.findIndex((d) => d.month === m.month)
            expect(i === -1 || dues[i]?.paidOn === null).toBe(true)
            const due: Due = { month: m.month, programme: 'jkk_jkm', payer: 'self', amountIdr: m.amountIdr, dueDate: contributionDueDate(m.month, 'bpu_jkk_jkm', DUE_RULES, CALENDAR_2026).date, paidOn: date }
            if (i === -1) dues.push(due)
            else dues[i] = due
          }
          dues.sort((x, y) => (x.month < y.month ? -1 : 1))
          const after = contributionStatus({ rule: 'bpu_lapse', lapse: LAPSE_RULE, dues, schedule }, date)
          if (a.months.length > arrears.length) expect(after.status).toBe('aktif')
          expect(after.writtenOff.every((w) => !a.months.some((m) => m.month === w.month))).toBe(true)
        }
        const view = accountView({ rule: 'bpu_lapse', lapse: LAPSE_RULE, dues, schedule, creditIdr }, date)
        expect(view.totalPaidIdr + creditIdr).toBe(receivedIdr)
        for (const m of view.months) if (m.state === 'paid') expect(m.status).toBe('aktif')
      }),
      { numRuns: 200 },
    )
  })
})
