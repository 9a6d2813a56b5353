import type { StatusRule } from '../../participants/domain/categories.js'
import type { LapseRule } from './lapse-rule.js'
import type { BenefitConsequence, BenefitItem, Status } from './types.js'

const ALL: readonly BenefitItem[] = ['jkk_medical_care', 'jkk_cash', 'jkm_funeral', 'jkm_cash', 'jkm_scholarship']
const NOW_IN_ARREARS: readonly BenefitItem[] = ['jkk_medical_care', 'jkm_funeral']
const AFTER_ARREARS: readonly BenefitItem[] = ['jkk_cash', 'jkm_cash', 'jkm_scholarship']

/**
 * regulations.md §1.4 (PP 44/2015 Pasal 39, 42): in arrears within the window, medical care and the funeral cost at
 * once and the other cash after the arrears are paid; beyond it, nothing. PU workers: the employer carries its
 * arrears (Pasal 38, 41), so the worker keeps the full benefit. Other conditions (the BPU 3-paid-months JKM rule,
 * the scholarship's masa iur) are the claims calculators' business.
 */
export function benefitConsequence(rule: StatusRule, status: Status, arrearsMonths: number, lapse: LapseRule): BenefitConsequence {
  const citation = lapse.citation
  if (status === 'terdaftar') return none('registered, first contribution not paid: not yet covered', 'PP 44/2015 Pasal 11(4)-(5)')
  if (status === 'berhenti') return none('membership ended', citation)
  if (status === 'nonaktif') {
    const why = rule === 'protection_period' ? 'the paid protection period is over' : `more than ${lapse.windowMonths} consecutive months in arrears: no right to JKK/JKM benefits`
    return none(why, rule === 'protection_period' ? 'DESIGN.md §7 (protection period)' : citation)
  }
  if (rule === 'employer_carries') {
    const reason = arrearsMonths > lapse.windowMonths
      ? `the employer is ${arrearsMonths} months in arrears: the employer pays the benefits first and claims them back after settling (PP 44/2015 Pasal 38, 41)`
      : arrearsMonths > 0 ? `the employer is ${arrearsMonths} months in arrears; BPJS pays (PP 44/2015 Pasal 38, 41)` : 'paid up'
    return { level: 'full', payableNow: ALL, afterArrearsPaid: [], reason, citation: 'PP 44/2015 Pasal 38, 41' }
  }
  if (status === 'menunggak') {
    return {
      level: 'partial',
      payableNow: NOW_IN_ARREARS,
      afterArrearsPaid: AFTER_ARREARS,
      reason: `${arrearsMonths} month(s) in arrears: medical care and the funeral cost at once, other cash after the arrears are paid`,
      citation,
    }
  }
  return { level: 'full', payableNow: ALL, afterArrearsPaid: [], reason: 'paid up', citation }
}

function none(reason: string, citation: string): BenefitConsequence {
  return { level: 'none', payableNow: [], afterArrearsPaid: [], reason, citation }
}
