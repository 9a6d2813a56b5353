import { applyRateppm } from '../../../kernel/money.js'
import { monthIndex } from '../../../kernel/month.js'
import { dueDate } from './due-dates.js'
import type { HolidayCalendar } from './holidays.js'
import { holidayNote } from './quote-pu.js'
import { cite, sumLines, type Quote, type QuoteLine, type StateWorkerQuoteInput } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { applyRelief } from './relief-factor.js'

/**
 * Non-ASN and election organisers: workers of a state employer. Their basis is flagged data (default: JKK risk
 * group I + JKM 0.30 % on the declared honorarium, evidence R), never the BPU rate by accident (DESIGN.md §7).
 */
export function quoteStateWorker(input: StateWorkerQuoteInput, regs: RegulationSet, calendar: HolidayCalendar): Quote {
  const mi = monthIndex(input.month)
  const basis = (input.segment === 'non_asn' ? regs.stateWorkers.nonAsn : regs.stateWorkers.pemilu).require(mi)
  const group = input.riskGroup ?? basis.value.jkkRiskGroup
  const jkkRates = regs.pu.jkkRateByGroup.require(mi)
  const base = input.honorariumIdr
  const lines: QuoteLine[] = []
  const flagged = { basis: 'flagged', basisCitation: basis.citation, basisEvidence: basis.evidence }
  if (basis.value.programmes.includes('jkk')) {
    const rate = jkkRates.value[group] as number
    lines.push({ programme: 'jkk', payer: 'employer', baseIdr: base, rateppm: rate, amountIdr: applyRateppm(base, rate), riskGroup: group, ...flagged, ...cite(jkkRates) })
  }
  if (basis.value.programmes.includes('jkm')) {
    const rate = basis.value.jkmRateppm
    lines.push({ programme: 'jkm', payer: 'employer', baseIdr: base, rateppm: rate, amountIdr: applyRateppm(base, rate), ...flagged, ...cite(basis) })
  }
  const pp49 = regs.relief.pp49JkkJkmFactor.require(mi)
  for (const line of lines) applyRelief(line, pp49, pp49.value)
  const due = dueDate(input.month, regs.due.pu.value(mi), calendar)
  const dueDates: Record<string, string> = {}
  for (const l of lines) dueDates[l.programme] = due.date
  const notes: Quote['notes'] = [{
    code: 'flagged_basis',
    message: `the contribution basis of ${input.segment === 'non_asn' ? 'non-ASN workers' : 'election organisers'} is not confirmed (evidence ${basis.evidence}): ${basis.citation}`,
  }]
  if (!due.holidaysKnown) notes.push(holidayNote(due.date))
  return { month: input.month, segment: input.segment, lines, billedIdr: sumLines(lines), notBilled: [], allocations: [], dueDates, notes }
}
