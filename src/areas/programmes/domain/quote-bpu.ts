import { DomainError } from '../../../kernel/errors.js'
import { applyRateppm, PPM } from '../../../kernel/money.js'
import { monthIndex } from '../../../kernel/month.js'
import { dueDate } from './due-dates.js'
import type { HolidayCalendar } from './holidays.js'
import type { Period } from './periods.js'
import { fineLines } from './quote-fines.js'
import { holidayNote } from './quote-pu.js'
import { cite, sumLines, type BpuQuoteInput, type Quote, type QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { applyRelief } from './relief-factor.js'
import type { BpuPayer, IncomeLevel, Sector } from './types.js'

/** Index of the level whose range [fromIdr, next fromIdr) holds the declared income (binary search). */
export function findIncomeLevel(levels: readonly IncomeLevel[], incomeIdr: number): number {
  let lo = 0
  let hi = levels.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((levels[mid] as IncomeLevel).fromIdr <= incomeIdr) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The relief factor for BPU JKK/JKM: PP 49/2020 for its months, else PP 50/2025 by sector and payer. */
export function bpuReliefPeriod(regs: RegulationSet, mi: number, sector: Sector, payer: BpuPayer): { period: Period<unknown>; factorppm: number } {
  const pp49 = regs.relief.pp49JkkJkmFactor.require(mi)
  if (pp49.value !== PPM) return { period: pp49, factorppm: pp49.value }
  const window = (sector === 'transport' ? regs.relief.pp50Transport : regs.relief.pp50Other).require(mi)
  const excluded = window.value.excludedPayers.includes(payer)
  return { period: window, factorppm: excluded ? PPM : window.value.factorppm }
}

export function checkIncome(regs: RegulationSet, mi: number, incomeIdr: number): void {
  const min = regs.bpu.minimumIncome.value(mi)
  if (!(incomeIdr >= min)) {
    throw new DomainError('not_eligible', `income ${incomeIdr} is below the lowest BPU income level: a BPU registers with at least ${min} a month`, { field: 'income', minimumIdr: min })
  }
}

export function beforeStart(regs: RegulationSet, month: string): DomainError {
  return new DomainError(
    'no_rule_for_period',
    `month ${month} is before ${regs.firstMonth}: PP 44/2015 (JKK, JKM) and PP 45/2015 (JP) start on 1 July 2015`,
    { field: 'month', firstMonth: regs.firstMonth },
  )
}

function resolveSector(input: BpuQuoteInput, regs: RegulationSet, mi: number): Sector {
  if (input.sector) return input.sector
  const transport = bpuReliefPeriod(regs, mi, 'transport', input.payer).factorppm
  const other = bpuReliefPeriod(regs, mi, 'other', input.payer).factorppm
  if (transport !== other) {
    throw new DomainError('missing_field', `sector is required for ${input.month}: the PP 50/2025 discount depends on it (transport or other)`, { field: 'sector' })
  }
  return 'other'
}

/** BPU: declared income → level base, JKK 1 %, JKM flat, optional JHT 2 %, relief by month, sector and payer. */
export function quoteBpu(input: BpuQuoteInput, regs: RegulationSet, calendar: HolidayCalendar): Quote {
  const mi = monthIndex(input.month)
  checkIncome(regs, mi, input.incomeIdr)
  const sector = resolveSector(input, regs, mi)
  const levels = regs.bpu.incomeLevels.require(mi)
  const level = levels.value[findIncomeLevel(levels.value, input.incomeIdr)] as IncomeLevel
  const jkkRate = regs.bpu.jkkRate.require(mi)
  const jkmFlat = regs.bpu.jkmFlat.require(mi)
  const payer = input.payer
  const lines: QuoteLine[] = [
    { programme: 'jkk', payer, baseIdr: level.baseIdr, rateppm: jkkRate.value, amountIdr: applyRateppm(level.baseIdr, jkkRate.value), level: level.level, incomeIdr: input.incomeIdr, ...cite(jkkRate) },
    { programme: 'jkm', payer, baseIdr: jkmFlat.value, rateppm: PPM, amountIdr: jkmFlat.value, flat: true, ...cite(jkmFlat) },
  ]
  const relief = bpuReliefPeriod(regs, mi, sector, payer)
  for (const line of lines) applyRelief(line, relief.period, relief.factorppm)
  if (input.programmes.includes('jht')) {
    const jht = regs.bpu.jhtRate.require(mi)
    lines.push({ programme: 'jht', payer, baseIdr: level.baseIdr, rateppm: jht.value, amountIdr: applyRateppm(level.baseIdr, jht.value), level: level.level, ...cite(jht) })
  }
  const notes: Quote['notes'] = []
  const window = (sector === 'transport' ? regs.relief.pp50Transport : regs.relief.pp50Other).require(mi)
  if (window.value.factorppm !== PPM && relief.factorppm === PPM && window.value.excludedPayers.includes(payer)) {
    notes.push({ code: 'discount_not_for_payer', message: `the PP 50/2025 discount does not apply to contributions paid by ${payer === 'apbn' ? 'the APBN' : 'an APBD (pemda)'}: normal amount` })
  }
  const jkkDue = dueDate(input.month, regs.due.bpuJkkJkm.value(mi), calendar)
  const dueDates: Record<string, string> = { jkk: jkkDue.date, jkm: jkkDue.date }
  const dues = [jkkDue]
  if (input.programmes.includes('jht')) {
    const jhtDue = dueDate(input.month, regs.due.bpuJht.value(mi), calendar)
    dueDates.jht = jhtDue.date
    dues.push(jhtDue)
  }
  for (const d of dues) if (!d.holidaysKnown) notes.push(holidayNote(d.date))
  if (input.paidOn) {
    const rate = regs.fines.bpuLateFinePerMonth.require(mi)
    const rule = { rate, counting: regs.fines.lateMonthCounting.require(mi), dueOf: (l: QuoteLine) => dueDates[l.programme] as string, payerOf: (l: QuoteLine) => l.payer }
    const fines = fineLines(lines, input.paidOn, rule)
    if (fines.length === 0 && rate.value === 0) notes.push({ code: 'no_late_fine', message: `no late-payment fine for BPU (${rate.citation}, evidence ${rate.evidence})` })
    lines.push(...fines)
  }
  return {
    month: input.month,
    segment: 'bpu',
    sector,
    payer,
    level: { level: level.level, incomeIdr: input.incomeIdr, baseIdr: level.baseIdr, evidence: level.evidence ?? levels.evidence, citation: levels.citation },
    lines,
    billedIdr: sumLines(lines),
    notBilled: [],
    allocations: [],
    dueDates,
    notes,
  }
}
