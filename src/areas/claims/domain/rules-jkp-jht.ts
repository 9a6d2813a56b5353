import { DomainError } from '../../../kernel/errors.js'
import { applyRateppm } from '../../../kernel/money.js'
import { addMonths, monthOfDate } from '../../../kernel/month.js'
import { benefitJkp } from '../../programmes/domain/benefit-jkp.js'
import { addMonthsToDate } from '../../programmes/domain/late-fine.js'
import { cite } from '../../programmes/domain/quote-types.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import { JKP_EXCLUDED_REASONS, type ClaimInput } from './claim-input.js'
import { refused, type RuleResult } from './rule-result.js'

/**
 * JKP (regulations.md §3.6): a PU worker after a PHK whose reason is not excluded, with masa iur ≥ 12 months in the
 * 24 calendar months ending with the PHK month (PP 37/2021 also: the 6 months before the PHK paid without a gap).
 */
export function jkpRules(input: ClaimInput, regs: RegulationSet): RuleResult {
  const period = regs.benefits.jkpCash.require(input.eventDate)
  const cash = period.value
  if (cash === null) return refused(`there is no JKP before PP 37/2021 (2 Feb 2021)`, period.citation, 'no_programme')
  if (input.rule !== 'employer_carries') return refused('JKP is for workers of an employer (PU) only', 'PP 37/2021 Pasal 4', 'not_covered')
  if (!input.phkReason) throw new DomainError('missing_field', 'phkReason is required for a JKP claim', { field: 'phkReason' })
  if (JKP_EXCLUDED_REASONS.includes(input.phkReason)) return refused(`no JKP for a PHK by ${input.phkReason}`, 'PP 37/2021 Pasal 20(1)', 'excluded_reason')
  const phkMonth = monthOfDate(input.eventDate)
  const from = addMonths(phkMonth, -(cash.withinMonths - 1))
  const paid = new Set(input.facts.paidMonths)
  const inWindow = input.facts.paidMonths.filter((m) => m >= from && m <= phkMonth).length
  if (inWindow < cash.minContributionMonths) {
    return refused(`masa iur ${inWindow} months in the ${cash.withinMonths} months to the PHK (< ${cash.minContributionMonths})`, period.citation, 'short_contributions')
  }
  if (cash.minConsecutiveMonths > 0) {
    let run = 0
    for (let m = addMonths(phkMonth, -1); paid.has(m); m = addMonths(m, -1)) run++
    if (run < cash.minConsecutiveMonths) return refused(`${run} consecutive months paid before the PHK (< ${cash.minConsecutiveMonths})`, period.citation, 'short_contributions')
  }
  if (typeof input.wageIdr !== 'number' || input.wageIdr <= 0) throw new DomainError('missing_field', 'wageIdr is required for a JKP claim', { field: 'wageIdr' })
  const b = benefitJkp({ date: input.eventDate, wageIdr: input.wageIdr }, regs)
  const lines = b.lines.map((l) => ({ item: l.item, amountIdr: l.amountIdr, payable: 'now' as const, citation: l.citation, evidence: l.evidence }))
  return { lines, scholarship: null, reasons: [{ code: 'masa_iur', message: `masa iur ${inWindow} months in the ${cash.withinMonths} months to the PHK` }], citations: [period.citation] }
}

/**
 * JHT (regulations.md §3.4): savings, so arrears never block it. Paid in full at pension age, total disability, death
 * or when a BPU stops working (after the waiting period); a partial withdrawal (30 % housing, 10 % other) needs ten
 * years of membership. The balance (contributions + returns) is BPJS's JHT system's figure, entered with the claim.
 */
export function jhtRules(input: ClaimInput, regs: RegulationSet): RuleResult {
  if (input.facts.status === 'terdaftar') return refused('registered, first contribution not paid: no JHT balance', 'PP 46/2015 Pasal 22', 'not_covered')
  if (!input.jhtReason) throw new DomainError('missing_field', 'jhtReason is required for a JHT claim', { field: 'jhtReason' })
  const balance = input.jhtBalanceIdr
  if (typeof balance !== 'number' || !Number.isSafeInteger(balance) || balance <= 0) throw new DomainError('missing_field', 'jhtBalanceIdr: the JHT balance is required', { field: 'jhtBalanceIdr' })
  const w = regs.benefitRules.jhtWithdrawal.require(input.eventDate)
  const rule = w.value as Record<string, number | null>
  if (input.jhtReason === 'berhenti_bekerja' && typeof rule.waiting_months === 'number') {
    const from = addMonthsToDate(input.eventDate, rule.waiting_months)
    if (input.filedOn < from) return refused(`after stopping work JHT is paid from ${from} (a ${rule.waiting_months}-month wait)`, w.citation, 'waiting_period')
  }
  if (input.jhtReason === 'sebagian_perumahan' || input.jhtReason === 'sebagian_lainnya') {
    const min = rule.min_membership_months as number
    if (input.facts.contributionMonths < min) return refused(`a partial withdrawal needs ${min} months of membership, the account shows ${input.facts.contributionMonths}`, w.citation, 'short_contributions')
    const ppm = (input.jhtReason === 'sebagian_perumahan' ? rule.housing_max_ppm : rule.other_max_ppm) as number
    return { lines: [{ item: input.jhtReason, amountIdr: applyRateppm(balance, ppm), payable: 'now', ...cite(w) }], scholarship: null, reasons: [], citations: [w.citation] }
  }
  return { lines: [{ item: 'saldo_jht', amountIdr: balance, payable: 'now', citation: 'PP 46/2015 Pasal 22(2)-(3); PP 60/2015', evidence: 'V-REG' }], scholarship: null, reasons: [], citations: [w.citation] }
}
