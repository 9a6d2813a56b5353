import { addDays, type LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { addMonthsToDate } from '../../programmes/domain/late-fine.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import type { ClaimInput } from './claim-input.js'
import { jhtRules, jkpRules } from './rules-jkp-jht.js'
import { beasiswaRules, jkkRules, jkmRules } from './rules-jkm-jkk.js'
import type { RuleResult } from './rule-result.js'
import { programmeOf, type Eligibility, type EligibilityLine } from './types.js'

/** The last filing date for the claim, from dated data; null when regulations.md gives none. */
export function claimDeadline(input: Pick<ClaimInput, 'kind' | 'eventDate'>, regs: RegulationSet): LocalDate | null {
  if (input.kind === 'jkp') {
    const cash = regs.benefits.jkpCash.require(input.eventDate).value
    return cash === null ? null : addDays(addMonthsToDate(input.eventDate, cash.claimWithinMonths), -1)
  }
  const d = regs.benefitRules.claimDeadlines.require(input.eventDate).value
  const years = programmeOf(input.kind) === 'JKK' ? d.jkk_years : programmeOf(input.kind) === 'JKM' ? d.jkm_years : programmeOf(input.kind) === 'JHT' ? d.jht_years : null
  return typeof years === 'number' ? addDays(addMonthsToDate(input.eventDate, years * 12), -1) : null
}

/** Working days BPJS has to pay a complete claim: JKM 3, JKK 7, JHT 5 (PP 44/2015 Pasal 37, 40; PP 46/2015 Pasal 31(3)). */
export function serviceLevelWorkingDays(input: Pick<ClaimInput, 'kind' | 'eventDate' | 'scholarshipBasis'>, regs: RegulationSet): number | null {
  const d = regs.benefitRules.paymentDeadlines.require(input.eventDate).value
  const key = ({ JKM: 'jkm_working_days', JKK: 'jkk_working_days', JHT: 'jht_working_days', JKP: null } as const)[programmeOf(input.kind, input.scholarshipBasis)]
  const v = key === null ? null : d[key]
  return typeof v === 'number' ? v : null
}

/**
 * Pure eligibility of one claim from the account at the event date (issue 11 item 3): which lines are paid now,
 * which after the arrears are paid, and why; amounts from the benefit calculators of the programmes domain.
 */
export function claimEligibility(input: ClaimInput, regs: RegulationSet): Eligibility {
  if (input.filedOn < input.eventDate) throw new DomainError('invalid_input', 'filedOn: a claim cannot be filed before its event', { field: 'filedOn' })
  if (input.eventDate < regs.firstDate) throw new DomainError('no_rule_for_period', `eventDate ${input.eventDate} is before PP 44/2015 (1 July 2015)`, { field: 'eventDate' })
  const deadline = claimDeadline(input, regs)
  const late = deadline !== null && input.filedOn > deadline
  const r: RuleResult = late
    ? { lines: [], scholarship: null, reasons: [{ code: 'deadline_passed', message: `filed on ${input.filedOn}, after the deadline ${deadline}` }], citations: [], refused: true }
    : ruleFor(input, regs)
  const payNowIdr = sum(r.lines.filter((l) => l.payable === 'now'))
  const afterArrearsIdr = sum(r.lines.filter((l) => l.payable === 'after_arrears_paid'))
  const anything = r.lines.length > 0 || r.scholarship?.eligible === true
  const partial = afterArrearsIdr > 0 || r.reasons.some((x) => x.code === 'bpu_short_membership')
  return {
    kind: input.kind,
    eventDate: input.eventDate,
    decision: r.refused || !anything ? 'not_eligible' : partial ? 'partial' : 'eligible',
    lines: r.lines,
    payNowIdr,
    afterArrearsIdr,
    scholarship: r.scholarship,
    reasons: r.reasons,
    facts: input.facts,
    deadline,
    serviceLevelWorkingDays: serviceLevelWorkingDays(input, regs),
    citations: [...new Set(r.citations)],
  }
}

function ruleFor(input: ClaimInput, regs: RegulationSet): RuleResult {
  switch (input.kind) {
    case 'jkm':
      return jkmRules(input, regs)
    case 'beasiswa':
      return beasiswaRules(input, regs)
    case 'jkp':
      return jkpRules(input, regs)
    case 'jht':
      return jhtRules(input, regs)
    default:
      return jkkRules(input, regs)
  }
}

function sum(lines: readonly EligibilityLine[]): number {
  return lines.reduce((t, l) => t + l.amountIdr, 0)
}
