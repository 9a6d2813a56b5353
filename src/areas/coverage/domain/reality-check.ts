/**
 * The reality check of issue 7 item 6: the demo seed (calibrated to banuspa-facts.md) must give back, through the
 * coverage report, the 2024 Banuspa totals and each published figure that has a stated denominator, computed on that
 * denominator, within 0.5 points. The figures and bases are those of reference/banuspa-facts.csv.
 */
export const BANUSPA_2024 = { active: 2_993_050, formal: 1_991_468, informal: 1_001_582 } as const

export interface StatedFigure {
  regionCode: string
  period: string
  /** What is counted: all terlindungi, formal (PU, PMI, jasa konstruksi) or informal (BPU). */
  measure: 'all' | 'formal' | 'informal'
  pct: number
  base: number
  basis: string
}

export const STATED_FIGURES: readonly StatedFigure[] = Object.freeze([
  { regionCode: '51', period: '2023-11', measure: 'formal', pct: 44, base: 1_214_028, basis: 'formal workers, BPS Sakernas Aug 2022' },
  { regionCode: '51', period: '2023-11', measure: 'informal', pct: 21.44, base: 1_393_042, basis: 'informal workers, BPS Sakernas Aug 2022' },
  { regionCode: '52', period: '2024-04', measure: 'all', pct: 29.26, base: 1_864_450, basis: 'workers (BPS), as at 30 Apr 2024' },
  { regionCode: '53', period: '2024', measure: 'all', pct: 42.47, base: Math.round(657_713 / 0.4247), basis: 'UCJ potensi pekerja (implied by 657,713 = 42.47%)' },
  { regionCode: '91', period: '2024-08', measure: 'all', pct: 59.16, base: 240_009, basis: 'worker potential (Paritrana Provinsi Papua)' },
  { regionCode: '92', period: '2025', measure: 'formal', pct: 70.45, base: 104_508, basis: 'formal workers' },
  { regionCode: '92', period: '2025', measure: 'informal', pct: 45.57, base: 170_616, basis: 'informal workers' },
  { regionCode: '94', period: '2025-07', measure: 'all', pct: 27.4, base: 263_264, basis: 'worker potential' },
])

export interface RealityLine {
  check: string
  expected: number
  actual: number
  /** Percentage points (figures) or percent of the expected value (totals). */
  diff: number
  ok: boolean
}

/**
 * `protectedBySegment`: terlindungi per province and segment (bpu, pu, pmi, jakon) of the demo. A demo smaller than
 * full size is scaled up to the Banuspa total first (scale = 2,993,050 ÷ its terlindungi).
 */
export function realityCheck(protectedBySegment: ReadonlyMap<string, Readonly<Record<string, number>>>): { scale: number; lines: RealityLine[] } {
  const of = (code: string, measure: StatedFigure['measure']) => {
    const seg = protectedBySegment.get(code) ?? {}
    const informal = seg.bpu ?? 0
    const all = Object.values(seg).reduce((s, n) => s + n, 0)
    return measure === 'informal' ? informal : measure === 'formal' ? all - informal : all
  }
  const codes = [...protectedBySegment.keys()]
  const total = codes.reduce((s, c) => s + of(c, 'all'), 0)
  const formal = codes.reduce((s, c) => s + of(c, 'formal'), 0)
  const scale = total > 0 ? BANUSPA_2024.active / total : 0
  const lines: RealityLine[] = [
    { check: 'Banuspa terlindungi (scaled)', expected: BANUSPA_2024.active, actual: Math.round(total * scale), diff: 0, ok: total > 0 },
    { check: 'Banuspa formal', expected: BANUSPA_2024.formal, actual: Math.round(formal * scale), diff: 0, ok: false },
    { check: 'Banuspa informal', expected: BANUSPA_2024.informal, actual: Math.round((total - formal) * scale), diff: 0, ok: false },
  ]
  for (const l of lines.slice(1)) {
    l.diff = Math.round(((l.actual - l.expected) * 10_000) / l.expected) / 100
    l.ok = Math.abs(l.diff) <= 0.5
  }
  for (const f of STATED_FIGURES) {
    const actual = Math.round(((of(f.regionCode, f.measure) * scale * 100) / f.base) * 100) / 100
    const diff = Math.round((actual - f.pct) * 100) / 100
    lines.push({ check: `${f.regionCode} ${f.measure} ${f.period} (% of ${f.base.toLocaleString('en')} ${f.basis})`, expected: f.pct, actual, diff, ok: Math.abs(diff) <= 0.5 })
  }
  return { scale, lines }
}
