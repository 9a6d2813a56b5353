import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import { dueIdSql } from './dues.js'

export interface BillingRun {
  month: Month
  status: 'running' | 'done'
  cursor: string | null
  chunks: number
  enrolments: number
  dues: number
  billedIdr: number
}

const RUN_COLUMNS = `month, status, cursor, chunks, enrolments, dues, billed_idr as "billedIdr"`

/**
 * Starts (or resumes) the month's run: a running one keeps its cursor (a crash resumes after the last committed
 * chunk); a finished one starts again from the beginning (enrolments added since get their dues; the rest conflict).
 */
export async function openBillingRun(sql: Sql, month: Month, now: Date): Promise<BillingRun> {
  const { rows } = await sql.query<BillingRun>(
    `insert into billing_runs (month, status, cursor, started_at) values ($1, 'running', null, $2)
     on conflict (month) do update set status = 'running', finished_at = null,
       cursor = case when billing_runs.status = 'done' then null else billing_runs.cursor end,
       started_at = case when billing_runs.status = 'done' then excluded.started_at else billing_runs.started_at end
     returning ${RUN_COLUMNS}`,
    [month, now],
  )
  return rows[0] as BillingRun
}

export async function finishBillingRun(sql: Sql, month: Month, now: Date): Promise<BillingRun> {
  const { rows } = await sql.query<BillingRun>(
    `update billing_runs set status = 'done', finished_at = $2 where month = $1 returning ${RUN_COLUMNS}`,
    [month, now],
  )
  return rows[0] as BillingRun
}

export async function findBillingRun(sql: Sql, month: Month): Promise<BillingRun | null> {
  const { rows } = await sql.query<BillingRun>(`select ${RUN_COLUMNS} from billing_runs where month = $1`, [month])
  return rows[0] ?? null
}

/** The participant id that ends the chunk starting after `cursor` (null: the chunk runs to the end). */
export async function chunkUpperBound(sql: Sql, cursor: string | null, size: number): Promise<string | null> {
  const { rows } = await sql.query<{ participant_id: string }>(
    `select participant_id from enrolments where ($1::uuid is null or participant_id > $1::uuid) and segment = 'bpu'
     order by participant_id offset $2 limit 1`,
    [cursor, size - 1],
  )
  return rows[0]?.participant_id ?? null
}

export interface ChunkResult {
  enrolments: number
  dues: number
  billedIdr: number
}

/**
 * ONE statement bills the BPU enrolments of participants in (lower, upper]: active, first due month set and
 * reached, not ended, participant not nonaktif/berhenti since before the month began (a lapsed BPU accrues nothing until
 * they pay again; one who lapsed during the month is billed and the engine writes the due off), at the month's tariff
 * for their income base, sector, payer and programmes. Why it is shaped so (profiled at 3 M, docs/billing-and-payments.md):
 * - both tables are read by the chunk's id range (participants through its primary key: no scan of the registry per chunk);
 * - an enrolment that already has a due for the month is skipped by one probe of the dues primary key (`offset 0` keeps
 *   it a probe whatever the statistics say: no heap visit when there is none); a re-run inserts nothing cheaply;
 * - the tariff is joined by hash (merge and nested-loop joins are off for the statement: with the row estimates of a
 *   CTE the planner sorted 100,000 enrolments by tariff key for a merge join, or probed the tariff's index per row,
 *   both slower), and the rows are inserted in the primary key's order, so the inserts walk the dues index in order;
 * - a plain INSERT: `raced` (the caller's retry after a payment created one of these dues between the probe and the
 *   insert: unique violation) adds ON CONFLICT DO NOTHING, which costs about a third more per row;
 * - JIT off (compiling cost more than it saved), work_mem for the sort and the count in memory.
 * Due ids are `dueIdOf` (md5 of the natural key).
 */
export async function billChunk(sql: Sql, month: Month, lower: string | null, upper: string | null, now: Date, options: { raced?: boolean } = {}): Promise<ChunkResult> {
  await sql.query(
    `select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true)`,
  )
  const { rows } = await sql.query<ChunkResult>(
    `with chunk as materialized (
       select e.id, e.participant_id, e.programmes, e.income_base_idr, coalesce(e.sector, 'other') as sector, e.payer, e.payer_ref
       from enrolments e join participants p on p.id = e.participant_id
       where ($2::uuid is null or e.participant_id > $2::uuid) and ($3::uuid is null or e.participant_id <= $3::uuid)
         and ($2::uuid is null or p.id > $2::uuid) and ($3::uuid is null or p.id <= $3::uuid)
         and e.segment = 'bpu' and e.status = 'active' and e.start_month is not null and e.start_month <= $1
         and (e.end_month is null or e.end_month >= $1)
         and not (p.status in ('nonaktif', 'berhenti') and p.status_since <= $5::date)
         and not exists (select 1 from dues b where b.participant_id = e.participant_id and b.month = $1 and b.enrolment_id = e.id offset 0)
     ), inserted as (
       insert into dues (id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date, origin, created_at)
       select ${dueIdSql('c.id', '$1', 't.programme', 'c.payer')}, c.participant_id, c.id, $1, t.programme, c.payer, c.payer_ref, t.amount_idr, t.due_date, 'billing', $4
       from chunk c join contribution_tariffs t
         on t.month = $1 and t.segment = 'bpu' and t.income_base_idr = c.income_base_idr and t.sector = c.sector and t.payer = c.payer
        and t.programme = any (c.programmes)
       order by c.participant_id, c.id, t.programme
       ${options.raced ? 'on conflict do nothing' : ''}
       returning enrolment_id, amount_idr
     )
     select count(distinct enrolment_id)::int8 as enrolments, count(*)::int8 as dues, coalesce(sum(amount_idr), 0)::int8 as "billedIdr" from inserted`,
    [month, lower, upper, now, `${month}-01`],
  )
  return rows[0] as ChunkResult
}

/**
 * Adds a committed chunk's counts to the run and moves its cursor up to `cursor` (never back: with chunks committed
 * out of order by parallel workers, the cursor is the end of the chunks known done in order; a resumed run redoes
 * the few after it, which insert nothing).
 */
export async function recordChunk(sql: Sql, month: Month, cursor: string | null, result: ChunkResult): Promise<void> {
  await sql.query(
    `update billing_runs set cursor = case when cursor is null or $2::uuid > cursor then $2::uuid else cursor end, chunks = chunks + 1, enrolments = enrolments + $3, dues = dues + $4, billed_idr = billed_idr + $5
     where month = $1`,
    [month, cursor, result.enrolments, result.dues, result.billedIdr],
  )
}
