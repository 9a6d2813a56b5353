import { applyRateppm } from '../../../kernel/money.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { lateMonths } from './late-fine.js'
import type { Period } from './periods.js'
import type { QuoteLine } from './quote-types.js'
import type { LateMonthCounting } from './types.js'

export interface FineRule {
  rate: Period<number>
  counting: Period<LateMonthCounting>
  /** The due date of the line being fined. */
  dueOf: (line: QuoteLine) => LocalDate
  /** Who bears the fine of a line (PU: the employer, also on worker shares). */
  payerOf: (line: QuoteLine) => string
}

/**
 * Late fines: one `denda` line per late contribution line, rate per month × months of delay, rounded once.
 * PU: PP 44/2015 Pasal 22; PP 46/2015 Pasal 20; PP 45/2015 Pasal 31 (the employer bears all of it).
 */
export function fineLines(lines: readonly QuoteLine[], paidOn: LocalDate, rule: FineRule): QuoteLine[] {
  if (rule.rate.value === 0) return []
  const out: QuoteLine[] = []
  for (const line of lines) {
    const due = rule.dueOf(line)
    const months = lateMonths(due, paidOn, rule.counting.value)
    if (months === 0) continue
    const rateppm = rule.rate.value * months
    out.push({
      programme: 'denda',
      payer: rule.payerOf(line),
      baseIdr: line.amountIdr,
      rateppm,
      amountIdr: applyRateppm(line.amountIdr, rateppm),
      finedProgramme: line.programme,
      finedPayer: line.payer,
      lateMonths: months,
      monthlyRateppm: rule.rate.value,
      dueDate: due,
      paidOn,
      lateMonthCounting: rule.counting.value,
      lateMonthCountingEvidence: rule.counting.evidence,
      citation: rule.rate.citation,
      evidence: rule.rate.evidence,
    })
  }
  return out
}
