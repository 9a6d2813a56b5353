import { DomainError, isDomainError } from '../../../kernel/errors.js'
import type { LocalDate } from '../../../kernel/dates.js'
import type { Benefit, BenefitLine, ScholarshipResult } from './benefit-types.js'
import { cite } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { scholarshipFor } from './scholarship.js'
import type { SchoolLevel } from './types.js'

export interface JkkDeathInput {
  date: LocalDate
  /** The last wage at the accident (PP 44/2015 Pasal 32(1)); for a BPU the declared income level (R). */
  wageIdr: number
  children?: readonly SchoolLevel[]
}

/** JKK death: 48 × wage + santunan berkala + funeral, and the scholarship (no minimum masa iur). */
export function benefitJkkDeath(input: JkkDeathInput, regs: RegulationSet): Benefit {
  if (input.date < regs.firstDate) throw new DomainError('no_rule_for_period', `date ${input.date} is before PP 44/2015 (1 July 2015)`, { field: 'date' })
  const d = regs.benefits.jkkDeath.require(input.date)
  const lumpSum = input.wageIdr * d.value.wageMultiple
  if (!Number.isSafeInteger(lumpSum)) throw new DomainError('out_of_range', 'wage is too large', { field: 'wage' })
  const lines: BenefitLine[] = [
    { item: 'santunan_kematian', amountIdr: lumpSum, wageIdr: input.wageIdr, wageMultiple: d.value.wageMultiple, ...cite(d) },
    { item: 'santunan_berkala', amountIdr: d.value.periodicIdr, ...cite(d) },
    { item: 'biaya_pemakaman', amountIdr: d.value.funeralIdr, ...cite(d) },
  ]
  const notes: Benefit['notes'] = d.evidence === 'V-REG' ? [] : [{ code: 'unconfirmed', message: `amounts are evidence ${d.evidence}: ${d.note ?? d.citation}` }]
  let scholarship: ScholarshipResult
  try {
    scholarship = scholarshipFor(regs, input.date, 'jkk', 0, input.children ?? [])
  } catch (error) {
    // The cash benefit does not need the scholarship rule: an unknown scholarship figure is reported, not fatal.
    if (!isDomainError(error) || error.code !== 'unknown_figure') throw error
    const period = regs.benefits.scholarship.require(input.date)
    scholarship = { eligible: false, reason: error.message, perYear: [], firstYearIdr: 0, maxIdr: 0, maxFromCurrentLevelsIdr: 0, citation: period.citation, evidence: period.evidence }
    notes.push({ code: 'scholarship_unknown', message: error.message })
  }
  return {
    benefit: 'jkk-death',
    date: input.date,
    lines,
    totalIdr: lines.reduce((t, l) => t + l.amountIdr, 0),
    scholarship,
    notes,
  }
}
