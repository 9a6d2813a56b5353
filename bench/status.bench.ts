/**
 * Status of one participant over 10 years of months (issue 5: ≤ 1 ms), beside the ceiling measured in the same run:
 * a bare loop that reads the same 240 dues once (the least any status computation must do). Pure, no database.
 */
import { addDays } from '../src/kernel/dates.js'
import { accountView, contributionStatus, LAPSE_RULE, type AccountInput, type Due } from '../src/areas/contributions/index.js'
import { bpuSchedule, monthlyDues } from '../src/areas/contributions/domain/fixtures.test-support.js'
import { ratePerSecond } from './measure.js'
import type { BenchModule } from './types.js'

/** Ten years of a BPU with JKK/JKM and JHT (240 dues), paid late now and then, with one lapse in 2019. */
function tenYears(): AccountInput {
  const jkk = monthlyDues('2016-01', 120, {})
  const jht = monthlyDues('2016-01', 120, {}, { kind: 'bpu_jht', amountIdr: 20_000 })
  const paid = (d: Due, i: number): Due => {
    const m = i % 120
    if (m >= 40 && m < 44) return d
    return { ...d, paidOn: addDays(jkk[m]!.dueDate, m % 7 === 0 ? 20 : -3) }
  }
  return { rule: 'bpu_lapse', lapse: LAPSE_RULE, dues: [...jkk, ...jht].map(paid), schedule: bpuSchedule(36_800) }
}

const bench: BenchModule = {
  name: 'status',
  tiers: ['quick', 'full'],
  async run(ctx) {
    const input = tenYears()
    const asOf = '2025-11-30'
    const s = contributionStatus(input, asOf)
    if (s.status !== 'aktif') throw new Error(`expected aktif over the ten years, got ${s.status}`)
    let sink = 0
    const status = ratePerSecond((n) => {
      for (let i = 0; i < n; i++) sink += contributionStatus(input, asOf).arrearsIdr
    }, { durationMs: ctx.durationMs, repeats: ctx.repeats, batch: 200 })
    const view = ratePerSecond((n) => {
      for (let i = 0; i < n; i++) sink += accountView(input, asOf).months.length
    }, { durationMs: ctx.durationMs, repeats: ctx.repeats, batch: 100 })
    const dues = input.dues
    const bare = ratePerSecond((n) => {
      for (let i = 0; i < n; i++) {
        let open = 0
        for (const d of dues) if (d.paidOn === null || d.paidOn > asOf) open += d.amountIdr
        sink += open
      }
    }, { durationMs: ctx.durationMs, repeats: ctx.repeats, batch: 2_000 })
    ctx.log(`status ${(1e6 / status).toFixed(1)} µs, account view ${(1e6 / view).toFixed(1)} µs, bare loop ${(1e6 / bare).toFixed(2)} µs per participant (sink ${sink > 0})`)
    const goal = '≤ 1 ms per participant over 10 years (≥ 1,000/s)'
    const ceilingUnit = 'participants/s (bare loop over the same 240 dues)'
    return [
      { measure: 'status of one participant, 120 months / 240 dues', value: Math.round(status), unit: 'participants/s', ceiling: Math.round(bare), ceilingUnit, ratio: status / bare, goal },
      { measure: 'account view (months list), same participant', value: Math.round(view), unit: 'participants/s', ceiling: Math.round(bare), ceilingUnit, ratio: view / bare, goal },
    ]
  },
}

export default bench
