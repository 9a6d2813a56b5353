import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'

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
 * ONE statement bills the BPU enrolments of participants in (cursor, upper]: active, first due month set and
 * reached, not ended, participant not nonaktif/berhenti since before the month began (a lapsed BPU accrues nothing until
 * they pay again; one who lapsed during the month is billed and the engine writes the due off);
 * joined with the month's tariff by income base, sector, payer and programme. ON CONFLICT DO NOTHING: running twice
 * changes nothing. The run's progress is written by the same transaction (see runMonthlyBilling). The chunk is
 * MATERIALIZED so the participants join runs once per enrolment (not per due), and due ids are md5 of the natural
 * key: deterministic, and an order of magnitude cheaper than gen_random_uuid() on a loaded machine.
 */
export async function billChunk(sql: Sql, month: Month, cursor: string | null, upper: string | null, now: Date): Promise<ChunkResult> {
  const { rows } = await sql.query<ChunkResult>(
    `with chunk as materialized (
       select e.id, e.participant_id, e.programmes, e.income_base_idr, coalesce(e.sector, 'other') as sector, e.payer, e.payer_ref
       from enrolments e join participants p on p.id = e.participant_id
       where ($2::uuid is null or e.participant_id > $2::uuid) and ($3::uuid is null or e.participant_id <= $3::uuid)
         and e.segment = 'bpu' and e.status = 'active' and e.start_month is not null and e.start_month <= $1
         and (e.end_month is null or e.end_month >= $1)
         and not (p.status in ('nonaktif', 'berhenti') and p.status_since <= to_date($1 || '-01', 'YYYY-MM-DD'))
     ), inserted as (
       insert into dues (id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date, origin, created_at)
       select md5(c.id::text || ':' || $1 || ':' || t.programme || ':' || c.payer)::uuid, c.participant_id, c.id, $1, t.programme, c.payer, c.payer_ref, t.amount_idr, t.due_date, 'billing', $4
       from chunk c join contribution_tariffs t
         on t.month = $1 and t.segment = 'bpu' and t.income_base_idr = c.income_base_idr and t.sector = c.sector and t.payer = c.payer
        and t.programme = any (c.programmes)
       on conflict do nothing
       returning enrolment_id, amount_idr
     )
     select count(distinct enrolment_id)::int8 as enrolments, count(*)::int8 as dues, coalesce(sum(amount_idr), 0)::int8 as "billedIdr" from inserted`,
    [month, cursor, upper, now],
  )
  return rows[0] as ChunkResult
}

export async function recordChunk(sql: Sql, month: Month, upper: string | null, result: ChunkResult): Promise<void> {
  await sql.query(
    `update billing_runs set cursor = coalesce($2::uuid, cursor), chunks = chunks + 1, enrolments = enrolments + $3, dues = dues + $4, billed_idr = billed_idr + $5
     where month = $1`,
    [month, upper, result.enrolments, result.dues, result.billedIdr],
  )
}
