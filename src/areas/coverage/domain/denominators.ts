/**
 * Coverage denominators (DESIGN.md §7): a province's working population is BPS Sakernas August of the latest year
 * available for it; without a post-split figure, the pre-split aggregate times the province's share of the Dukcapil
 * population (`derived`). A regency gets its province's figure times its share of the province's population
 * (`derived`). Every figure carries its metric, period, source and status. Pure: the figures are passed in.
 */
export interface WorkforceFigure {
  regionCode: string
  period: string
  metric: string
  value: number | null
  unit: string
  status: 'reported' | 'derived' | 'not_found'
  source: string
}

export interface Workforce {
  value: number | null
  metric: string
  period: string | null
  source: string
  status: 'reported' | 'derived' | 'not_found'
}

export interface RegionRef {
  code: string
  parentCode: string | null
}

const WORKING = 'working_population'
const INFORMAL = 'informal_workers'
const DUKCAPIL = 'Dukcapil Des 2024'

const NOT_FOUND = (metric: string): Workforce => ({ value: null, metric, period: null, source: 'tidak ditemukan', status: 'not_found' })

function latestAugust(figures: readonly WorkforceFigure[], code: string, metric: string): WorkforceFigure | undefined {
  return figures
    .filter((f) => f.regionCode === code && f.metric === metric && f.value !== null && f.period.endsWith('-08'))
    .sort((a, b) => b.period.localeCompare(a.period))[0]
}

function populations(figures: readonly WorkforceFigure[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const f of figures) if (f.metric === 'population' && f.value !== null) out.set(f.regionCode, f.value)
  return out
}

/** Working population per province (reported, or derived from a pre-split aggregate) and per regency (derived). */
export function workforceByRegion(figures: readonly WorkforceFigure[], regions: readonly RegionRef[]): Map<string, Workforce> {
  const pop = populations(figures)
  const out = new Map<string, Workforce>()
  const provinces = regions.filter((r) => r.parentCode === null)
  const regencyPop = (province: string) => regions.filter((r) => r.parentCode === province).reduce((s, r) => s + (pop.get(r.code) ?? 0), 0)
  const provincePop = (code: string) => pop.get(code) ?? regencyPop(code)
  for (const p of provinces) out.set(p.code, provinceFigure(figures, p.code, WORKING, provincePop))
  for (const r of regions) {
    if (r.parentCode === null) continue
    const province = out.get(r.parentCode)
    const share = (pop.get(r.code) ?? 0) / (regencyPop(r.parentCode) || 1)
    out.set(r.code, scaled(province, share, WORKING))
  }
  return out
}

/** Informal workers per province and regency where the split is known (BPS informal count, or total × (1 − formal share)). */
export function informalByRegion(figures: readonly WorkforceFigure[], regions: readonly RegionRef[]): Map<string, Workforce> {
  const pop = populations(figures)
  const out = new Map<string, Workforce>()
  const regencyPop = (province: string) => regions.filter((r) => r.parentCode === province).reduce((s, r) => s + (pop.get(r.code) ?? 0), 0)
  for (const p of regions.filter((r) => r.parentCode === null)) out.set(p.code, informalFigure(figures, p.code))
  for (const r of regions) {
    if (r.parentCode === null) continue
    out.set(r.code, scaled(out.get(r.parentCode), (pop.get(r.code) ?? 0) / (regencyPop(r.parentCode) || 1), INFORMAL))
  }
  return out
}

function scaled(base: Workforce | undefined, share: number, metric: string): Workforce {
  if (!base || base.value === null) return NOT_FOUND(metric)
  return { value: Math.round(base.value * share), metric, period: base.period, source: `${base.source} × pangsa penduduk ${DUKCAPIL}`, status: 'derived' }
}

function provinceFigure(figures: readonly WorkforceFigure[], code: string, metric: string, popOf: (code: string) => number): Workforce {
  const own = latestAugust(figures, code, metric)
  if (own) return { value: own.value, metric, period: own.period, source: own.source, status: own.status === 'derived' ? 'derived' : 'reported' }
  const aggregate = figures
    .filter((f) => f.regionCode.split('+').includes(code) && f.regionCode.includes('+') && f.metric === metric && f.value !== null && f.period.endsWith('-08'))
    .sort((a, b) => b.period.localeCompare(a.period))[0]
  if (!aggregate || aggregate.value === null) return NOT_FOUND(metric)
  const codes = aggregate.regionCode.split('+')
  const total = codes.reduce((s, c) => s + popOf(c), 0)
  if (total <= 0) return NOT_FOUND(metric)
  return {
    value: Math.round((aggregate.value * popOf(code)) / total),
    metric,
    period: aggregate.period,
    source: `${aggregate.source} (${aggregate.regionCode}) × pangsa penduduk ${DUKCAPIL}`,
    status: 'derived',
  }
}

function informalFigure(figures: readonly WorkforceFigure[], code: string): Workforce {
  const informal = latestAugust(figures, code, INFORMAL)
  const working = latestAugust(figures, code, WORKING)
  if (working && working.value !== null) {
    if (informal && informal.period === working.period) return { value: informal.value, metric: INFORMAL, period: informal.period, source: informal.source, status: 'reported' }
    const formal = figures.find((f) => f.regionCode === code && f.period === working.period && f.metric === 'formal_workers' && f.value !== null)
    if (formal && formal.value !== null) {
      return { value: working.value - formal.value, metric: INFORMAL, period: working.period, source: `${working.source} (bekerja − formal)`, status: 'derived' }
    }
  }
  if (informal) return { value: informal.value, metric: INFORMAL, period: informal.period, source: informal.source, status: 'reported' }
  return NOT_FOUND(INFORMAL)
}
