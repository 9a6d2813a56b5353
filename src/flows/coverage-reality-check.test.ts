import { describe, expect, it } from 'vitest'
import { realityCheck } from '../areas/coverage/index.js'
import { planProvinces, type RegencyInput } from './seed-demo/calibration.js'

const PROVINCES = ['51', '52', '53', '91', '92', '93', '94', '95', '96']
const regencies: RegencyInput[] = PROVINCES.map((p, i) => ({ code: `${p}.01`, provinceCode: p, population: 100_000 * (i + 1), kecamatanCount: 5, codeBefore2022: null }))

describe('the reality check of issue 7 item 6', () => {
  it('a full-size demo as planned passes every check: the 2024 totals and each figure on its stated denominator', () => {
    const planned = new Map(planProvinces(regencies).map((p) => [p.code, { pu: Math.round(p.active * p.formalShare), bpu: Math.round(p.active * (1 - p.formalShare)) }]))
    const { scale, lines } = realityCheck(planned)
    expect(scale).toBeCloseTo(1, 5)
    expect(lines.filter((l) => !l.ok)).toEqual([])
    expect(lines).toHaveLength(3 + 8)
  })

  it('a province off its published figure fails by more than half a point', () => {
    const planned = new Map(planProvinces(regencies).map((p) => [p.code, { pu: Math.round(p.active * p.formalShare), bpu: Math.round(p.active * (1 - p.formalShare)) }]))
    planned.set('52', { pu: planned.get('52')!.pu + 20_000, bpu: planned.get('52')!.bpu })
    const ntb = realityCheck(planned).lines.find((l) => l.check.startsWith('52 all'))!
    expect(ntb.ok).toBe(false)
  })
})
