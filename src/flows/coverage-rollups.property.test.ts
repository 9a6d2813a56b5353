import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { Sfc32 } from '../areas/participants/index.js'
import { addDays } from '../kernel/dates.js'
import { addMonths } from '../kernel/month.js'
import { closeCoverageMonth, rebuildCoverage } from './coverage-admin.js'
import { coverageReport } from './coverage-report.js'
import { at, bill, ids, pay, registerBpu } from './contributions.test-support.js'
import { endParticipant } from './end-participant.js'
import { refreshStatuses } from './refresh-statuses.js'

/**
 * Property (issue 7): after a random sequence of registrations, payments, lapses, endings and the passing of time,
 * (1) every month's report equals a plain recount of the registry taken at that month's end, whether or not the
 * month was closed and whatever happened after it; (2) the rebuild's recount equals the incremental rollups.
 * A seeded PRNG drives the sequence (the seed is in the test name, so a failure replays).
 */
const REGENCIES = ['51.71', '51.03', '52.71']
const SEEDS = [7, 2026, 41]

for (const seed of SEEDS) describeDb(`coverage rollups: incremental equals recount after a random history (seed ${seed})`, (ctx) => {
  type Snapshot = Map<string, Record<string, number>>

  async function recount(): Promise<Snapshot> {
    const { rows } = await ctx.sql.query<{ regency: string; status: string; n: number }>(
      `select regency_code as regency, status, count(*)::int as n from participants where status <> 'berhenti' group by 1, 2`)
    const out: Snapshot = new Map()
    for (const r of rows) {
      const c = out.get(r.regency) ?? { registered: 0, terdaftar: 0, aktif: 0, menunggak: 0, nonaktif: 0 }
      c[r.status] = (c[r.status] ?? 0) + r.n
      c.registered! += r.n
      out.set(r.regency, c)
    }
    return out
  }

  {
    it(`month reports equal month-end recounts; rebuild equals incremental`, { timeout: 240_000 }, async () => {
      const rng = new Sfc32(seed)
      const people: string[] = []
      const registeredIn = new Map<string, Map<string, number>>()
      const expected = new Map<string, Snapshot>()
      let day = '2026-01-01'
      let month = '2026-01'
      let lastClosed: string | null = null
      await bill(ctx.sql, month, day)
      for (let step = 0; step < 70; step++) {
        const roll = rng.below(100)
        if (roll < 30) {
          const regency = rng.pick(REGENCIES)
          const p = await registerBpu(ctx.sql, day, { kode_wilayah: regency })
          people.push(p.id)
          const m = registeredIn.get(month) ?? new Map<string, number>()
          m.set(regency, (m.get(regency) ?? 0) + 1)
          registeredIn.set(month, m)
        } else if (roll < 60 && people.length > 0) {
          await pay(ctx.sql, rng.pick(people), day, { months: 1 + rng.below(3) }).catch((e: { code?: string }) => {
            if (e.code !== 'invalid_state' && e.code !== 'not_eligible') throw e // an ended participant cannot pay
          })
        } else if (roll < 64 && people.length > 0) {
          await endParticipant(ctx.sql, { participantId: rng.pick(people), reason: 'stopped_working', month, actor: null, requestId: null }, at(day), ids)
            .catch((e: { code?: string }) => { if (e.code !== 'invalid_state' && e.code !== 'conflict') throw e })
        } else {
          // time passes; the daily job runs on some days only (it dates each change exactly anyway)
          const next = addDays(day, 1 + rng.below(25))
          if (next.slice(0, 7) !== month) {
            const monthEnd = addDays(`${addMonths(month, 1)}-01`, -1)
            await refreshStatuses(ctx.sql, { asOf: monthEnd }, at(monthEnd), ids)
            expected.set(month, await recount())
            const ended = month
            month = next.slice(0, 7)
            for (let m = addMonths(ended, 1); m <= month; m = addMonths(m, 1)) await bill(ctx.sql, m, `${m}-01`)
            if (month > addMonths(ended, 1)) {
              // a skipped whole month: its recount is the same registry at its end
              for (let m = addMonths(ended, 1); m < month; m = addMonths(m, 1)) {
                const end = addDays(`${addMonths(m, 1)}-01`, -1)
                await refreshStatuses(ctx.sql, { asOf: end }, at(end), ids)
                expected.set(m, await recount())
              }
            }
            if (rng.chance(600_000)) {
              const toClose: string = lastClosed === null ? ended : addMonths(lastClosed, 1)
              if (toClose < month) {
                await closeCoverageMonth(ctx.sql, { actor: null, requestId: null, month: toClose }, at(next), ids)
                lastClosed = toClose
              }
            }
          }
          if (rng.chance(500_000)) await refreshStatuses(ctx.sql, { asOf: next }, at(next), ids)
          day = next
        }
      }
      for (const [m, snapshot] of expected) {
        const report = await coverageReport(ctx.sql, { month: m, level: 'regency', actor: null }, at(day), ids)
        const got = new Map(report.rows.filter((r) => REGENCIES.includes(r.code)).map((r) => [r.code, { registered: r.registered, terdaftar: r.terdaftar, aktif: r.aktif, menunggak: r.menunggak, nonaktif: r.nonaktif }]))
        for (const regency of REGENCIES) {
          const want = snapshot.get(regency) ?? { registered: 0, terdaftar: 0, aktif: 0, menunggak: 0, nonaktif: 0 }
          expect({ month: m, regency, closed: report.closed, ...got.get(regency) }).toEqual({ month: m, regency, closed: report.closed, terdaftar: 0, aktif: 0, menunggak: 0, nonaktif: 0, ...want })
          expect(report.rows.find((r) => r.code === regency)!.new).toBe(registeredIn.get(m)?.get(regency) ?? 0)
        }
      }
      const rebuilt = await rebuildCoverage(ctx.sql, { actor: null, requestId: null, repair: false }, at(day), ids)
      expect(rebuilt.differences).toEqual([])
      expect(rebuilt.equal).toBe(true)
    })
  }
}, { referenceData: true })
