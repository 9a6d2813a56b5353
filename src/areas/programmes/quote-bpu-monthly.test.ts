import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monthFromIndex } from '../../kernel/month.js'
import { materialiseBpuTariff, newBpuAmounts, parseQuoteInput, quote, quoteBpuMonthly } from './domain/index.js'
import { loadHolidayCalendar, loadRegulationSet } from './regulation-files.js'

const regs = loadRegulationSet()
const calendar = loadHolidayCalendar()

describe('quoteBpuMonthly (the hot-path entry point)', () => {
  it('gives the same amounts as the full quote for any month, income, sector, payer and JHT choice', () => {
    const out = newBpuAmounts()
    fc.assert(
      fc.property(
        fc.integer({ min: regs.firstMonthIndex, max: regs.firstMonthIndex + 12 * 14 }),
        fc.integer({ min: 1_000_000, max: 40_000_000 }),
        fc.constantFrom('transport' as const, 'other' as const),
        fc.constantFrom('self' as const, 'pemda' as const, 'apbn' as const, 'sponsor' as const),
        fc.boolean(),
        (mi, income, sector, payer, withJht) => {
          const q = quote(parseQuoteInput({ segment: 'bpu', month: monthFromIndex(mi), income, sector, payer, programmes: withJht ? 'jkk,jkm,jht' : 'jkk,jkm' }), regs, calendar)
          const fast = quoteBpuMonthly(regs, mi, income, withJht, sector, payer, out)
          expect(fast.totalIdr).toBe(q.billedIdr)
          expect(fast.jkkIdr).toBe(q.lines[0]?.amountIdr)
          expect(fast.jkmIdr).toBe(q.lines[1]?.amountIdr)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses incomes below the lowest level and months before July 2015', () => {
    const mi = 2026 * 12 + 2
    expect(() => quoteBpuMonthly(regs, mi, 999_999, false, 'other', 'self')).toThrow(expect.objectContaining({ code: 'not_eligible' }))
    expect(() => quoteBpuMonthly(regs, 2015 * 12 + 5, 1_000_000, false, 'other', 'self')).toThrow(expect.objectContaining({ code: 'no_rule_for_period' }))
  })

  it('is cheap: a million quotes in well under 2 s', () => {
    const out = newBpuAmounts()
    const mi = 2026 * 12 + 3
    const start = performance.now()
    let total = 0
    for (let i = 0; i < 1_000_000; i++) total += quoteBpuMonthly(regs, mi, 1_000_000 + (i % 30) * 500_000, (i & 1) === 0, 'other', 'self', out).totalIdr
    const ms = performance.now() - start
    expect(total).toBeGreaterThan(0)
    expect(ms).toBeLessThan(2000)
  })

  it('materialises the tariff table billing joins, row for row equal to the quotes (E5, E13)', () => {
    const rows = materialiseBpuTariff(regs, ['2026-04', '2026-05'])
    expect(rows).toHaveLength(2 * 2 * 4 * 33)
    const row = (month: string, level: number, sector: string, payer: string) =>
      rows.find((r) => r.month === month && r.level === level && r.sector === sector && r.payer === payer)
    expect(row('2026-04', 1, 'other', 'self')).toMatchObject({ fromIdr: 0, toIdr: 1_100_000, jkkIdr: 5_000, jkmIdr: 3_400, jhtIdr: 20_000 })
    expect(row('2026-05', 1, 'other', 'pemda')).toMatchObject({ jkkIdr: 10_000, jkmIdr: 6_800, factorppm: 1_000_000 })
    expect(row('2026-05', 33, 'transport', 'self')).toMatchObject({ toIdr: null, baseIdr: 20_700_000, jkkIdr: 103_500 })
  })
})
