import { describe, expect, it } from 'vitest'
import { scorecard, type ScorecardInput } from './scorecard.js'

const base: ScorecardInput = {
  regionCode: '52.03', year: 2025,
  programmes: [{ id: 'p1', name: 'Pekerja rentan', year: 2025, legalBasis: 'Perbup Lombok Timur (uji)', budgetIdr: 100_000_000, quota: 100, members: 80 }],
  protected: { informal: 500, nonAsn: 32_644, pemdaPaid: 80 },
  informalWorkforce: { value: 10_000, period: '2024', source: 'BPS', status: 'derived' },
  targetPct: { value: 4, period: '2025', source: 'RPJMD', status: 'reported' },
  nonAsnHeadcount: null,
  previousYearMembers: null,
}
const criterion = (input: ScorecardInput, code: string) => scorecard(input).criteria.find((c) => c.code === code)!

describe('pemda scorecard', () => {
  it('judges non-ASN coverage against the government headcount when one is known', () => {
    const c = criterion({ ...base, nonAsnHeadcount: { value: 34_555, period: '2024', source: 'antaranews [S1]', status: 'reported' } }, 'non_asn_coverage')
    expect(c.value).toBe(94.47)
    expect(c.target).toBe(100)
    expect(c.met).toBe(false)
    expect(c.sources.join(' ')).toContain('32644 dari 34555')
    expect(criterion({ ...base, protected: { ...base.protected, nonAsn: 34_555 }, nonAsnHeadcount: { value: 34_555, period: '2024', source: 's', status: 'reported' } }, 'non_asn_coverage').met).toBe(true)
  })

  it('without a headcount says the denominator is missing and only asks for some non-ASN protected', () => {
    const c = criterion(base, 'non_asn_coverage')
    expect(c.value).toBe(32_644)
    expect(c.target).toContain('penyebut belum tersedia')
    expect(c.met).toBe(true)
    expect(criterion({ ...base, protected: { ...base.protected, nonAsn: 0 } }, 'non_asn_coverage').met).toBe(false)
  })

  it('informal coverage is judged against the UCJ target; the quota criterion against members', () => {
    expect(criterion(base, 'informal_coverage_vs_target')).toMatchObject({ value: 5, target: 4, met: true })
    expect(criterion(base, 'vulnerable_coverage')).toMatchObject({ met: false, target: 100 })
    const card = scorecard(base)
    expect(card.judged).toBe(5)
  })

  it('says how each figure reads and cites its sources as a reader would, with no table names or ids', () => {
    const card = scorecard(base)
    expect(Object.fromEntries(card.criteria.map((c) => [c.code, c.unit]))).toEqual({
      regional_regulation: 'text', apbd_budget: 'idr', non_asn_coverage: 'count', vulnerable_coverage: 'count', informal_coverage_vs_target: 'pct', trend: 'count',
    })
    const sources = card.criteria.flatMap((c) => c.sources)
    expect(sources).toContain('Program pemda: Pekerja rentan')
    for (const source of sources) expect(source).not.toMatch(/\bpemda_[a-z_]+|\bparticipants kategori|\bp1\b/)
  })
})
