import { createHash } from 'node:crypto'
import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'

/** A stored due with how it was settled (a due is paid when it has an allocation; paid_on is its payment's). */
export interface StoredDue {
  id: string
  enrolmentId: string
  month: Month
  programme: string
  payer: string
  payerRef: string | null
  amountIdr: number
  dueDate: string
  paidOn: string | null
  paidIdr: number
  paymentId: string | null
}

/** Every due of a participant, oldest month first, with its settlement (one index range on the dues primary key). */
export async function listDues(sql: Sql, participantId: string): Promise<StoredDue[]> {
  const { rows } = await sql.query<StoredDue>(
    `select d.id, d.enrolment_id as "enrolmentId", d.month, d.programme, d.payer, d.payer_ref as "payerRef", d.amount_idr as "amountIdr",
            to_char(d.due_date, 'YYYY-MM-DD') as "dueDate", to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn", coalesce(a.amount_idr, 0) as "paidIdr",
            a.payment_id as "paymentId"
     from dues d
     left join payment_allocations a on a.due_id = d.id
     left join payments p on p.id = a.payment_id
     where d.participant_id = $1
     order by d.month, d.programme`,
    [participantId],
  )
  return rows
}

export interface NewDue {
  participantId: string
  enrolmentId: string
  month: Month
  programme: string
  payer: string
  payerRef: string | null
  amountIdr: number
  dueDate: string
}

/**
 * A due's id: md5 of its natural key (enrolment, month, programme, payer) read as a UUID, so billing (in SQL, `DUE_ID_SQL`)
 * and a payment (here) give the same due the same id. Deterministic ids are also what lets a chunk be redone safely.
 */
export function dueIdOf(enrolmentId: string, month: Month, programme: string, payer: string): string {
  const hex = createHash('md5').update(`${enrolmentId}:${month}:${programme}:${payer}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** `dueIdOf` in SQL over the given expressions (enrolment id as uuid, month, programme, payer as text). */
export const dueIdSql = (enrolmentId: string, month: string, programme: string, payer: string): string =>
  `md5(${enrolmentId}::text || ':' || ${month} || ':' || ${programme} || ':' || ${payer})::uuid`

/**
 * Creates dues a payment settles ahead of billing (or finds the ones billing created meanwhile: the no-op update
 * returns the existing row's id). Returns ids in input order.
 */
export async function ensureDues(sql: Sql, dues: readonly NewDue[], now: Date): Promise<string[]> {
  if (dues.length === 0) return []
  const col = <K extends keyof NewDue>(k: K) => dues.map((d) => d[k])
  const { rows } = await sql.query<{ id: string; month: string; programme: string }>(
    `insert into dues (id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date, origin, created_at)
     select i.id, i.participant_id, i.enrolment_id, i.month, i.programme, i.payer, i.payer_ref, i.amount_idr, i.due_date, 'payment', $10
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::date[])
       as i(id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date)
     on conflict (participant_id, month, enrolment_id, programme, payer) do update set amount_idr = dues.amount_idr
     returning id, month, programme`,
    [dues.map((d) => dueIdOf(d.enrolmentId, d.month, d.programme, d.payer)), col('participantId'), col('enrolmentId'), col('month'), col('programme'), col('payer'), col('payerRef'), col('amountIdr'), col('dueDate'), now],
  )
  const byKey = new Map(rows.map((r) => [`${r.month}|${r.programme}`, r.id]))
  return dues.map((d) => byKey.get(`${d.month}|${d.programme}`) as string)
}
