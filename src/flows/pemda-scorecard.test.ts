import { describe, expect, it } from 'vitest'
import { nonAsnHeadcount } from './pemda-scorecard.js'

describe('non-ASN headcount (reference/non-asn-headcount.csv)', () => {
  it('gives the latest reported count up to the year, with its evidence label, and nothing before or elsewhere', () => {
    expect(nonAsnHeadcount('52.03', 2025)).toMatchObject({ value: 34_555, period: '2024', status: 'reported' })
    expect(nonAsnHeadcount('52.03', 2025)!.source).toContain('[S1]')
    expect(nonAsnHeadcount('52.03', 2023)).toBeNull()
    expect(nonAsnHeadcount('51.71', 2025)).toBeNull()
  })
})
