import { DomainError } from '../../../kernel/errors.js'
import type { LocalDate } from '../../../kernel/dates.js'
import type { Benefit, BenefitLine } from './benefit-types.js'
import { cite } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { scholarshipFor } from './scholarship.js'
import type { SchoolLevel } from './types.js'

export interface JkmBenefitInput {
  /** Date of death: picks PP 44/2015 (before 2 Dec 2019) or PP 82/2019. */
  date: LocalDate
  contributionMonths: number
  segment?: 'pu' | 'bpu'
  /** BPU: consecutive months paid since registering (full JKM after 3, S1). */
  consecutivePaidMonths?: number
  /** Consecutive months in arrears at the death (PP 44/2015 Pasal 42). */
  arrearsMonths?: number
  children?: readonly SchoolLevel[]
}

/** JKM: death not caused by work. Cash lines, the BPU 3-month rule, arrears, and the scholarship. */
export function benefitJkm(input: JkmBenefitInput, regs: RegulationSet): Benefit {
  if (input.date < regs.firstDate) throw new DomainError('no_rule_for_period', `date ${input.date} is before PP 44/2015 (1 July 2015)`, { field: 'date' })
  const b = regs.benefits
  const cash = b.jkmCash.require(input.date)
  const notes: Benefit['notes'] = []
  let lines: BenefitLine[] = [
    { item: 'santunan_sekaligus', amountIdr: cash.value.lumpSumIdr, ...cite(cash) },
    { item: 'santunan_berkala', amountIdr: cash.value.periodicIdr, ...cite(cash) },
    { item: 'biaya_pemakaman', amountIdr: cash.value.funeralIdr, ...cite(cash) },
  ]
  let blocked: string | undefined
  if (input.segment === 'bpu') {
    const rule = b.bpuJkmMinConsecutiveMonths.require(input.date)
    const paid = input.consecutivePaidMonths ?? input.contributionMonths
    if (paid < rule.value) {
      lines = lines.filter((l) => l.item === 'biaya_pemakaman')
      blocked = `BPU with ${paid} consecutive paid months (< ${rule.value}): funeral cost only`
      notes.push({ code: 'bpu_short_membership', message: `${blocked} (${rule.citation}, evidence ${rule.evidence})` })
    }
  }
  const window = b.arrearsWindowMonths.require(input.date)
  const arrears = input.arrearsMonths ?? 0
  if (arrears > window.value) {
    lines = []
    blocked = `${arrears} consecutive months in arrears (> ${window.value}): no right to JKM benefits`
    notes.push({ code: 'arrears_no_right', message: `${blocked} (${window.citation})` })
  } else if (arrears > 0) {
    for (const l of lines) l.payable = l.item === 'biaya_pemakaman' ? 'now' : 'after_arrears_paid'
    notes.push({ code: 'arrears_pending', message: `${arrears} months in arrears: the funeral cost is paid now, the rest after the heirs pay the arrears (${window.citation})` })
  }
  const scholarship = scholarshipFor(regs, input.date, 'jkm', input.contributionMonths, input.children ?? [], blocked)
  if (scholarship.eligible && regs.benefits.scholarship.require(input.date).value.kind === 'one_time') {
    lines.push({ item: 'beasiswa', amountIdr: scholarship.maxIdr, citation: scholarship.citation, evidence: scholarship.evidence })
  }
  return {
    benefit: 'jkm',
    date: input.date,
    contributionMonths: input.contributionMonths,
    lines,
    totalIdr: lines.reduce((t, l) => t + l.amountIdr, 0),
    scholarship,
    notes,
  }
}
