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
  /** Protection periods (PMI, jakon): the last day covered; null for monthly dues. */
  periodTo: string | null
}

/** Every due of a participant, oldest month first, with its settlement (one index range on the dues primary key). */
/** The select of one participant's dues (`$n` their id, or `p.id` of an outer `participants p`), oldest month first: for a read that joins other rows in one statement. */
export const duesOfParticipantSql = (param: string): string =>
  `select d.id, d.enrolment_id as "enrolmentId", d.month, d.programme, d.payer, d.payer_ref as "payerRef", d.amount_idr as "amountIdr",
            to_char(d.due_date, 'YYYY-MM-DD') as "dueDate", to_char(pm.paid_on, 'YYYY-MM-DD') as "paidOn", coalesce(a.amount_idr, 0) as "paidIdr",
            a.payment_id as "paymentId", to_char(d.period_to, 'YYYY-MM-DD') as "periodTo"
     from dues d
     left join payment_allocations a on a.due_id = d.id
     left join payments pm on pm.id = a.payment_id
     where d.participant_id = ${param}
     order by d.month, d.programme`

export async function listDues(sql: Sql, participantId: string): Promise<StoredDue[]> {
  const { rows } = await sql.query<StoredDue>(duesOfParticipantSql('$1'), [participantId])
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

/** The dues of many participants (bulk status refresh), as listDues gives them one by one. */
export async function listDuesOf(sql: Sql, participantIds: readonly string[]): Promise<Map<string, StoredDue[]>> {
  const out = new Map<string, StoredDue[]>()
  if (participantIds.length === 0) return out
  const { rows } = await sql.query<StoredDue & { participantId: string }>(
    `select d.participant_id as "participantId", d.id, d.enrolment_id as "enrolmentId", d.month, d.programme, d.payer, d.payer_ref as "payerRef",
            d.amount_idr as "amountIdr", to_char(d.due_date, 'YYYY-MM-DD') as "dueDate", to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn",
            coalesce(a.amount_idr, 0) as "paidIdr", a.payment_id as "paymentId", to_char(d.period_to, 'YYYY-MM-DD') as "periodTo"
     from dues d
     left join payment_allocations a on a.due_id = d.id
     left join payments p on p.id = a.payment_id
     where d.participant_id = any($1::uuid[])
     order by d.participant_id, d.month, d.programme`,
    [[...participantIds]],
  )
  for (const { participantId, ...due } of rows) {
    let list = out.get(participantId)
    if (!list) out.set(participantId, (list = []))
    list.push(due)
  }
  return out
}

/**
 * The dues a payer's invoice bills (a pemda programme's member-months), created or found: ids are `dueIdOf` the natural
 * key as the monthly billing makes them, so either may come first. Returns ids in input order.
 */
export async function upsertPayerDues(sql: Sql, dues: readonly NewDue[], now: Date): Promise<string[]> {
  if (dues.length === 0) return []
  const col = <K extends keyof NewDue>(k: K) => dues.map((d) => d[k])
  const { rows } = await sql.query<{ id: string; participantId: string; month: string; programme: string }>(
    `insert into dues (id, participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date, origin, created_at)
     select ${dueIdSql('i.enrolment_id', 'i.month', 'i.programme', 'i.payer')}, i.participant_id, i.enrolment_id, i.month,
            i.programme, i.payer, i.payer_ref, i.amount_idr, i.due_date, 'billing', $9
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::date[])
       as i(participant_id, enrolment_id, month, programme, payer, payer_ref, amount_idr, due_date)
     on conflict (participant_id, month, enrolment_id, programme, payer) do update set amount_idr = dues.amount_idr
     returning id, participant_id as "participantId", month, programme`,
    [col('participantId'), col('enrolmentId'), col('month'), col('programme'), col('payer'), col('payerRef'), col('amountIdr'), col('dueDate'), now],
  )
  const byKey = new Map(rows.map((r) => [`${r.participantId}|${r.month}|${r.programme}`, r.id]))
  return dues.map((d) => byKey.get(`${d.participantId}|${d.month}|${d.programme}`) as string)
}

/** Drops the unpaid dues of a payer for member-months no longer billed (a revised invoice); paid ones stay. */
export async function removeOpenPayerDues(sql: Sql, payer: { payer: string; payerRef: string }, memberMonths: ReadonlyArray<{ participantId: string; month: string }>): Promise<number> {
  if (memberMonths.length === 0) return 0
  const { rowCount } = await sql.query(
    `delete from dues d using unnest($3::uuid[], $4::text[]) as k(participant_id, month)
      where d.participant_id = k.participant_id and d.month = k.month and d.payer = $1 and d.payer_ref = $2
        and not exists (select 1 from payment_allocations a where a.due_id = d.id)`,
    [payer.payer, payer.payerRef, memberMonths.map((m) => m.participantId), memberMonths.map((m) => m.month)],
  )
  return rowCount
}
