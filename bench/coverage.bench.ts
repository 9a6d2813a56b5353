/**
 * Coverage report speed (issue 7): all 83 regencies for the current month through coverageReport (statuses checked,
 * deltas folded, rollups read, denominators and pacing computed) ≤ 20 ms p95, at two registry sizes, beside the
 * ceiling-like baseline measured in the same run: a plain GROUP BY (regency, status) over the people table. Also: a
 * status change (what a payment does to participants) visible in the report within 1 s. PostgreSQL only
 * (BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL), a fresh schema dropped after. Quick tier 100,000 and
 * 300,000 people; full tier 3,000,000 and 11,000,000. Seeding is set-based SQL through the real triggers (timed and
 * logged, with the first fold, but not a goal). The full tier keeps one schema per size (`bench_coverage_full_<n>`)
 * between runs and only adds missing people, so the 3 M and 11 M seeds (tens of minutes) are paid once and a later run
 * on an idle machine only measures.
 */
import type { BenchContext, BenchModule, BenchRow } from './types.js'
import type { Sql } from '../src/platform/db/sql.js'
import os from 'node:os'
import { median, p95 } from './measure.js'

const SIZES = { quick: [100_000, 300_000], full: [3_000_000, 11_000_000] }
const GOAL = 'all 83 regencies ≤ 20 ms p95 (issue 7)'
const NOW = new Date('2026-11-26T03:00:00Z')

/** Grows the registry to `n` people over the 83 regencies, statuses and categories mixed, registered over 11 years. */
async function growTo(sql: Sql, from: number, n: number, ctx: BenchContext): Promise<void> {
  const started = performance.now()
  const step = 250_000
  for (let lo = from + 1; lo <= n; lo += step) {
    const hi = Math.min(n, lo + step - 1)
    await sql.query(
      `with r as (select array_agg(code order by code) as codes from regions where level = 'regency'),
            s as (select array_agg(id order by kind) as ids from sources)
       insert into participants (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, regency_code, occupation_codes, category, status, status_since,
         registered_on, source_id, consent_purpose, consent_at, created_at, updated_at)
       select ('00000001-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '51710' || lpad(i::text, 11, '0'), lpad(i::text, 11, '0'), 'issued', 'Bench', 'BENCH',
         '1990-01-01', 'L', r.codes[1 + ((i::bigint * 7919) % 83)::int], array[(array['petani', 'nelayan', 'pedagang', 'ojek', 'buruh'])[1 + i % 5]],
         (array['bpu', 'pu', 'pu', 'bpu', 'pmi', 'jakon', 'non_asn'])[1 + i % 7],
         (array['aktif', 'aktif', 'aktif', 'menunggak', 'nonaktif', 'terdaftar', 'aktif', 'berhenti'])[1 + (i / 7) % 8],
         date '2015-07-01' + ((i::bigint * 37) % 4000)::int + 20, date '2015-07-01' + ((i::bigint * 37) % 4000)::int, s.ids[1 + i % array_length(s.ids, 1)], 'bench', now(), now(), now()
       from generate_series($1::int, $2::int) as i, r, s`,
      [lo, hi],
    )
  }
  await sql.query('analyze participants')
  ctx.log(`  registry ${from.toLocaleString('en')} → ${n.toLocaleString('en')} people in ${((performance.now() - started) / 1000).toFixed(1)} s (triggers on)`)
}

interface Plan { schema: string; sizes: readonly number[]; keep: boolean }

type Modules = Awaited<ReturnType<typeof loadModules>>

async function loadModules() {
  const { createPool, poolSql, migrate, StatementNames } = await import('../src/platform/db/index.js')
  const { loadAllReferenceData } = await import('../src/flows/load-reference-data.js')
  const { coverageReport, bringCoverageUpToDate } = await import('../src/flows/coverage-report.js')
  const { foldCoverage } = await import('../src/areas/coverage/index.js')
  const { newId } = await import('../src/platform/ids.js')
  return { createPool, poolSql, migrate, StatementNames, loadAllReferenceData, coverageReport, bringCoverageUpToDate, foldCoverage, newId }
}

/** Seeds (or tops up) one schema to each of the plan's sizes and measures the report there. */
async function runPlan(ctx: BenchContext, url: string, plan: Plan, m: Modules): Promise<BenchRow[]> {
  const { createPool, poolSql, migrate, StatementNames, loadAllReferenceData, coverageReport, bringCoverageUpToDate, foldCoverage, newId } = m
  const ids = { newId: () => newId() }
  const schema = plan.schema
  const pool = createPool(url, 4, { options: `-c search_path=${schema}` })
  const sql = poolSql(pool, { names: new StatementNames() }) // as openDatabase does on server PostgreSQL
  const rows: BenchRow[] = []
  try {
    await migrate(sql, { schema })
    await loadAllReferenceData(sql)
    const { rows: [seeded] } = await sql.query<{ sources: string | number; people: string | number }>(
      `select (select count(*) from sources) as sources, (select count(*) from participants) as people`)
    if (Number(seeded!.sources) === 0) {
      for (const kind of ['agent', 'channel', 'pemda', 'employer', 'office', 'self']) {
        await sql.query(`insert into sources (id, kind, name, created_at) values ($1, $2, 'bench', now())`, [newId(), kind])
      }
    }
    let size = Number(seeded!.people)
    if (size > 0) ctx.log(`  schema ${schema} kept from an earlier run: ${size.toLocaleString('en')} people`)
    for (const n of plan.sizes) {
      if (size < n) await growTo(sql, size, n, ctx)
      size = Math.max(size, n)
      const foldStarted = performance.now()
      const folded = await foldCoverage(sql)
      ctx.log(`  first fold of ${folded.toLocaleString('en')} delta rows: ${((performance.now() - foldStarted) / 1000).toFixed(1)} s`)
      const report = () => coverageReport(sql, { level: 'regency', actor: null }, NOW, ids)
      const check = await report()
      if (check.rows.length !== 83) throw new Error(`expected 83 regencies, got ${check.rows.length}`)
      const times: number[] = []
      const until = performance.now() + ctx.durationMs * 4
      while (times.length < 30 || performance.now() < until) {
        const t = performance.now()
        await report()
        times.push(performance.now() - t)
        if (times.length >= 2_000) break
      }
      const groupBy: number[] = []
      for (let i = 0; i < Math.max(3, ctx.repeats); i++) {
        const t = performance.now()
        await sql.query(`select regency_code, status, count(*) from participants group by 1, 2`)
        groupBy.push(performance.now() - t)
      }
      // a payment's effect on the registry: one participant terdaftar → aktif, then the next report
      const { rows: [someone] } = await sql.query<{ id: string; regency: string }>(
        `select id, regency_code as regency from participants where status = 'terdaftar' limit 1`)
      const before = check.rows.find((r) => r.code === someone!.regency)!.aktif
      const paidAt = performance.now()
      await sql.query(`update participants set status = 'aktif', status_since = '2026-11-26', updated_at = now() where id = $1`, [someone!.id])
      const after = (await report()).rows.find((r) => r.code === someone!.regency)!.aktif
      const visibleMs = performance.now() - paidAt
      if (after !== before + 1) throw new Error(`payment not visible: aktif ${before} → ${after}`)
      await bringCoverageUpToDate(sql, NOW, ids)
      const reportP95 = p95(times)
      const plain = median(groupBy)
      ctx.log(`  ${n.toLocaleString('en')} people: report p50 ${median(times).toFixed(1)} ms, p95 ${reportP95.toFixed(1)} ms (${times.length} runs); plain GROUP BY median ${plain.toFixed(0)} ms; payment visible after ${visibleMs.toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`)
      rows.push({
        measure: `coverage report, 83 regencies, ${n.toLocaleString('en')} people (p95)`, value: Math.round(reportP95 * 10) / 10, unit: 'ms',
        ceiling: Math.round(plain), ceilingUnit: 'ms (plain GROUP BY regency, status over people, same run)', ratio: reportP95 / plain, goal: GOAL,
      })
      rows.push({
        measure: `payment → visible in the report, ${n.toLocaleString('en')} people`, value: Math.round(visibleMs), unit: 'ms',
        ceiling: null, ceilingUnit: null, ratio: null, goal: '≤ 1,000 ms (issue 7)',
      })
    }
    return rows
  } finally {
    if (!plan.keep) await sql.query(`drop schema if exists ${schema} cascade`).catch(() => undefined)
    await pool.end()
  }
}

const bench: BenchModule = {
  name: 'coverage',
  tiers: ['quick', 'full'],
  async run(ctx) {
    const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
    if (!url) {
      ctx.log('coverage: skipped, PostgreSQL only (set BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL)')
      return []
    }
    const modules = await loadModules()
    const plans: Plan[] = ctx.tier === 'full'
      ? SIZES.full.map((n) => ({ schema: `bench_coverage_full_${n}`, sizes: [n], keep: true }))
      : [{ schema: `bench_coverage_${process.pid}`, sizes: SIZES.quick, keep: false }]
    const rows: BenchRow[] = []
    for (const plan of plans) rows.push(...(await runPlan(ctx, url, plan, modules)))
    return rows
  },
}

export default bench
