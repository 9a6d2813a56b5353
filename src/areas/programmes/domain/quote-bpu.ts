import { DomainError } from '../../../kernel/errors.js'
import { applyRateppm, PPM } from '../../../kernel/money.js'
import { monthFromIndex, monthIndex } from '../../../kernel/month.js'
import { dueDate } from './due-dates.js'
import type { HolidayCalendar } from './holidays.js'
import type { Period } from './periods.js'
import { fineLines } from './quote-fines.js'
import { holidayNote } from './quote-pu.js'
import { cite, sumLines, type BpuQuoteInput, type Quote, type QuoteLine } from './quote-types.js'
import type { RegulationSet } from './regulation-set.js'
import { applyRelief } from './relief-factor.js'
import type { BpuPayer, IncomeLevel, Sector } from './types.js'

/** Amounts of one BPU contribution month, written into a caller-owned object (no allocation per call). */
export interface BpuMonthlyAmounts {
  level: number
  baseIdr: number
  jkkIdr: number
  jkmIdr: number
  jhtIdr: number
  /** Share of the normal JKK/JKM paid (1,000,000 = no relief). */
  factorppm: number
  totalIdr: number
}

export function newBpuAmounts(): BpuMonthlyAmounts {
  return { level: 0, baseIdr: 0, jkkIdr: 0, jkmIdr: 0, jhtIdr: 0, factorppm: PPM, totalIdr: 0 }
}

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

function checkIncome(regs: RegulationSet, mi: number, incomeIdr: number): void {
  const min = regs.bpu.minimumIncome.value(mi)
  if (!(incomeIdr >= min)) {
    throw new DomainError('not_eligible', `income ${incomeIdr} is below the lowest BPU income level: a BPU registers with at least ${min} a month`, { field: 'income', minimumIdr: min })
  }
}

/**
 * A month's BPU tariff, every amount already rounded by applyRateppm per level and per (sector, payer), built once
 * per (regulation set, month): the hot path only searches the level and reads arrays.
 */
interface BpuTariff {
  readonly fromIdr: Float64Array
  readonly baseIdr: Float64Array
  readonly level: Int32Array
  readonly minimumIdr: number
  /** JKK by [combo × levels + level], combo = (sector 0 transport / 1 other) × 4 + payer index. */
  readonly jkkIdr: Float64Array
  readonly jkmIdr: Float64Array
  readonly factorppm: Int32Array
  readonly jhtIdr: Float64Array
}

const PAYER_INDEX: Readonly<Record<BpuPayer, number>> = { self: 0, pemda: 1, apbn: 2, sponsor: 3 }
const PAYERS = Object.keys(PAYER_INDEX) as BpuPayer[]
const tariffs = new WeakMap<RegulationSet, (BpuTariff | undefined)[]>()

function buildTariff(regs: RegulationSet, mi: number): BpuTariff {
  const levels = regs.bpu.incomeLevels.value(mi)
  const n = levels.length
  const jkkRate = regs.bpu.jkkRate.value(mi)
  const jkmFlat = regs.bpu.jkmFlat.value(mi)
  const jhtRate = regs.bpu.jhtRate.value(mi)
  const jkkIdr = new Float64Array(8 * n)
  const jkmIdr = new Float64Array(8)
  const factorppm = new Int32Array(8)
  for (const sector of ['transport', 'other'] as const) {
    for (const payer of PAYERS) {
      const combo = (sector === 'transport' ? 0 : 4) + PAYER_INDEX[payer]
      const factor = bpuReliefPeriod(regs, mi, sector, payer).factorppm
      factorppm[combo] = factor
      jkmIdr[combo] = factor === PPM ? jkmFlat : applyRateppm(jkmFlat, factor)
      levels.forEach((l, i) => {
        const normal = applyRateppm(l.baseIdr, jkkRate)
        jkkIdr[combo * n + i] = factor === PPM ? normal : applyRateppm(normal, factor)
      })
    }
  }
  return {
    fromIdr: Float64Array.from(levels, (l) => l.fromIdr),
    baseIdr: Float64Array.from(levels, (l) => l.baseIdr),
    level: Int32Array.from(levels, (l) => l.level),
    minimumIdr: regs.bpu.minimumIncome.value(mi),
    jkkIdr,
    jkmIdr,
    factorppm,
    jhtIdr: Float64Array.from(levels, (l) => applyRateppm(l.baseIdr, jhtRate)),
  }
}

function bpuTariff(regs: RegulationSet, mi: number): BpuTariff {
  let byMonth = tariffs.get(regs)
  if (!byMonth) tariffs.set(regs, (byMonth = []))
  return (byMonth[mi - regs.firstMonthIndex] ??= buildTariff(regs, mi))
}

/**
 * The cheap entry point for hot paths (billing, SNAP inquiries, the bench): amounts only, no citations, no
 * allocation per call once a month's tariff is built. `monthIdx` is kernel monthIndex('YYYY-MM'). Same amounts as
 * quote() (a property test checks it).
 */
export function quoteBpuMonthly(
  regs: RegulationSet, monthIdx: number, incomeIdr: number, withJht: boolean, sector: Sector, payer: BpuPayer,
  out: BpuMonthlyAmounts = newBpuAmounts(),
): BpuMonthlyAmounts {
  if (monthIdx < regs.firstMonthIndex) throw beforeStart(regs, monthFromIndex(monthIdx))
  const t = bpuTariff(regs, monthIdx)
  if (!(incomeIdr >= t.minimumIdr)) checkIncome(regs, monthIdx, incomeIdr)
  const from = t.fromIdr
  let lo = 0
  let hi = from.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((from[mid] as number) <= incomeIdr) lo = mid
    else hi = mid - 1
  }
  const combo = (sector === 'transport' ? 0 : 4) + PAYER_INDEX[payer]
  out.level = t.level[lo] as number
  out.baseIdr = t.baseIdr[lo] as number
  out.factorppm = t.factorppm[combo] as number
  out.jkkIdr = t.jkkIdr[combo * from.length + lo] as number
  out.jkmIdr = t.jkmIdr[combo] as number
  out.jhtIdr = withJht ? (t.jhtIdr[lo] as number) : 0
  out.totalIdr = out.jkkIdr + out.jkmIdr + out.jhtIdr
  return out
}

/** One row of the BPU tariff table that set-based billing joins (DESIGN.md §7 "Rules in SQL"). */
export interface BpuTariffRow {
  month: string
  level: number
  fromIdr: number
  /** The next level's fromIdr (exclusive), null for the highest level. */
  toIdr: number | null
  baseIdr: number
  sector: Sector
  payer: BpuPayer
  factorppm: number
  jkkIdr: number
  jkmIdr: number
  jhtIdr: number
}

/** Every (month, level, sector, payer) row of the BPU tariff for the months given, from the same tariff as quotes. */
export function materialiseBpuTariff(regs: RegulationSet, months: readonly string[]): BpuTariffRow[] {
  const rows: BpuTariffRow[] = []
  for (const month of months) {
    const mi = monthIndex(month)
    if (mi < regs.firstMonthIndex) throw beforeStart(regs, month)
    const t = bpuTariff(regs, mi)
    const n = t.fromIdr.length
    for (const sector of ['transport', 'other'] as const) {
      for (const payer of PAYERS) {
        const combo = (sector === 'transport' ? 0 : 4) + PAYER_INDEX[payer]
        for (let i = 0; i < n; i++) {
          rows.push({
            month, level: t.level[i] as number, fromIdr: t.fromIdr[i] as number, toIdr: i + 1 < n ? (t.fromIdr[i + 1] as number) : null,
            baseIdr: t.baseIdr[i] as number, sector, payer, factorppm: t.factorppm[combo] as number,
            jkkIdr: t.jkkIdr[combo * n + i] as number, jkmIdr: t.jkmIdr[combo] as number, jhtIdr: t.jhtIdr[i] as number,
          })
        }
      }
    }
  }
  return rows
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
