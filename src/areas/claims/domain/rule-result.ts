import type { ScholarshipResult } from '../../programmes/domain/benefit-types.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import type { ClaimInput } from './claim-input.js'
import type { EligibilityLine, Payable } from './types.js'

/** What a rule returns before the common parts (totals, decision, deadline, service level) are added. */
export interface RuleResult {
  lines: EligibilityLine[]
  scholarship: ScholarshipResult | null
  reasons: { code: string; message: string }[]
  citations: string[]
  /** Set when the claim gives nothing (not covered, out of time, a condition not met). */
  refused?: boolean
}

/** Protection at the event date for JKK/JKM (regulations.md §1.4; PP 44/2015 Pasal 39, 42): the gate every such rule shares. */
export function protectionAt(input: ClaimInput, regs: RegulationSet): { refusal: string | null; cashPayable: Payable; citation: string } {
  const window = regs.benefits.arrearsWindowMonths.require(input.eventDate)
  const { status, arrearsMonths } = input.facts
  if (status === 'terdaftar') return { refusal: 'registered, first contribution not paid: not yet covered at the event date', cashPayable: 'now', citation: 'PP 44/2015 Pasal 11(4)-(5)' }
  if (status === 'berhenti') return { refusal: 'membership had ended before the event date', cashPayable: 'now', citation: window.citation }
  if (input.rule === 'protection_period' && status === 'nonaktif') return { refusal: 'the paid protection period was over at the event date', cashPayable: 'now', citation: 'DESIGN.md §7' }
  if (input.rule !== 'bpu_lapse') return { refusal: null, cashPayable: 'now', citation: 'PP 44/2015 Pasal 38, 41' }
  if (arrearsMonths > window.value) {
    return { refusal: `${arrearsMonths} consecutive months in arrears (> ${window.value}): no right to JKK/JKM benefits`, cashPayable: 'now', citation: window.citation }
  }
  return { refusal: null, cashPayable: arrearsMonths > 0 ? 'after_arrears_paid' : 'now', citation: window.citation }
}

/** A claim that gives nothing, with the reason. */
export function refused(message: string, citation: string, code = 'not_covered'): RuleResult {
  return { lines: [], scholarship: null, reasons: [{ code, message }], citations: [citation], refused: true }
}
