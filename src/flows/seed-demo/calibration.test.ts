import { describe, expect, it } from 'vitest'
import { BANUSPA_ACTIVE, BANUSPA_FORMAL, calibrate, planProvinces, type RegencyInput } from './calibration.js'
import { pemdaProgrammesFromFacts } from './pemda-programmes.js'

const PROVINCES = ['51', '52', '53', '91', '92', '93', '94', '95', '96']
const regencies: RegencyInput[] = PROVINCES.flatMap((p, i) => [
  { code: `${p}.01`, provinceCode: p, population: 100_000 * (i + 1), kecamatanCount: 5, codeBefore2022: null },
  { code: `${p}.02`, provinceCode: p, population: 50_000, kecamatanCount: 3, codeBefore2022: p === '93' ? '91.01' : null },
])

describe('demo calibration', () => {
  it('puts the 2024 Banuspa total and its formal split on the nine provinces', () => {
    const plans = planProvinces(regencies)
    expect(plans.map((p) => p.code)).toEqual(PROVINCES)
    expect(plans.reduce((s, p) => s + p.active, 0)).toBeCloseTo(BANUSPA_ACTIVE, 3)
    expect(plans.reduce((s, p) => s + p.active * p.formalShare, 0)).toBeCloseTo(BANUSPA_FORMAL, 0)
    for (const p of plans) {
      expect(p.formalShare).toBeGreaterThan(0)
      expect(p.formalShare).toBeLessThan(1)
    }
  })

  it('keeps the figures with a stated denominator as published, so the report reproduces their percentages (issue 7 item 6)', () => {
    const plans = new Map(planProvinces(regencies).map((p) => [p.code, p]))
    const pct = (n: number, base: number) => (n * 100) / base
    expect(pct(plans.get('52')!.active, 1_864_450)).toBeCloseTo(29.26, 2)
    expect(pct(plans.get('53')!.active, 657_713 / 0.4247)).toBeCloseTo(42.47, 2)
    expect(pct(plans.get('91')!.active, 240_009)).toBeCloseTo(59.16, 2)
    expect(pct(plans.get('94')!.active, 263_264)).toBeCloseTo(27.4, 2)
    const bali = plans.get('51')!
    expect(Math.abs(pct(bali.active * bali.formalShare, 1_214_028) - 44)).toBeLessThan(0.5)
    expect(Math.abs(pct(bali.active * (1 - bali.formalShare), 1_393_042) - 21.44)).toBeLessThan(0.5)
    const pb = plans.get('92')!
    expect(Math.abs(pct(pb.active * pb.formalShare, 104_508) - 70.45)).toBeLessThan(0.5)
    expect(Math.abs(pct(pb.active * (1 - pb.formalShare), 170_616) - 45.57)).toBeLessThan(0.5)
  })

  it('weights regencies by population within their province', () => {
    const { regencyActive, model } = calibrate(regencies, '2026-06-30', 11)
    expect(regencyActive.get('51.01')! / regencyActive.get('51.02')!).toBeCloseTo(2, 6)
    expect(model.regencies).toHaveLength(regencies.length)
    expect(Object.keys(model.formalShareppm).sort()).toEqual(PROVINCES)
  })
})

describe('pemda programmes from banuspa-facts', () => {
  const row = (region_code: string, period: string, metric: string, value: string) => ({ region_code, period, metric, value, source_url: 'https://x' })
  it('takes the latest plain figure per single region, else the latest cohort row', () => {
    const out = pemdaProgrammesFromFacts([
      row('92.02', '2024', 'pemda_paid_workers', '14174'),
      row('92.02', '2025', 'pemda_paid_workers', '18232'),
      row('51', '2025-11', 'pemda_paid_workers.sulinggih_pemangku', '11000'),
      row('51.71', '2025', 'pemda_paid_workers', '10717'),
      row('51.71', '2025', 'pemda_paid_workers.pkh', '1579'),
      row('52', '2025', 'pemda_paid_workers_all_levels', '57196'),
      row('92+96', '2023', 'pemda_paid_workers', '1'),
    ])
    expect(out.map((p) => [p.regionCode, p.workers])).toEqual([['51', 11000], ['51.71', 10717], ['92.02', 18232]])
  })
})
