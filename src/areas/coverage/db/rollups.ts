import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { FLOW_MEASURES, STOCK_MEASURES, type Dim, type Measure } from '../domain/measures.js'

/** One rollup cell: a regency, a breakdown value ('' for dim 'all'), a measure and its count. */
export interface RollupCell {
  regencyCode: string
  value: string
  measure: Measure
  n: number
}

const STOCKS = `(${STOCK_MEASURES.map((m) => `'${m}'`).join(', ')})`
const FLOWS = `(${FLOW_MEASURES.map((m) => `'${m}'`).join(', ')})`
const FOLD_LOCK = `select pg_advisory_xact_lock(hashtext('semesta.coverage_fold'))`

/** The month after the last closed one ('0000-01' when none is closed): deltas dated earlier are booked there. */
const FIRST_OPEN = `select coalesce(to_char(to_date(max(month) || '-01', 'YYYY-MM-DD') + interval '1 month', 'YYYY-MM'), '0000-01') as first_open
                      from coverage_closed_months`

const FOLD = `
with open as (${FIRST_OPEN}),
moved as (
  delete from coverage_deltas returning month, regency_code, segment, category, source_kind, occupation, measure, n
),
expanded as (
  select greatest(m.month, o.first_open) as month, m.regency_code, d.dim, d.value, m.measure, m.n
    from moved m cross join open o
    cross join lateral (values ('all', ''), ('segment', m.segment), ('category', m.category), ('source', m.source_kind), ('occupation', m.occupation)) d(dim, value)
),
agg as (
  select month, regency_code, dim, value, measure, sum(n)::bigint as n from expanded group by 1, 2, 3, 4, 5 having sum(n) <> 0
),
into_months as (
  insert into coverage_months (month, regency_code, dim, value, measure, n) select month, regency_code, dim, value, measure, n from agg
  on conflict (dim, month, regency_code, value, measure) do update set n = coverage_months.n + excluded.n
),
into_current as (
  insert into coverage_current (regency_code, dim, value, measure, n)
  select regency_code, dim, value, measure, sum(n) from agg where measure in ${STOCKS} group by 1, 2, 3, 4
  on conflict (dim, regency_code, value, measure) do update set n = coverage_current.n + excluded.n
)
select count(*)::int as moved from moved`

/**
 * Moves every committed delta into the rollups (one folder at a time: an advisory lock; writers only append, so
 * they never wait). Returns the number of delta rows folded. Nothing to fold costs one index probe and no lock.
 */
export async function foldCoverage(sql: Sql): Promise<number> {
  const pending = await sql.query<{ any: boolean }>(`select exists (select 1 from coverage_deltas) as any`)
  if (!pending.rows[0]?.any) return 0
  const moved = await sql.transaction(async (tx) => {
    await tx.query(FOLD_LOCK)
    const { rows } = await tx.query<{ moved: number }>(FOLD)
    return rows[0]?.moved ?? 0
  })
  // After a bulk load (seed, import) the queue holds many dead rows that every later probe would step over until
  // autovacuum comes: clean them now (outside a transaction; where that is impossible, autovacuum will).
  // The rollups grew by as much: fresh statistics keep the report's range scans on their primary keys.
  if (moved >= VACUUM_AFTER) await sql.query('vacuum (analyze) coverage_deltas, coverage_months, coverage_current').catch(() => undefined)
  return moved
}

const VACUUM_AFTER = 10_000

export async function closedMonths(sql: Sql): Promise<Month[]> {
  const { rows } = await sql.query<{ month: string }>(`select month from coverage_closed_months order by month`)
  return rows.map((r) => r.month)
}

/** An open month's cells: stocks = now − changes dated after the month; flows = the month's own. */
const OPEN_CELLS = `
select regency_code as "regencyCode", value, measure, sum(n)::bigint as n from (
  select regency_code, value, measure, n from coverage_current where dim = $1
  union all
  select regency_code, value, measure, -n from coverage_months where dim = $1 and month > $2 and measure in ${STOCKS}
  union all
  select regency_code, value, measure, n from coverage_months where dim = $1 and month = $2 and measure in ${FLOWS}
) x group by 1, 2, 3`

export async function readCells(sql: Sql, month: Month, dim: Dim, closed: boolean): Promise<RollupCell[]> {
  const { rows } = closed
    ? await sql.query<RollupCell>(
        `select regency_code as "regencyCode", value, measure, n from coverage_snapshots where month = $1 and dim = $2`, [month, dim])
    : await sql.query<RollupCell>(OPEN_CELLS, [dim, month])
  return rows
}

/** terlindungi (aktif + menunggak) per regency at the end of each month given, for pacing. */
export async function protectedAt(sql: Sql, months: readonly Month[], closed: ReadonlySet<Month>): Promise<Map<Month, Map<string, number>>> {
  const out = new Map<Month, Map<string, number>>()
  for (const month of months) {
    const per = new Map<string, number>()
    for (const c of await readCells(sql, month, 'all', closed.has(month))) {
      if (c.measure === 'aktif' || c.measure === 'menunggak') per.set(c.regencyCode, (per.get(c.regencyCode) ?? 0) + c.n)
    }
    out.set(month, per)
  }
  return out
}

/**
 * Closes `month`: folds, then copies every cell of every breakdown into coverage_snapshots. Months close in order
 * (the first close may be any month). Returns false when the month was already closed.
 */
export async function closeMonth(sql: Sql, month: Month, now: Date, actorId: string | null): Promise<{ closed: boolean; lastClosed: Month | null; cells: number }> {
  return sql.transaction(async (tx) => {
    await tx.query(FOLD_LOCK)
    await tx.query(FOLD)
    const { rows } = await tx.query<{ month: string | null }>(`select max(month) as month from coverage_closed_months`)
    const lastClosed = rows[0]?.month ?? null
    if (lastClosed !== null && month <= lastClosed) return { closed: false, lastClosed, cells: 0 }
    let cells = 0
    for (const dim of ['all', 'segment', 'category', 'source', 'occupation'] as const) {
      const r = await tx.query(
        `insert into coverage_snapshots (month, regency_code, dim, value, measure, n)
         select $2, "regencyCode", $1, value, measure, n from (${OPEN_CELLS}) c where n <> 0`,
        [dim, month],
      )
      cells += r.rowCount ?? 0
    }
    await tx.query(`insert into coverage_closed_months (month, closed_at, actor_id) values ($1, $2, $3)`, [month, now, actorId])
    return { closed: true, lastClosed, cells }
  })
}

/** The current stock per breakdown, recounted from the registry (participants and their sources). */
const RECOUNT = `
select p.regency_code as "regencyCode", d.dim, d.value, m.measure, count(*)::bigint as n
  from participants p
  left join sources s on s.id = p.source_id
  cross join lateral (values ('registered'), (p.status)) m(measure)
  cross join lateral (values ('all', ''), ('segment', coverage_segment(p.category)), ('category', p.category),
                             ('source', coalesce(s.kind, 'unknown')), ('occupation', coverage_occupation(p.occupation_codes))) d(dim, value)
 where p.status <> 'berhenti'
 group by 1, 2, 3, 4`

export interface RecountDifference {
  regencyCode: string
  dim: string
  value: string
  measure: string
  rollup: number
  recount: number
}

/**
 * `semesta report rebuild`: folds, recounts the stock from the registry and compares it with the incremental
 * coverage_current cell by cell. With `repair`, a differing cell is set to the recount and the difference is booked
 * in the first open month, so that every open month's figures follow.
 */
export async function recountAndCompare(sql: Sql, options: { repair: boolean }): Promise<{ cells: number; differences: RecountDifference[] }> {
  return sql.transaction(async (tx) => {
    await tx.query(FOLD_LOCK)
    await tx.query(FOLD)
    const { rows } = await tx.query<RecountDifference & { cells: number }>(
      `with recount as (${RECOUNT}),
            rollup as (select regency_code as "regencyCode", dim, value, measure, n from coverage_current)
       select coalesce(a."regencyCode", b."regencyCode") as "regencyCode", coalesce(a.dim, b.dim) as dim, coalesce(a.value, b.value) as value,
              coalesce(a.measure, b.measure) as measure, coalesce(b.n, 0)::bigint as rollup, coalesce(a.n, 0)::bigint as recount,
              count(*) over ()::int as cells
         from recount a full join rollup b
           on a."regencyCode" = b."regencyCode" and a.dim = b.dim and a.value = b.value and a.measure = b.measure`,
    )
    const differences = rows.filter((r) => Number(r.rollup) !== Number(r.recount)).map(({ cells: _cells, ...d }) => ({ ...d, rollup: Number(d.rollup), recount: Number(d.recount) }))
    if (options.repair && differences.length > 0) {
      const { rows: open } = await tx.query<{ first_open: string }>(FIRST_OPEN)
      const firstOpen = open[0]!.first_open
      for (const d of differences) {
        await tx.query(
          `insert into coverage_current (regency_code, dim, value, measure, n) values ($1, $2, $3, $4, $5)
           on conflict (dim, regency_code, value, measure) do update set n = excluded.n`,
          [d.regencyCode, d.dim, d.value, d.measure, d.recount],
        )
        await tx.query(
          `insert into coverage_months (month, regency_code, dim, value, measure, n) values ($1, $2, $3, $4, $5, $6)
           on conflict (dim, month, regency_code, value, measure) do update set n = coverage_months.n + excluded.n`,
          [firstOpen, d.regencyCode, d.dim, d.value, d.measure, d.recount - d.rollup],
        )
      }
    }
    return { cells: rows[0]?.cells ?? 0, differences }
  })
}

/** Test/bench helper: the current stock per regency by a plain GROUP BY over the people table (the baseline). */
export async function plainGroupBy(sql: Sql): Promise<Array<{ regencyCode: string; status: string; n: number }>> {
  const { rows } = await sql.query<{ regencyCode: string; status: string; n: number }>(
    `select regency_code as "regencyCode", status, count(*)::int as n from participants where status <> 'berhenti' group by 1, 2`)
  return rows
}

export interface CoverageProbe {
  /** Some participant's status changes with time alone by `today` (the daily job has not run yet). */
  statusesDue: boolean
  /** Deltas wait to be folded. */
  deltasPending: boolean
  closed: Month[]
}

/** What a report must do before reading, in one round trip (reads contribution_states' next-change index). */
export async function probeCoverage(sql: Sql, today: string): Promise<CoverageProbe> {
  const { rows } = await sql.query<CoverageProbe>(
    `select exists (select 1 from contribution_states where next_change_on <= $1) as "statusesDue",
            exists (select 1 from coverage_deltas) as "deltasPending",
            coalesce((select array_agg(month order by month) from coverage_closed_months), '{}') as closed`,
    [today],
  )
  return rows[0]!
}
