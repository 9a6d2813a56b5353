import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { TariffRow } from './tariffs.js'

/** The tariff months already materialised from `from` on: the ones a dated rule that arrived late may have made stale. */
export async function tariffMonthsFrom(sql: Sql, from: Month): Promise<Month[]> {
  const { rows } = await sql.query<{ month: Month }>(`select distinct month from contribution_tariffs where month >= $1 order by month`, [from])
  return rows.map((r) => r.month)
}

/**
 * Brings stored tariff rows in line with the engine (re-rating: the table is the engine's materialisation, so a rule
 * that arrived after it was written makes it stale). Only rows whose values differ are touched; returns how many.
 */
export async function refreshTariffRows(sql: Sql, rows: readonly TariffRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const col = <K extends keyof TariffRow>(k: K) => rows.map((r) => r[k])
  const { rowCount } = await sql.query(
    `insert into contribution_tariffs (month, segment, income_base_idr, sector, payer, programme, level, from_idr, to_idr, factorppm, amount_idr, due_date)
     select * from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bigint[], $9::bigint[], $10::int[], $11::bigint[], $12::date[])
     on conflict (month, segment, income_base_idr, sector, payer, programme) do update
       set level = excluded.level, from_idr = excluded.from_idr, to_idr = excluded.to_idr, factorppm = excluded.factorppm,
           amount_idr = excluded.amount_idr, due_date = excluded.due_date
     where (contribution_tariffs.amount_idr, contribution_tariffs.factorppm, contribution_tariffs.due_date)
           is distinct from (excluded.amount_idr, excluded.factorppm, excluded.due_date)`,
    [col('month'), col('segment'), col('incomeBaseIdr'), col('sector'), col('payer'), col('programme'), col('level'), col('fromIdr'), col('toIdr'), col('factorppm'), col('amountIdr'), col('dueDate')],
  )
  return rowCount
}

export interface StaleDue {
  dueId: string
  participantId: string
  month: Month
  programme: string
  oldIdr: number
  newIdr: number
  /** What a payment allocated to it (0 while open). */
  paidIdr: number
}

/**
 * One chunk of BPU dues from `from` on whose amount differs from the (refreshed) tariff, for participants in
 * (cursor, upper], locked: a concurrent re-rating waits, then finds them already corrected.
 */
export async function staleDues(sql: Sql, from: Month, cursor: string | null, upper: string | null): Promise<StaleDue[]> {
  const { rows } = await sql.query<StaleDue>(
    `select d.id as "dueId", d.participant_id as "participantId", d.month, d.programme, d.amount_idr as "oldIdr", t.amount_idr as "newIdr",
            coalesce(a.amount_idr, 0) as "paidIdr"
       from dues d
       join enrolments e on e.id = d.enrolment_id and e.segment = 'bpu'
       join contribution_tariffs t on t.month = d.month and t.segment = 'bpu' and t.income_base_idr = e.income_base_idr
        and t.sector = coalesce(e.sector, 'other') and t.payer = d.payer and t.programme = d.programme
       left join payment_allocations a on a.due_id = d.id and a.participant_id = d.participant_id
      where d.month >= $1 and d.period_to is null and d.amount_idr <> t.amount_idr
        and ($2::uuid is null or d.participant_id > $2::uuid) and ($3::uuid is null or d.participant_id <= $3::uuid)
      order by d.participant_id, d.month, d.programme
      for update of d`,
    [from, cursor, upper],
  )
  return rows
}

/** The participant id ending the chunk of `size` participants with dues from `from` on after `cursor` (null: to the end). */
export async function dueChunkUpperBound(sql: Sql, from: Month, cursor: string | null, size: number): Promise<string | null> {
  const { rows } = await sql.query<{ participant_id: string }>(
    `select participant_id from (select distinct participant_id from dues where month >= $1 and ($2::uuid is null or participant_id > $2::uuid)) p
      order by participant_id offset $3 limit 1`,
    [from, cursor, size - 1],
  )
  return rows[0]?.participant_id ?? null
}

/** Sets the re-rated amounts (the old ones stay in the ledger's due_rerated transfers and the run's audit event). */
export async function setDueAmounts(sql: Sql, changes: readonly { dueId: string; participantId: string; month: Month; newIdr: number }[]): Promise<void> {
  if (changes.length === 0) return
  await sql.query(
    `update dues d set amount_idr = v.amount from unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[]) as v(id, participant_id, month, amount)
      where d.participant_id = v.participant_id and d.month = v.month and d.id = v.id`,
    [changes.map((c) => c.dueId), changes.map((c) => c.participantId), changes.map((c) => c.month), changes.map((c) => c.newIdr)],
  )
}
