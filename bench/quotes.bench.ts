/**
 * Quotes per second through the pure engine, beside a ceiling measured in the same run: a bare loop doing the same
 * integer arithmetic (applyRateppm on constants, as many calls per quote as the engine makes) with no rules around it.
 * Goal (DESIGN.md §6, "pure rules"): no rule on a hot path allocates per call more than it must.
 */
import { applyRateppm } from '../src/kernel/money.js'
import { monthIndex } from '../src/kernel/month.js'
import {
  loadHolidayCalendar,
  loadRegulationSet,
  newBpuAmounts,
  parseQuoteInput,
  quote,
  quoteBpuMonthly,
  type QuoteInput,
} from '../src/areas/programmes/index.js'
import { consume, ratePerSecond } from './measure.js'
import type { BenchContext, BenchModule, BenchRow } from './types.js'

const GOAL = 'no per-call allocation beyond what the rule needs (DESIGN.md §6)'
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']
const INCOMES = Array.from({ length: 64 }, (_, i) => 1_000_000 + i * 250_000)

/** The same number of applyRateppm calls per quote as the engine makes, on constants that the JIT cannot fold. */
function ceilingLoop(callsPerQuote: number) {
  return (iterations: number) => {
    let acc = 0
    for (let i = 0; i < iterations; i++) {
      const base = 1_000_000 + (i & 1023)
      for (let c = 0; c < callsPerQuote; c++) acc += applyRateppm(base, 10_000 + c)
    }
    consume(acc)
  }
}

function row(measure: string, value: number, ceiling: number, ceilingMeasure: string): BenchRow {
  return { measure, value: Math.round(value), unit: 'quotes/s', ceiling: Math.round(ceiling), ceilingUnit: `quotes/s (${ceilingMeasure})`, ratio: value / ceiling, goal: GOAL }
}

function bpuMonthlyRate(ctx: BenchContext): number {
  const regs = loadRegulationSet()
  const monthIdxs = MONTHS.map(monthIndex)
  const out = newBpuAmounts()
  return ratePerSecond((n) => {
    let acc = 0
    for (let i = 0; i < n; i++) {
      quoteBpuMonthly(regs, monthIdxs[i & 7] as number, INCOMES[i & 63] as number, (i & 1) === 0, 'other', 'self', out)
      acc += out.totalIdr
    }
    consume(acc)
  }, ctx)
}

function fullQuoteRate(ctx: BenchContext, inputs: readonly QuoteInput[]): number {
  const regs = loadRegulationSet()
  const calendar = loadHolidayCalendar()
  const mask = inputs.length - 1
  return ratePerSecond((n) => {
    let acc = 0
    for (let i = 0; i < n; i++) acc += quote(inputs[i & mask] as QuoteInput, regs, calendar).billedIdr
    consume(acc)
  }, { ...ctx, batch: 1_000 })
}

/** 64 inputs (a power of two, so the loop picks one with a mask). */
function inputs(segment: 'bpu' | 'pu'): QuoteInput[] {
  return INCOMES.map((amount, i) =>
    parseQuoteInput(
      segment === 'bpu'
        ? { segment, month: MONTHS[i & 7], income: amount, programmes: i & 1 ? 'jkk,jkm,jht' : 'jkk,jkm', sector: 'other' }
        : { segment, month: MONTHS[i & 7], wage: amount * 2, riskGroup: (i % 5) + 1, scale: (['micro', 'small', 'medium', 'large'] as const)[i & 3] },
    ),
  )
}

const bench: BenchModule = {
  name: 'quotes',
  tiers: ['quick', 'full'],
  async run(ctx) {
    ctx.log('ceiling: bare applyRateppm loops')
    const ceiling3 = ratePerSecond(ceilingLoop(3), ctx)
    const ceiling6 = ratePerSecond(ceilingLoop(6), ctx)
    ctx.log('BPU hot path (quoteBpuMonthly, amounts only)')
    const bpuMonthly = bpuMonthlyRate(ctx)
    ctx.log('BPU full quote (lines, citations, due dates)')
    const bpuFull = fullQuoteRate(ctx, inputs('bpu'))
    ctx.log('PU full quote')
    const puFull = fullQuoteRate(ctx, inputs('pu'))
    return [
      row('BPU monthly amounts (quoteBpuMonthly)', bpuMonthly, ceiling3, '3 × applyRateppm'),
      row('BPU quote with citations (quote)', bpuFull, ceiling3, '3 × applyRateppm'),
      row('PU quote with citations (quote)', puFull, ceiling6, '6 × applyRateppm'),
    ]
  },
}

export default bench
