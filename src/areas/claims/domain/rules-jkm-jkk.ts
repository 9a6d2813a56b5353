import { DomainError } from '../../../kernel/errors.js'
import { applyRateppm } from '../../../kernel/money.js'
import { benefitJkkDeath } from '../../programmes/domain/benefit-jkk-death.js'
import { benefitJkm } from '../../programmes/domain/benefit-jkm.js'
import type { BenefitLine, ScholarshipResult } from '../../programmes/domain/benefit-types.js'
import { cite } from '../../programmes/domain/quote-types.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import { scholarshipFor } from '../../programmes/domain/scholarship.js'
import type { ClaimInput } from './claim-input.js'
import { protectionAt, refused, type RuleResult } from './rule-result.js'
import type { EligibilityLine, Payable } from './types.js'

/** JKM (death not caused by work): benefitJkm on the account at the death, behind the shared protection gate. */
export function jkmRules(input: ClaimInput, regs: RegulationSet): RuleResult {
  const p = protectionAt(input, regs)
  if (p.refusal) return refused(p.refusal, p.citation)
  const bpu = input.rule === 'bpu_lapse'
  const b = benefitJkm({
    date: input.eventDate,
    contributionMonths: input.facts.contributionMonths,
    segment: bpu ? 'bpu' : 'pu',
    consecutivePaidMonths: input.facts.consecutivePaidFromStart,
    arrearsMonths: bpu ? input.facts.arrearsMonths : 0,
    children: input.children ?? [],
  }, regs)
  return { lines: b.lines.map((l) => line(l, (l.payable as Payable | undefined) ?? 'now')), scholarship: b.scholarship as ScholarshipResult, reasons: b.notes, citations: [p.citation, ...b.lines.map((l) => l.citation)] }
}

/** JKK: medical care at once even in arrears (PP 44/2015 Pasal 39); cash benefits after the arrears are paid. */
export function jkkRules(input: ClaimInput, regs: RegulationSet): RuleResult {
  const p = protectionAt(input, regs)
  if (p.refusal) return refused(p.refusal, p.citation)
  const reasons = p.cashPayable === 'now' ? [] : [{ code: 'arrears_pending', message: `${input.facts.arrearsMonths} months in arrears: medical care now, cash benefits after the arrears are paid (${p.citation})` }]
  if (input.kind === 'jkk_medical') {
    const cost = positive(input.medicalCostIdr, 'medicalCostIdr')
    return { lines: [{ item: 'perawatan_medis', amountIdr: cost, payable: 'now', citation: 'PP 82/2019 Pasal 25(2)a', evidence: 'V-REG' }], scholarship: null, reasons, citations: [p.citation] }
  }
  const wage = positive(input.wageIdr, 'wageIdr')
  if (input.kind === 'jkk_death') {
    const b = benefitJkkDeath({ date: input.eventDate, wageIdr: wage, children: input.children ?? [] }, regs)
    return { lines: b.lines.map((l) => line(l, p.cashPayable)), scholarship: b.scholarship as ScholarshipResult, reasons: [...reasons, ...b.notes], citations: [p.citation, ...b.lines.map((l) => l.citation)] }
  }
  const care = regs.benefitRules.jkkCare.require(input.eventDate)
  const c = care.value as Record<string, number>
  if (input.kind === 'jkk_stmb') {
    const months = positive(input.stmbMonths, 'stmbMonths')
    const full = Math.min(months, c.stmb_full_months as number)
    const lines: EligibilityLine[] = [{ item: `stmb_bulan_1_${full}`, amountIdr: applyRateppm(wage, c.stmb_full_ppm as number) * full, payable: p.cashPayable, ...cite(care) }]
    if (months > full) lines.push({ item: `stmb_bulan_${full + 1}_${months}`, amountIdr: applyRateppm(wage, c.stmb_after_ppm as number) * (months - full), payable: p.cashPayable, ...cite(care) })
    return { lines, scholarship: null, reasons, citations: [p.citation, care.citation] }
  }
  const ppm = positive(input.disabilityppm, 'disabilityppm')
  if (ppm > 1_000_000) throw new DomainError('out_of_range', 'disabilityppm: at most 1,000,000 (total permanent disability)', { field: 'disabilityppm' })
  const total = ppm === 1_000_000
  const amountIdr = total ? wage * (c.total_disability_wage_multiple as number) : applyRateppm(wage * (c.partial_disability_wage_multiple as number), ppm)
  const scholarship = total ? scholarshipFor(regs, input.eventDate, 'jkk', input.facts.contributionMonths, input.children ?? []) : null
  return { lines: [{ item: total ? 'cacat_total_tetap' : 'cacat_sebagian', amountIdr, payable: p.cashPayable, ...cite(care) }], scholarship, reasons, citations: [p.citation, care.citation] }
}

/** A yearly scholarship claim for the children of a participant who died (JKM: masa iur ≥ 3 years; JKK: none). */
export function beasiswaRules(input: ClaimInput, regs: RegulationSet): RuleResult {
  const basis = input.scholarshipBasis
  if (basis !== 'jkm' && basis !== 'jkk') throw new DomainError('missing_field', 'scholarshipBasis: jkm or jkk', { field: 'scholarshipBasis' })
  const children = input.children ?? []
  if (children.length === 0) throw new DomainError('missing_field', 'children: the school level of each child', { field: 'children' })
  const p = protectionAt(input, regs)
  if (p.refusal) return refused(p.refusal, p.citation)
  const s = scholarshipFor(regs, input.eventDate, basis, input.facts.contributionMonths, children)
  if (!s.eligible) return { ...refused(s.reason, s.citation, 'scholarship_not_eligible'), scholarship: s }
  const lines = s.perYear.map((y) => ({ item: `beasiswa_anak_${y.child}_${y.level}`, amountIdr: y.amountIdr, payable: p.cashPayable, citation: s.citation, evidence: s.evidence }))
  return { lines, scholarship: s, reasons: [], citations: [p.citation, s.citation] }
}

function line(l: BenefitLine, payable: Payable): EligibilityLine {
  return { item: l.item, amountIdr: l.amountIdr, payable, citation: l.citation, evidence: l.evidence }
}

function positive(v: number | null | undefined, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new DomainError('missing_field', `${field}: a whole number above 0 is required for this claim`, { field })
  return v
}
