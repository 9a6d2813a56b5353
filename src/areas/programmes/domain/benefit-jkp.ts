import { DomainError } from '../../../kernel/errors.js'
import type { LocalDate } from '../../../kernel/dates.js'
import { applyRateppm } from '../../../kernel/money.js'
import type { Benefit, BenefitLine } from './benefit-types.js'
import { cite } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'

export interface JkpBenefitInput {
  /** Date of the PHK: PP 37/2021 before 7 Feb 2025, PP 6/2025 from then. */
  date: LocalDate
  wageIdr: number
}

/** JKP cash benefit on the wage capped at the JKP wage cap, month tranches per the PP in force at the PHK. */
export function benefitJkp(input: JkpBenefitInput, regs: RegulationSet): Benefit {
  if (input.date < regs.firstDate) throw new DomainError('no_rule_for_period', `date ${input.date} is before PP 44/2015 (1 July 2015)`, { field: 'date' })
  const period = regs.benefits.jkpCash.require(input.date)
  const cash = period.value
  if (cash === null) {
    throw new DomainError('no_rule_for_period', `date: there is no JKP before PP 37/2021 (2 Feb 2021), got ${input.date}`, { field: 'date' })
  }
  const base = Math.min(input.wageIdr, cash.wageCapIdr)
  let month = 1
  const lines: BenefitLine[] = cash.tranches.map((t) => {
    const monthlyIdr = applyRateppm(base, t.rateppm)
    const line = {
      item: `uang_tunai_bulan_${month}_${month + t.months - 1}`,
      amountIdr: monthlyIdr * t.months,
      months: t.months,
      monthlyIdr,
      baseIdr: base,
      rateppm: t.rateppm,
      ...cite(period),
    }
    month += t.months
    return line
  })
  const consecutive = cash.minConsecutiveMonths > 0 ? ` and ≥ ${cash.minConsecutiveMonths} consecutive months paid before the PHK` : ''
  return {
    benefit: 'jkp',
    date: input.date,
    wageIdr: input.wageIdr,
    baseIdr: base,
    wageCapIdr: cash.wageCapIdr,
    lines,
    totalIdr: lines.reduce((t, l) => t + l.amountIdr, 0),
    conditions: {
      minContributionMonths: cash.minContributionMonths,
      withinMonths: cash.withinMonths,
      minConsecutiveMonths: cash.minConsecutiveMonths,
      claimWithinMonths: cash.claimWithinMonths,
      text: `masa iur ≥ ${cash.minContributionMonths} months within ${cash.withinMonths} months${consecutive}; claim within ${cash.claimWithinMonths} months of the PHK; not for resignation, total permanent disability, retirement or death`,
    },
    notes: [],
  }
}
