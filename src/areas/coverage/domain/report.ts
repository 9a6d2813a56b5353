import type { Month } from '../../../kernel/month.js'
import type { Workforce } from './denominators.js'
import { addInto, coveragePct, emptyCounts, isMeasure, terlindungi, type Breakdown, type Counts } from './measures.js'
import { pacing, targetPeople, type Target } from './pacing.js'

/**
 * The coverage report as JSON (issue 7 item 4; the web dashboard's contract): one row per region (and breakdown
 * value when `by` is given), counts as numbers. Pure: cells, regions, denominators, targets and pace come in.
 */
export interface CoverageRow {
  code: string
  name: string
  level: 'province' | 'regency'
  parentCode: string | null
  /** The breakdown value (segment, category, source kind, occupation code) when the report has `by`. */
  group?: string
  registered: number
  terdaftar: number
  aktif: number
  menunggak: number
  nonaktif: number
  terlindungi: number
  new: number
  lapsed: number
  reactivated: number
  workforce: Workforce
  coveragePct: number | null
  target: number | null
  gap: number | null
  neededPerMonth: number | null
  projectedMonth: Month | null
}

export interface GapLeader {
  provinceCode: string
  regencies: Array<{ code: string; name: string; gap: number }>
}

export interface CoverageReport {
  month: Month
  closed: boolean
  level: 'province' | 'regency'
  by?: Breakdown
  rows: CoverageRow[]
  /** Per province with a gap: the regencies whose own gap is largest (province share target applied to them). */
  gapLeaders: GapLeader[]
}

export interface ReportRegion {
  code: string
  name: string
  level: 'province' | 'regency'
  parentCode: string | null
}

export interface ReportInput {
  month: Month
  closed: boolean
  level: 'province' | 'regency'
  by?: Breakdown
  regions: readonly ReportRegion[]
  /** Regencies the caller may see ('all' or codes). */
  scope: 'all' | readonly string[]
  cells: ReadonlyArray<{ regencyCode: string; value: string; measure: string; n: number }>
  workforce: ReadonlyMap<string, Workforce>
  informal: ReadonlyMap<string, Workforce>
  targets: readonly Target[]
  /** Net change of terlindungi per month per region (province and regency codes), or absent. */
  pace: ReadonlyMap<string, number | null>
}

const NO_TARGET = { target: null, gap: null, neededPerMonth: null, projectedMonth: null }

/** A regency's target: its own, else its province's share target applied to its workforce. */
export function regionTarget(code: string, parentCode: string | null, year: number, targets: readonly Target[]): Target | undefined {
  const own = targets.find((t) => t.regionCode === code && t.year === year)
  if (own) return own
  const parent = parentCode === null ? undefined : targets.find((t) => t.regionCode === parentCode && t.year === year)
  return parent?.kind === 'pct' ? parent : undefined
}

export function buildReport(input: ReportInput): CoverageReport {
  const year = Number(input.month.slice(0, 4))
  const inScope = (regency: string) => input.scope === 'all' || input.scope.includes(regency)
  const regencies = input.regions.filter((r) => r.level === 'regency' && inScope(r.code))
  const provinceOf = new Map(regencies.map((r) => [r.code, r.parentCode ?? r.code]))
  // counts per region code × group value
  const counts = new Map<string, Map<string, Counts>>()
  const add = (code: string, value: string, measure: string, n: number) => {
    if (!isMeasure(measure)) return
    let byValue = counts.get(code)
    if (!byValue) counts.set(code, (byValue = new Map()))
    let c = byValue.get(value)
    if (!c) byValue.set(value, (c = emptyCounts()))
    c[measure] += n
  }
  for (const cell of input.cells) {
    const province = provinceOf.get(cell.regencyCode)
    if (province === undefined) continue
    add(cell.regencyCode, cell.value, cell.measure, cell.n)
    add(province, cell.value, cell.measure, cell.n)
  }
  const shown = input.level === 'regency' ? regencies : input.regions.filter((r) => r.level === 'province' && regencies.some((g) => g.parentCode === r.code))
  const rows: CoverageRow[] = []
  for (const region of shown) {
    const byValue = counts.get(region.code) ?? new Map<string, Counts>()
    const workforce = input.workforce.get(region.code) ?? { value: null, metric: 'working_population', period: null, source: 'tidak ditemukan', status: 'not_found' as const }
    if (input.by === undefined) {
      const c = byValue.get('') ?? emptyCounts()
      const t = terlindungi(c)
      const target = targetPeople(regionTarget(region.code, region.parentCode, year, input.targets), workforce.value)
      const p = target === null ? NO_TARGET : pacing({ month: input.month, year, terlindungi: t, targetPeople: target, pace: input.pace.get(region.code) ?? null })
      rows.push({ ...head(region), ...countsOf(c), workforce, coveragePct: coveragePct(t, workforce.value), target: p.target, gap: p.gap, neededPerMonth: p.neededPerMonth, projectedMonth: p.projectedMonth })
      continue
    }
    for (const value of [...byValue.keys()].sort()) {
      const c = byValue.get(value)!
      const denominator = input.by === 'segment' && value === 'bpu' ? (input.informal.get(region.code) ?? workforce) : workforce
      rows.push({ ...head(region), group: value, ...countsOf(c), workforce: denominator, coveragePct: coveragePct(terlindungi(c), denominator.value), ...NO_TARGET })
    }
  }
  return { month: input.month, closed: input.closed, level: input.level, ...(input.by ? { by: input.by } : {}), rows, gapLeaders: input.by ? [] : gapLeaders(input, regencies, counts, year) }
}

function head(r: ReportRegion) {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }
}

function countsOf(c: Counts) {
  return {
    registered: c.registered, terdaftar: c.terdaftar, aktif: c.aktif, menunggak: c.menunggak, nonaktif: c.nonaktif,
    terlindungi: terlindungi(c), new: c.new, lapsed: c.lapsed, reactivated: c.reactivated,
  }
}

function gapLeaders(input: ReportInput, regencies: readonly ReportRegion[], counts: Map<string, Map<string, Counts>>, year: number): GapLeader[] {
  const out = new Map<string, GapLeader['regencies']>()
  for (const r of regencies) {
    const target = targetPeople(regionTarget(r.code, r.parentCode, year, input.targets), input.workforce.get(r.code)?.value ?? null)
    if (target === null || r.parentCode === null) continue
    const gap = target - terlindungi(counts.get(r.code)?.get('') ?? emptyCounts())
    if (gap <= 0) continue
    const list = out.get(r.parentCode) ?? []
    list.push({ code: r.code, name: r.name, gap })
    out.set(r.parentCode, list)
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([provinceCode, list]) => ({
    provinceCode,
    regencies: list.sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code)).slice(0, 5),
  }))
}

/** Sum of counts (exported for the recount property test). */
export function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce((acc, c) => addInto(acc, c), emptyCounts())
}
