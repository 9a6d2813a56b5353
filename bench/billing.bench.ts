/**
 * Monthly billing (issue 5: 3,000,000 BPU enrolments for one month in ≤ 60 s on PostgreSQL), dues rows per second
 * through runMonthlyBilling (tariff from the engine, chunked INSERT … SELECT with progress), beside the ceiling
 * measured in the same run: a plain INSERT … SELECT of the same dues rows into a table of the same shape and indexes.
 * PostgreSQL only (BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL), a fresh schema dropped after. Quick tier
 * 100,000 enrolments, full 3,000,000. Generating participants and enrolments (set-based SQL) is not timed.
 */
import type { BenchContext, BenchModule, BenchRow } from './types.js'
import type { Sql } from '../src/platform/db/sql.js'

const ENROLMENTS = { quick: 100_000, full: 3_000_000 }
const MONTH = '2026-05'
const GOAL = '3 M enrolments ≤ 60 s (DESIGN.md §6)'

const uuidOf = (prefix: string, i: string) => `('${prefix}-0000-7000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`

/** n BPU participants (status aktif) each with one enrolment paying since January, spread over the tariff's bases. */
export async function seed(sql: Sql, n: number, ctx: BenchContext): Promise<void> {
  const started = performance.now()
  const sourceId = '00000000-0000-7000-8000-000000000001'
  await sql.query(`insert into sources (id, kind, name, created_at) values ($1, 'office', 'bench', now())`, [sourceId])
  const { rows } = await sql.query<{ bases: number[] }>(
    `select array_agg(distinct income_base_idr order by income_base_idr) as bases from contribution_tariffs where month = $1 and segment = 'bpu'`, [MONTH])
  const bases = rows[0]!.bases.slice(0, 12)
  const step = 500_000
  for (let from = 1; from <= n; from += step) {
    const to = Math.min(n, from + step - 1)
    await sql.query(
      `insert into participants (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, regency_code, category, status, status_since, registered_on,
         source_id, consent_purpose, consent_at, created_at, updated_at)
       select ${uuidOf('00000001', 'i')}, '51710' || lpad(i::text, 11, '0'), lpad(i::text, 11, '0'), 'issued', 'Bench', 'BENCH', '1990-01-01', 'L', '51.71',
         'bpu', 'aktif', '2026-01-10', '2026-01-01', $3, 'bench', now(), now(), now()
       from generate_series($1::int, $2::int) as i`,
      [from, to, sourceId],
    )
    await sql.query(
      `insert into enrolments (id, participant_id, segment, programmes, declared_income_idr, income_base_idr, sector, payer, source_id, start_month, status, created_at, updated_at)
       select ${uuidOf('00000002', 'i')}, ${uuidOf('00000001', 'i')}, 'bpu', '{JKK,JKM}', b, b,
         case when i % 7 = 0 then 'transport' else 'other' end, case when i % 10 = 0 then 'pemda' else 'self' end, $3, '2026-01', 'active', now(), now()
       from generate_series($1::int, $2::int) as i, lateral (select ($4::bigint[])[1 + i % $5] as b) as base`,
      [from, to, sourceId, bases, bases.length],
    )
  }
  await sql.query('analyze participants')
  await sql.query('analyze enrolments')
  ctx.log(`  seeded ${n} participants + enrolments in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

async function plainCeiling(sql: Sql): Promise<{ rate: number; rows: number }> {
  await sql.query(`create table bench_dues_plain (like dues including all)`)
  const started = performance.now()
  const { rowCount } = await sql.query(`insert into bench_dues_plain select * from dues where month = $1`, [MONTH])
  const seconds = (performance.now() - started) / 1000
  return { rate: rowCount / seconds, rows: rowCount }
}

const bench: BenchModule = {
  name: 'billing',
  tiers: ['quick', 'full'],
  async run(ctx) {
    const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
    if (!url) {
      ctx.log('billing: skipped, PostgreSQL only (set BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL)')
      return []
    }
    const { createPool, poolSql, migrate, StatementNames } = await import('../src/platform/db/index.js')
    const { runMonthlyBilling } = await import('../src/flows/run-monthly-billing.js')
    const { materialiseTariff } = await import('../src/areas/contributions/index.js')
    const { loadHolidayCalendar, loadRegulationSet } = await import('../src/areas/programmes/index.js')
    const schema = `bench_billing_${process.pid}`
    const pool = createPool(url, 4, { options: `-c search_path=${schema}` })
    const sql = poolSql(pool, { names: new StatementNames() }) // as openDatabase does on server PostgreSQL
    const n = ENROLMENTS[ctx.tier]
    try {
      await migrate(sql, { schema })
      await materialiseTariff(sql, loadRegulationSet(), loadHolidayCalendar(), [MONTH])
      await seed(sql, n, ctx)
      const started = performance.now()
      const result = await runMonthlyBilling(sql, { month: MONTH }, new Date('2026-05-01T02:00:00Z'))
      const seconds = (performance.now() - started) / 1000
      ctx.log(`  billed ${result.enrolments} enrolments → ${result.dues} dues (Rp${result.billedIdr}) in ${seconds.toFixed(1)} s, ${result.chunks} chunks`)
      const again = performance.now()
      const second = await runMonthlyBilling(sql, { month: MONTH }, new Date('2026-05-01T03:00:00Z'))
      ctx.log(`  second run: ${second.newDues} new dues in ${((performance.now() - again) / 1000).toFixed(1)} s`)
      const ceiling = await plainCeiling(sql)
      ctx.log(`  plain INSERT … SELECT of the same ${ceiling.rows} rows: ${(ceiling.rows / ceiling.rate).toFixed(1)} s`)
      const rate = result.dues / seconds
      const row: BenchRow = {
        measure: `monthly billing, ${n.toLocaleString('en-US')} BPU enrolments, PostgreSQL (${seconds.toFixed(1)} s)`,
        value: Math.round(rate), unit: 'dues rows/s', ceiling: Math.round(ceiling.rate), ceilingUnit: 'rows/s (plain INSERT … SELECT, same rows and indexes)',
        ratio: rate / ceiling.rate, goal: GOAL,
      }
      const enrolmentsRow: BenchRow = {
        measure: 'monthly billing, enrolments billed per second', value: Math.round(result.enrolments / seconds), unit: 'enrolments/s',
        ceiling: null, ceilingUnit: null, ratio: null, goal: '≥ 50,000 enrolments/s (3 M in 60 s)',
      }
      return [row, enrolmentsRow]
    } finally {
      await sql.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined)
      await pool.end()
    }
  },
}

export default bench
