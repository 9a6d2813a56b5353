import type { DemoModel, DemoRegency } from '../../areas/participants/index.js'

/**
 * What the demo Banuspa is calibrated to: the public figures of ../shared/data/banuspa-facts.md (copied to
 * reference/banuspa-facts.*). The Banuspa total and its formal/informal split are matched exactly in
 * expectation; each province gets the share of that total its own published figure implies. The province figures
 * come from different dates (2023–2025), so they are scaled together onto the 2024 Banuspa total.
 */
export const BANUSPA_ACTIVE = 2_993_050
export const BANUSPA_FORMAL = 1_991_468
export const BANUSPA_INFORMAL = 1_001_582
export const BANUSPA_SOURCE = 'https://planet.merdeka.com/hot-news/bpjs-ketenagakerjaan-banuspa-dorong-cakupan-semesta-jamsostek-hingga-2025-359796-mvk.html'

export interface ProvinceFigure {
  /** A province code, or several joined by '+' sharing one figure (split by Dukcapil population). */
  code: string
  active: number
  /** Share of formal (PU, Jakon, PMI) among the active, from the figure itself or the nearest report. */
  formalShare: number
  basis: string
  /**
   * The figure has a stated denominator (banuspa-facts.md): the demo keeps it exactly, so that the coverage report
   * reproduces the published percentage on the same base (issue 7 item 6). `formal: true` also keeps its formal
   * share (the formal and informal figures have stated bases of their own).
   */
  stated?: { formal: boolean }
}

export const PROVINCE_FIGURES: readonly ProvinceFigure[] = Object.freeze([
  { code: '51', active: 538_504 + 298_595, formalShare: 538_504 / (538_504 + 298_595), basis: 'Bali Nov 2023: 538,504 formal (44% of 1,214,028 formal workers) + 298,595 BPU (21.44% of 1,393,042 informal workers)', stated: { formal: true } },
  { code: '52', active: 545_546, formalShare: 417_487 / 545_546, basis: 'NTB 30 Apr 2024: 545,546 = 417,487 formal + 128,059 informal = 29.26% of 1,864,450 workers', stated: { formal: false } },
  {
    code: '53',
    active: 657_713,
    formalShare: (0.773 * 810_000) / (0.773 * 810_000 + 0.1412 * (3_020_000 - 810_000)),
    basis: 'NTT 2024 UCJ realisation 657,713 = 42.47%; split from Jul 2025 coverage (formal 77.3%, informal 14.12%) of BPS Aug 2024 workers',
    stated: { formal: false },
  },
  { code: '91', active: 141_984, formalShare: 93_559 / (93_559 + 35_640), basis: 'Papua Aug 2024: 141,984 = 59.16% of 240,009; split from Sep 2023 PU 93,559 + mandiri 35,640', stated: { formal: false } },
  { code: '92', active: 151_371, formalShare: 73_621 / 151_371, basis: 'Papua Barat 2025: 151,371 = 73,621 formal (70.45% of 104,508) + 77,750 informal (45.57% of 170,616)', stated: { formal: true } },
  { code: '94', active: 72_146, formalShare: 19_758 / 57_318, basis: 'Papua Tengah Jul 2025: 72,146 = 27.4% of 263,264; split from the Nabire branch 2025 (19,758 formal of 57,318)', stated: { formal: false } },
  {
    code: '96',
    active: 350_000 - 108_697,
    formalShare: (116_945 + 112_000) / (116_945 + 112_000 + 167_057),
    basis: 'Papua Barat Daya: Papua Barat + PBD 2023 (about 350,000) less Papua Barat end 2023 (108,697); split from the combined 2023 PU + Jakon vs BPU',
  },
  {
    code: '93+95',
    active: 271_000 - (93_559 + 35_640),
    formalShare: 0.29,
    basis: 'Papua Selatan + Papua Pegunungan: Jayapura branch 2023 (about 271,000, more than 50% BPU) less Papua Sep 2023 (129,199); no figure of their own',
  },
])

export interface RegencyInput {
  code: string
  provinceCode: string
  /** Dukcapil population, Dec 2024 (workforce_figures, metric population). */
  population: number
  kecamatanCount: number
  codeBefore2022: string | null
}

export interface ProvincePlan {
  code: string
  /** Expected active participants at full size (sums to BANUSPA_ACTIVE). */
  active: number
  formalShare: number
  basis: string
}

export interface Calibration {
  provinces: readonly ProvincePlan[]
  /** Expected active participants per regency at full size. */
  regencyActive: ReadonlyMap<string, number>
  model: DemoModel
}

/** The odds multiplier that makes the weighted formal share hit `target` (bisection; shares stay in (0, 1)). */
function oddsShift(parts: ReadonlyArray<{ weight: number; share: number }>, target: number): number {
  const total = parts.reduce((s, p) => s + p.weight, 0)
  const shareAt = (k: number) => parts.reduce((s, p) => s + p.weight * ((k * p.share) / (1 - p.share + k * p.share)), 0) / total
  let lo = 1e-3
  let hi = 1e3
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi)
    if (shareAt(mid) < target) lo = mid
    else hi = mid
  }
  return Math.sqrt(lo * hi)
}

function provincePopulations(regencies: readonly RegencyInput[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of regencies) out.set(r.provinceCode, (out.get(r.provinceCode) ?? 0) + r.population)
  return out
}

/**
 * Province plans: a figure with a stated denominator is kept as published (so the report reproduces its percentage);
 * the others share what is left of the Banuspa total in proportion to their figures (shared figures split by
 * population). Formal shares: kept where the figure states its formal base, the others shifted together (one odds
 * multiplier) so that the Banuspa formal total is exact.
 */
export function planProvinces(regencies: readonly RegencyInput[]): ProvincePlan[] {
  const populations = provincePopulations(regencies)
  const statedTotal = PROVINCE_FIGURES.filter((f) => f.stated).reduce((s, f) => s + f.active, 0)
  const restTotal = PROVINCE_FIGURES.filter((f) => !f.stated).reduce((s, f) => s + f.active, 0)
  const restScale = (BANUSPA_ACTIVE - statedTotal) / restTotal
  const raw = PROVINCE_FIGURES.flatMap((figure) => {
    const codes = figure.code.split('+')
    const pop = codes.reduce((s, c) => s + (populations.get(c) ?? 0), 0)
    return codes.map((code) => ({
      code,
      active: figure.active * (figure.stated ? 1 : restScale) * (codes.length === 1 ? 1 : (populations.get(code) ?? 0) / pop),
      share: figure.formalShare,
      fixedShare: figure.stated?.formal ?? false,
      basis: figure.basis,
    }))
  })
  const fixedFormal = raw.filter((p) => p.fixedShare).reduce((s, p) => s + p.active * p.share, 0)
  const shifted = raw.filter((p) => !p.fixedShare)
  const shiftedActive = shifted.reduce((s, p) => s + p.active, 0)
  const k = oddsShift(shifted.map((p) => ({ weight: p.active, share: p.share })), (BANUSPA_FORMAL - fixedFormal) / shiftedActive)
  return raw
    .map((p) => ({ code: p.code, active: p.active, formalShare: p.fixedShare ? p.share : (k * p.share) / (1 - p.share + k * p.share), basis: p.basis }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * The demo model: domicile weights = Dukcapil population × (the province's planned participants / its population),
 * rescaled so the weights keep the population's magnitude (the generator also sizes employers by them).
 */
export function calibrate(regencies: readonly RegencyInput[], referenceDate: string, registrationYears: number): Calibration {
  const provinces = planProvinces(regencies)
  const byCode = new Map(provinces.map((p) => [p.code, p]))
  const populations = provincePopulations(regencies)
  const totalPopulation = regencies.reduce((s, r) => s + r.population, 0)
  const regencyActive = new Map<string, number>()
  const demoRegencies: DemoRegency[] = regencies.map((r) => {
    const plan = byCode.get(r.provinceCode)
    const active = plan ? (plan.active * r.population) / (populations.get(r.provinceCode) ?? 1) : 0
    regencyActive.set(r.code, active)
    const weight = Math.max(1, Math.round((active * totalPopulation) / BANUSPA_ACTIVE))
    return { code: r.code, population: weight, kecamatanCount: r.kecamatanCount, codeBefore2022: r.codeBefore2022 }
  })
  const formalShareppm = Object.fromEntries(provinces.map((p) => [p.code, Math.round(p.formalShare * 1_000_000)]))
  return { provinces, regencyActive, model: { regencies: demoRegencies, formalShareppm, referenceDate, registrationYears } }
}
