import { DomainError } from '../../../kernel/errors.js'
import type { Month } from '../../../kernel/month.js'
import type { Payer } from './types.js'

/**
 * FLAGGED: 1–12 months per payment, arrears included (DESIGN.md §7). Advance periods are not confirmed by a
 * regulation (regulations.md §1.3 [R]/[S1], §10 item 2: Permenaker 5/2021 not read).
 */
export const MAX_MONTHS_PER_PAYMENT = 12

/** A due a payment may settle: an open arrears due, or a current/future month's line from the tariff. */
export interface PayableDue {
  readonly month: Month
  readonly programme: string
  readonly payer: Payer
  readonly amountIdr: number
  /** The stored due's id when it exists (arrears, months billed ahead); absent for months not billed yet. */
  readonly dueId?: string
}

export interface AllocationInput {
  /** Open arrears inside the window, oldest first (ContributionStatus.arrears); written-off months must not be passed. */
  readonly arrears: readonly PayableDue[]
  /** Lines of the current and future months from ContributionStatus.nextPayableMonth on, in month order, at least 12 months. */
  readonly upcoming: readonly PayableDue[]
  /** Money received now; omit with `months` to be told what to charge. */
  readonly amountIdr?: number
  /** Months asked for, 1–12, arrears included; omit to buy as many whole months as the money covers. */
  readonly months?: number
  /** Credit held before this payment: used first. */
  readonly creditIdr?: number
}

export interface AllocatedMonth {
  readonly month: Month
  readonly amountIdr: number
  readonly arrears: boolean
  readonly dues: readonly PayableDue[]
}

export interface Allocation {
  readonly months: readonly AllocatedMonth[]
  /** The money received (what to charge when only months were asked). */
  readonly amountIdr: number
  readonly paidToDuesIdr: number
  readonly creditUsedIdr: number
  /** Cash that went to dues (paidToDuesIdr − creditUsedIdr) and cash kept as credit. */
  readonly cashToDuesIdr: number
  readonly cashToCreditIdr: number
  /** Credit held after the payment. */
  readonly creditIdr: number
  readonly paidThrough: Month | null
}

interface PayableMonth {
  month: Month
  amountIdr: number
  arrears: boolean
  dues: PayableDue[]
}

/**
 * Which months a payment settles (DESIGN.md §7): existing credit first, then the money; open arrears oldest first,
 * then the current and future months; whole months only, 1–12 in all; what does not make a whole month is credit.
 * Lines a pemda, the APBN, a sponsor or an employer pays are not the worker's to pay and are skipped.
 */
export function allocatePayment(input: AllocationInput): Allocation {
  const creditIdr = input.creditIdr ?? 0
  checkMoney(creditIdr, 'creditIdr')
  if (input.amountIdr !== undefined) checkMoney(input.amountIdr, 'amountIdr')
  if (input.months !== undefined && (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_MONTHS_PER_PAYMENT)) {
    throw new DomainError('out_of_range', `months must be 1–${MAX_MONTHS_PER_PAYMENT}, arrears included`, { field: 'months', value: input.months })
  }
  if (input.months === undefined && input.amountIdr === undefined) throw new DomainError('missing_field', 'give the amount paid or the number of months', { field: 'amountIdr' })
  const payable = payableMonths(input)
  if (payable.length === 0) throw new DomainError('invalid_state', 'nothing is the participant\'s to pay', { field: 'months' })
  const take = input.months ?? wholeMonths(payable, creditIdr + (input.amountIdr as number))
  if (take > payable.length) {
    throw new DomainError('invalid_input', `only ${payable.length} months can be paid now`, { field: 'months', available: payable.length })
  }
  const chosen = payable.slice(0, take)
  const paidToDuesIdr = chosen.reduce((t, m) => t + m.amountIdr, 0)
  const amountIdr = input.amountIdr ?? Math.max(0, paidToDuesIdr - creditIdr)
  if (take === 0 || creditIdr + amountIdr < paidToDuesIdr) {
    const neededIdr = (take === 0 ? (payable[0] as PayableMonth).amountIdr : paidToDuesIdr) - creditIdr
    throw new DomainError('invalid_input', `the amount does not pay ${take === 0 ? 'one month' : `${take} months`}: Rp${neededIdr} is needed`, {
      field: 'amountIdr',
      neededIdr,
    })
  }
  const creditUsedIdr = Math.min(creditIdr, paidToDuesIdr)
  const cashToDuesIdr = paidToDuesIdr - creditUsedIdr
  return {
    months: chosen,
    amountIdr,
    paidToDuesIdr,
    creditUsedIdr,
    cashToDuesIdr,
    cashToCreditIdr: amountIdr - cashToDuesIdr,
    creditIdr: creditIdr + amountIdr - paidToDuesIdr,
    paidThrough: chosen.length ? (chosen[chosen.length - 1] as PayableMonth).month : null,
  }
}

function checkMoney(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError('invalid_input', `${field} must be whole rupiah, not negative`, { field })
}

/** The worker's lines grouped by month, arrears first, at most 12 months. */
function payableMonths(input: AllocationInput): PayableMonth[] {
  const out: PayableMonth[] = []
  const seen = new Set<Month>()
  const add = (lines: readonly PayableDue[], arrears: boolean) => {
    let current: PayableMonth | undefined
    for (const due of lines) {
      checkMoney(due.amountIdr, 'amountIdr')
      if (due.payer !== 'self') continue
      if (current?.month !== due.month) {
        if (seen.has(due.month)) throw new DomainError('invalid_input', `month ${due.month} is given twice or out of order`, { field: 'month', month: due.month })
        seen.add(due.month)
        if (out.length === MAX_MONTHS_PER_PAYMENT) return
        current = { month: due.month, amountIdr: 0, arrears, dues: [] }
        out.push(current)
      }
      current.amountIdr += due.amountIdr
      current.dues.push(due)
    }
  }
  add(input.arrears, true)
  add(input.upcoming, false)
  return out.filter((m) => m.amountIdr > 0)
}

function wholeMonths(payable: readonly PayableMonth[], availableIdr: number): number {
  let n = 0
  let left = availableIdr
  for (const m of payable) {
    if (m.amountIdr > left) break
    left -= m.amountIdr
    n++
  }
  return n
}
