import { describe, expect, it } from 'vitest'
import { monthsLeft, paceOf, pacing, targetPeople } from './pacing.js'

describe('targets and pacing', () => {
  it('a share target is people of the workforce, rounded half up; a count target is itself', () => {
    // NTT 2025: 64.82% — the Rakortekrenbang figure says 1,054,194 people, i.e. a base of about 1,626,341
    expect(targetPeople({ regionCode: '53', year: 2025, kind: 'pct', value: 648_200, source: 's' }, 1_626_341)).toBe(1_054_194)
    expect(targetPeople({ regionCode: '53', year: 2025, kind: 'count', value: 1_054_194, source: 's' }, null)).toBe(1_054_194)
    expect(targetPeople({ regionCode: '52', year: 2025, kind: 'pct', value: 622_200, source: 's' }, null)).toBeNull()
    expect(targetPeople(undefined, 1000)).toBeNull()
  })

  it('months left after a month in the target year', () => {
    expect(monthsLeft('2025-04', 2025)).toBe(8)
    expect(monthsLeft('2025-12', 2025)).toBe(0)
    expect(monthsLeft('2024-11', 2025)).toBe(12)
    expect(monthsLeft('2026-01', 2025)).toBe(0)
  })

  it('pace is the linear net change per month between the first and last point', () => {
    expect(paceOf([{ month: '2025-01', terlindungi: 100 }, { month: '2025-02', terlindungi: 130 }, { month: '2025-03', terlindungi: 120 }, { month: '2025-04', terlindungi: 190 }])).toBe(30)
    expect(paceOf([{ month: '2025-04', terlindungi: 190 }])).toBeNull()
  })

  it('gap, needed per month and the projected month (or null: tidak tahun ini)', () => {
    expect(pacing({ month: '2025-04', year: 2025, terlindungi: 700, targetPeople: 1000, pace: 50 }))
      .toEqual({ target: 1000, gap: 300, neededPerMonth: 38, pace: 50, projectedMonth: '2025-10' })
    expect(pacing({ month: '2025-04', year: 2025, terlindungi: 700, targetPeople: 1000, pace: 30 }).projectedMonth).toBeNull() // 10 months → 2026-02
    expect(pacing({ month: '2025-04', year: 2025, terlindungi: 700, targetPeople: 1000, pace: -5 }).projectedMonth).toBeNull()
    expect(pacing({ month: '2025-04', year: 2025, terlindungi: 1200, targetPeople: 1000, pace: null })).toEqual({ target: 1000, gap: 0, neededPerMonth: 0, pace: null, projectedMonth: '2025-04' })
    expect(pacing({ month: '2025-12', year: 2025, terlindungi: 900, targetPeople: 1000, pace: 200 })).toMatchObject({ gap: 100, neededPerMonth: null, projectedMonth: null })
  })
})
