import { applyRateppm, PPM } from '../../../kernel/money.js'
import { monthFromIndex, monthIndex } from '../../../kernel/month.js'
import { beforeStart, bpuReliefPeriod, checkIncome } from './quote-bpu.js'
import type { RegulationSet } from './regulation-set.js'
import type { BpuPayer, Sector } from './types.js'

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
