import { applyRateppm } from '../../../kernel/money.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { lateMonths } from './late-fine.js'
import type { QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'

/**
 * PU late fines: one `denda` line per late contribution line, rate per month × months of delay, rounded once.
 * The employer bears the whole fine, also on worker shares (PP 44/2015 Pasal 22; PP 46/2015 Pasal 20; PP 45/2015 Pasal 31).
 */
export function fineLines(lines: readonly QuoteLine[], due: LocalDate, paidOn: LocalDate, regs: RegulationSet, mi: number): QuoteLine[] {
  const counting = regs.fines.lateMonthCounting.require(mi)
  const months = lateMonths(due, paidOn, counting.value)
  if (months === 0) return []
  const rate = regs.fines.puLateFinePerMonth.require(mi)
  return lines.map((line) => ({
    programme: 'denda',
    payer: 'employer',
    baseIdr: line.amountIdr,
    rateppm: rate.value * months,
    amountIdr: applyRateppm(line.amountIdr, rate.value * months),
    finedProgramme: line.programme,
    finedPayer: line.payer,
    lateMonths: months,
    monthlyRateppm: rate.value,
    dueDate: due,
    paidOn,
    lateMonthCounting: counting.value,
    lateMonthCountingEvidence: counting.evidence,
    citation: rate.citation,
    evidence: rate.evidence,
  }))
}
