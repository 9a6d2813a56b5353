/** Readers that turn raw YAML values into the typed shapes of types.ts, naming the path on any error. */
import { asObject, bad, EVIDENCE_LABELS, type Evidence } from './periods.js'
import {
  BPU_PAYERS,
  PROGRAMMES,
  SCHOOL_BANDS,
  SCALES,
  type BpuPayer,
  type ByContract,
  type ContractBracket,
  type DiscountWindow,
  type DueRule,
  type IncomeLevel,
  type JkkDeath,
  type JkmCash,
  type JkpCash,
  type LateMonthCounting,
  type PmiPackages,
  type Programme,
  type RateByRiskGroup,
  type RiskGroup,
  type Scale,
  type Scholarship,
  type SplitRate,
  type StateWorkerBasis,
} from './types.js'

export function int(raw: unknown, path: string): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0) throw bad(path, `must be a whole number ≥ 0, got ${String(raw)}`)
  return raw
}

export function intOrNull(raw: unknown, path: string): number | null {
  return raw === null || raw === undefined ? null : int(raw, path)
}

export function byRiskGroup(raw: unknown, path: string): RateByRiskGroup {
  const obj = asObject(raw, path)
  return [0, 1, 2, 3, 4, 5].map((g) => (g === 0 ? 0 : int(obj[g], `${path}.${g}`)))
}

export function byRiskGroupOrNull(raw: unknown, path: string): RateByRiskGroup | null {
  return raw === null ? null : byRiskGroup(raw, path)
}

export function split(raw: unknown, path: string): SplitRate {
  const obj = asObject(raw, path)
  return { employer: int(obj.employer, `${path}.employer`), worker: int(obj.worker, `${path}.worker`) }
}

function programmes(raw: unknown, path: string): Programme[] {
  if (!Array.isArray(raw)) throw bad(path, 'must be a list of programmes')
  return raw.map((p, i) => {
    if (!PROGRAMMES.includes(p)) throw bad(`${path}[${i}]`, `unknown programme ${String(p)}`)
    return p as Programme
  })
}

export function programmesByScale(raw: unknown, path: string): Readonly<Record<Scale, readonly Programme[]>> {
  const obj = asObject(raw, path)
  const out = {} as Record<Scale, Programme[]>
  for (const scale of SCALES) out[scale] = programmes(obj[scale], `${path}.${scale}`)
  return out
}

export function incomeLevels(raw: unknown, path: string): readonly IncomeLevel[] {
  if (!Array.isArray(raw) || raw.length === 0) throw bad(path, 'must be a non-empty list of levels')
  const levels = raw.map((row, i) => {
    const obj = asObject(row, `${path}[${i}]`)
    const evidence = obj.evidence as Evidence | undefined
    if (evidence !== undefined && !EVIDENCE_LABELS.includes(evidence)) throw bad(`${path}[${i}]`, 'bad evidence label')
    return {
      level: int(obj.level, `${path}[${i}].level`),
      fromIdr: int(obj.from_idr, `${path}[${i}].from_idr`),
      baseIdr: int(obj.base_idr, `${path}[${i}].base_idr`),
      ...(evidence ? { evidence } : {}),
    }
  })
  levels.forEach((l, i) => {
    const prev = levels[i - 1]
    if (prev && l.fromIdr <= prev.fromIdr) throw bad(`${path}[${i}]`, 'levels must rise')
  })
  return levels
}

export function discountWindow(raw: unknown, path: string): DiscountWindow {
  const obj = asObject(raw, path)
  const excluded = obj.excluded_payers ?? []
  if (!Array.isArray(excluded)) throw bad(path, 'excluded_payers must be a list')
  for (const p of excluded) if (!BPU_PAYERS.includes(p)) throw bad(path, `unknown payer ${String(p)}`)
  return { factorppm: int(obj.factor_ppm, `${path}.factor_ppm`), excludedPayers: excluded as BpuPayer[] }
}

export function dueRule(raw: unknown, path: string): DueRule {
  const obj = asObject(raw, path)
  const day = int(obj.day, `${path}.day`)
  if (day < 1 || day > 31) throw bad(path, 'day must be 1–31')
  return { monthOffset: int(obj.month_offset, `${path}.month_offset`), day }
}

export function choice<T extends string>(options: readonly T[]) {
  return (raw: unknown, path: string): T => {
    if (!options.includes(raw as T)) throw bad(path, `must be one of ${options.join(', ')}`)
    return raw as T
  }
}

export const lateMonthCounting = choice<LateMonthCounting>(['started', 'completed'])

function byContract(raw: unknown, path: string): ByContract {
  const obj = asObject(raw, path)
  return { 6: intOrNull(obj[6], `${path}.6`), 12: intOrNull(obj[12], `${path}.12`), 24: intOrNull(obj[24], `${path}.24`) }
}

export function pmiPackages(raw: unknown, path: string): PmiPackages {
  const obj = asObject(raw, path)
  return {
    prePlacementIdr: intOrNull(obj.pre_placement_idr, `${path}.pre_placement_idr`),
    placementIdr: obj.placement_idr === null ? null : byContract(obj.placement_idr, `${path}.placement_idr`),
    individualIdr: obj.individual_idr === null ? null : byContract(obj.individual_idr, `${path}.individual_idr`),
    extraMonthIdr: intOrNull(obj.extra_month_idr, `${path}.extra_month_idr`),
    protectionMonths: byContract(obj.protection_months ?? {}, `${path}.protection_months`),
  }
}

export function brackets(raw: unknown, path: string): readonly ContractBracket[] {
  if (!Array.isArray(raw) || raw.length === 0) throw bad(path, 'must be a non-empty list')
  return raw.map((row, i) => {
    const obj = asObject(row, `${path}[${i}]`)
    const upTo = intOrNull(obj.up_to_idr, `${path}[${i}].up_to_idr`)
    if (upTo === null && i !== raw.length - 1) throw bad(path, 'only the last bracket is open')
    return { upToIdr: upTo, jkkppm: int(obj.jkk_ppm, `${path}[${i}].jkk_ppm`), jkmppm: int(obj.jkm_ppm, `${path}[${i}].jkm_ppm`) }
  })
}

export function knownWageRates(raw: unknown, path: string): { jkk: number; jkm: number } {
  const obj = asObject(raw, path)
  return { jkk: int(obj.jkk, `${path}.jkk`), jkm: int(obj.jkm, `${path}.jkm`) }
}

export function stateWorkerBasis(raw: unknown, path: string): StateWorkerBasis {
  const obj = asObject(raw, path)
  const group = int(obj.jkk_risk_group, `${path}.jkk_risk_group`)
  if (group < 1 || group > 5) throw bad(path, 'jkk_risk_group must be 1–5')
  return {
    programmes: programmes(obj.programmes, `${path}.programmes`),
    jkkRiskGroup: group as RiskGroup,
    jkmRateppm: int(obj.jkm_rate_ppm, `${path}.jkm_rate_ppm`),
  }
}

export function jkmCash(raw: unknown, path: string): JkmCash {
  const obj = asObject(raw, path)
  return {
    lumpSumIdr: int(obj.lump_sum_idr, `${path}.lump_sum_idr`),
    periodicIdr: int(obj.periodic_idr, `${path}.periodic_idr`),
    funeralIdr: int(obj.funeral_idr, `${path}.funeral_idr`),
  }
}

export function scholarship(raw: unknown, path: string): Scholarship {
  const obj = asObject(raw, path)
  const common = {
    jkmMinContributionMonths: int(obj.jkm_min_contribution_months, `${path}.jkm_min_contribution_months`),
    jkkMinContributionMonths: intOrNull(obj.jkk_min_contribution_months, `${path}.jkk_min_contribution_months`),
    maxChildren: int(obj.max_children, `${path}.max_children`),
  }
  if (obj.kind === 'one_time') return { kind: 'one_time', amountIdr: int(obj.amount_idr, `${path}.amount_idr`), ...common }
  if (obj.kind !== 'yearly') throw bad(path, 'kind must be one_time or yearly')
  const levelsRaw = asObject(obj.levels, `${path}.levels`)
  const levels = {} as Record<(typeof SCHOOL_BANDS)[number], { perYearIdr: number; maxYears: number }>
  for (const band of SCHOOL_BANDS) {
    const l = asObject(levelsRaw[band], `${path}.levels.${band}`)
    levels[band] = { perYearIdr: int(l.per_year_idr, `${path}.levels.${band}.per_year_idr`), maxYears: int(l.max_years, `${path}.levels.${band}.max_years`) }
  }
  return { kind: 'yearly', ...common, levels }
}

export function jkkDeath(raw: unknown, path: string): JkkDeath {
  const obj = asObject(raw, path)
  return {
    wageMultiple: int(obj.wage_multiple, `${path}.wage_multiple`),
    periodicIdr: int(obj.periodic_idr, `${path}.periodic_idr`),
    funeralIdr: int(obj.funeral_idr, `${path}.funeral_idr`),
  }
}

export function jkpCash(raw: unknown, path: string): JkpCash | null {
  if (raw === null) return null
  const obj = asObject(raw, path)
  if (!Array.isArray(obj.tranches)) throw bad(path, 'tranches must be a list')
  return {
    wageCapIdr: int(obj.wage_cap_idr, `${path}.wage_cap_idr`),
    tranches: obj.tranches.map((t, i) => {
      const o = asObject(t, `${path}.tranches[${i}]`)
      return { months: int(o.months, `${path}.tranches[${i}].months`), rateppm: int(o.rate_ppm, `${path}.tranches[${i}].rate_ppm`) }
    }),
    minContributionMonths: int(obj.min_contribution_months, `${path}.min_contribution_months`),
    withinMonths: int(obj.within_months, `${path}.within_months`),
    minConsecutiveMonths: int(obj.min_consecutive_months, `${path}.min_consecutive_months`),
    claimWithinMonths: int(obj.claim_within_months, `${path}.claim_within_months`),
  }
}

export function strings(raw: unknown, path: string): readonly string[] {
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) throw bad(path, 'must be a list of strings')
  return raw.map((v: string) => v.trim().toLowerCase())
}

/** A flat record of whole numbers, null (not known) or lists of whole numbers: figures kept for later calculators. */
export type NumberRecord = Readonly<Record<string, number | null | readonly number[]>>

export function numberRecord(raw: unknown, path: string): NumberRecord {
  const obj = asObject(raw, path)
  const out: Record<string, number | null | readonly number[]> = {}
  for (const [key, value] of Object.entries(obj)) {
    out[key] = Array.isArray(value) ? value.map((v, i) => int(v, `${path}.${key}[${i}]`)) : intOrNull(value, `${path}.${key}`)
  }
  return out
}
