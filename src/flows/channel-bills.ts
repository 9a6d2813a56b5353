import type { LocalDate } from '../kernel/dates.js'
import { isDomainError } from '../kernel/errors.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { allocatePayment, contributionStatus, loadPayerAccount, MAX_MONTHS_PER_PAYMENT, type ParticipantContributions } from '../areas/contributions/index.js'
import { SnapRefusal, type CustomerNo, type OwedMonth } from '../areas/channels/index.js'
import type { ParticipantRecord } from '../areas/participants/index.js'
import { registrationToday } from './registration-context.js'
import { payableLines } from './take-payment.js'

/** What a channel may bill a worker now: the months in allocation order, the credit held, the months already paid. */
export interface ChannelBills {
  participant: ParticipantRecord
  contributions: ParticipantContributions
  /** The worker's local date (WITA/WIT): the payment's business date. */
  asOf: LocalDate
  owed: OwedMonth[]
  creditIdr: number
  paidMonths: Set<Month>
}

/**
 * The bills of a worker as the contributions ledger has them (the same lines take-payment allocates): arrears
 * first, then the current and next months, at most 12 in all. Unknown customerNo → `404xx12`; an ended membership
 * → `404xx12`; a worker whose months a pemda, the APBN, a sponsor or an employer pays owes nothing → `404xx14`.
 * With `lock` (payments) the participant row is locked first, so concurrent payments of one worker queue.
 */
export async function channelBills(sql: Sql, customer: CustomerNo, now: Date, options: { lock: boolean }): Promise<ChannelBills> {
  // the worker and their account in one statement (the channel API's hot path)
  const found = await loadPayerAccount(sql, customer, { lock: options.lock, asOfOf: (p) => registrationToday(now, p.regencyCode) })
  if (!found) throw new SnapRefusal('invalidBill', 'customerNo not found')
  const { participant, asOf, contributions } = found
  const enrolment = contributions.enrolment
  if (!enrolment || contributionStatus(contributions.input, asOf).status === 'berhenti') throw new SnapRefusal('invalidBill', 'membership ended')
  if (enrolment.payer !== 'self') throw new SnapRefusal('paidBill')
  const lines = payableOrNothing(contributions, asOf)
  const owed = allocateAll(lines)
  if (owed.length === 0) throw new SnapRefusal('paidBill')
  const paidMonths = new Set(contributions.dues.filter((d) => d.paidOn !== null && d.payer === 'self').map((d) => d.month as Month))
  return { participant, contributions, asOf, owed, creditIdr: lines.creditIdr, paidMonths }
}

/** Nothing open to pay (e.g. a PMI with no open protection period) is a paid bill, not an error. */
function payableOrNothing(contributions: ParticipantContributions, asOf: LocalDate): ReturnType<typeof payableLines> {
  try {
    return payableLines(contributions, asOf)
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_state') throw new SnapRefusal('paidBill')
    throw error
  }
}

function allocateAll(lines: ReturnType<typeof payableLines>, months = MAX_MONTHS_PER_PAYMENT): OwedMonth[] {
  try {
    return allocatePayment({ ...lines, months }).months.map((m) => ({ month: m.month, amountIdr: m.amountIdr, arrears: m.arrears }))
  } catch (error) {
    const available = isDomainError(error) ? error.details.available : undefined
    if (typeof available === 'number' && available > 0 && available < months) return allocateAll(lines, available)
    if (isDomainError(error) && error.code === 'invalid_state') return []
    throw error
  }
}
