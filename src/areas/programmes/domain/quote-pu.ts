import { applyRateppm, PPM } from '../../../kernel/money.js'
import { monthIndex } from '../../../kernel/month.js'
import { dueDate } from './due-dates.js'
import type { HolidayCalendar } from './holidays.js'
import { fineLines } from './quote-fines.js'
import { cite, sumLines, type Allocation, type NotBilledLine, type PuQuoteInput, type Quote, type QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { applyRelief } from './relief-factor.js'

/** PU: JKK by risk group, JKM, JHT and JP by business scale, JP on the capped wage, JKP shown but not billed. */
export function quotePu(input: PuQuoteInput, regs: RegulationSet, calendar: HolidayCalendar): Quote {
  const mi = monthIndex(input.month)
  const { pu, relief } = regs
  const wage = input.wageIdr
  const programmes = pu.programmesByScale.require(mi)
  const mandatory = programmes.value[input.scale]
  const notes: Quote['notes'] = []
  const lines: QuoteLine[] = [jkkLine(input, regs, mi, notes)]

  const jkm = pu.jkmRate.require(mi)
  lines.push({ programme: 'jkm', payer: 'employer', baseIdr: wage, rateppm: jkm.value, amountIdr: applyRateppm(wage, jkm.value), ...cite(jkm) })
  const pp49 = relief.pp49JkkJkmFactor.require(mi)
  for (const line of lines) applyRelief(line, pp49, pp49.value)

  const notBilled: NotBilledLine[] = []
  if (mandatory.includes('jht')) {
    const jht = pu.jhtRate.require(mi)
    for (const payer of ['employer', 'worker'] as const) {
      lines.push({ programme: 'jht', payer, baseIdr: wage, rateppm: jht.value[payer], amountIdr: applyRateppm(wage, jht.value[payer]), ...cite(jht) })
    }
  }
  if (mandatory.includes('jp')) lines.push(...jpLines(wage, regs, mi, notBilled))

  const allocations: Allocation[] = []
  if (input.jkp !== false) jkpShare(wage, regs, mi, notBilled, allocations)

  const due = dueDate(input.month, regs.due.pu.value(mi), calendar)
  const dueDates: Record<string, string> = {}
  for (const p of mandatory) dueDates[p] = due.date
  if (!due.holidaysKnown) notes.push(holidayNote(due.date))
  if (input.paidOn) {
    const rule = { rate: regs.fines.puLateFinePerMonth.require(mi), counting: regs.fines.lateMonthCounting.require(mi), dueOf: () => due.date, payerOf: () => 'employer' }
    lines.push(...fineLines(lines, input.paidOn, rule))
  }
  return {
    month: input.month,
    segment: 'pu',
    scale: input.scale,
    programmes: [...mandatory],
    lines,
    billedIdr: sumLines(lines),
    notBilled,
    allocations,
    dueDates,
    notes,
    scaleCitation: programmes.citation,
    scaleEvidence: programmes.evidence,
  }
}

function jkkLine(input: PuQuoteInput, regs: RegulationSet, mi: number, notes: Quote['notes']): QuoteLine {
  const normal = regs.pu.jkkRateByGroup.require(mi)
  const normalRate = normal.value[input.riskGroup] as number
  const line: QuoteLine = {
    programme: 'jkk', payer: 'employer', baseIdr: input.wageIdr, rateppm: normalRate,
    amountIdr: applyRateppm(input.wageIdr, normalRate), riskGroup: input.riskGroup, ...cite(normal),
  }
  if (!input.pp72025) return line
  const pp7 = regs.relief.pp7JkkRateByGroup.require(mi)
  if (pp7.value === null) {
    notes.push({ code: 'pp7_2025_not_in_force', message: `PP 7/2025 has no JKK relief for ${input.month} (contribution months Feb 2025 – Jan 2026)` })
    return line
  }
  // PP 7/2025 states the discounted rate itself: use it, not a factor (regulations.md "Units").
  const rate = pp7.value[input.riskGroup] as number
  line.normalRateppm = normalRate
  line.normalAmountIdr = line.amountIdr
  line.rateppm = rate
  line.amountIdr = applyRateppm(input.wageIdr, rate)
  line.discountCitation = pp7.citation
  line.discountEvidence = pp7.evidence
  return line
}

function jpLines(wage: number, regs: RegulationSet, mi: number, notBilled: NotBilledLine[]): QuoteLine[] {
  const cap = regs.pu.jpWageCap.require(mi)
  const rate = regs.pu.jpRate.require(mi)
  const share = regs.relief.pp49JpPaidShare.require(mi)
  const base = Math.min(wage, cap.value)
  return (['employer', 'worker'] as const).map((payer) => {
    const full = applyRateppm(base, rate.value[payer])
    const line: QuoteLine = {
      programme: 'jp', payer, baseIdr: base, rateppm: rate.value[payer], amountIdr: full, wageIdr: wage,
      capIdr: cap.value, capCitation: cap.citation, capEvidence: cap.evidence, ...cite(rate),
    }
    if (share.value !== PPM) {
      // PP 49/2020: only 1 % of the JP due is paid monthly; the rest is deferred, owed later.
      line.amountIdr = applyRateppm(full, share.value)
      line.normalAmountIdr = full
      line.factorppm = share.value
      notBilled.push({ programme: 'jp', payer, kind: 'deferred', baseIdr: full, rateppm: PPM - share.value, amountIdr: full - line.amountIdr, ...cite(share) })
    }
    return line
  })
}

function jkpShare(wage: number, regs: RegulationSet, mi: number, notBilled: NotBilledLine[], allocations: Allocation[]): void {
  const gov = regs.pu.jkpGovernmentShare.require(mi)
  if (gov.value === 0) return
  const cap = regs.pu.jkpWageCap.require(mi).value ?? wage
  const base = Math.min(wage, cap)
  notBilled.push({ programme: 'jkp', payer: 'apbn', kind: 'government_share', baseIdr: base, rateppm: gov.value, amountIdr: applyRateppm(base, gov.value), ...cite(gov) })
  const fromJkk = regs.pu.jkpJkkRecomposition.require(mi)
  if (fromJkk.value > 0) {
    allocations.push({ from: 'jkk', to: 'jkp', baseIdr: base, rateppm: fromJkk.value, amountIdr: applyRateppm(base, fromJkk.value), ...cite(fromJkk) })
  }
  const fromJkm = regs.pu.jkpJkmRecomposition.require(mi)
  if (fromJkm.value > 0) {
    allocations.push({ from: 'jkm', to: 'jkp', baseIdr: base, rateppm: fromJkm.value, amountIdr: applyRateppm(base, fromJkm.value), ...cite(fromJkm) })
  }
}

export function holidayNote(date: string): { code: string; message: string } {
  return {
    code: 'holidays_unknown',
    message: `reference/holidays.yaml has no holiday list for ${date.slice(0, 4)}: due dates moved past weekends only`,
  }
}
