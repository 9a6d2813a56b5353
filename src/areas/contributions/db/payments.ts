import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'

export interface NewPayment {
  id: string
  participantId: string
  amountIdr: number
  paidOn: string
  channel: string
  sourceId: string | null
  via: string
  creditUsedIdr: number
  creditAfterIdr: number
  receiptNo: string
  clientId: string
  clientKey: string
  requestId: string | null
  actorId: string | null
  receivedAt: Date
}

/** Receipt numbers: `BB-<year>-<serial, 6 digits at least>` from `receipt_serial_<year>` (no shared hot row; gaps possible). */
export async function nextReceiptNo(sql: Sql, year: number): Promise<{ receiptNo: string; serial: number }> {
  if (!Number.isInteger(year) || year < 2015 || year > 2060) throw new DomainError('out_of_range', `no receipt sequence for ${year}`, { field: 'year' })
  const { rows } = await sql.query<{ serial: number }>(`select nextval($1::regclass) as serial`, [`receipt_serial_${year}`])
  const serial = rows[0]!.serial
  return { receiptNo: `BB-${year}-${String(serial).padStart(6, '0')}`, serial }
}

/**
 * The payment, its allocations and its receipt in ONE statement, in the caller's transaction: the receipt serial is
 * drawn from `receipt_serial_<year>` (as nextReceiptNo does) and the number stored on the payment and the receipt.
 */
export async function insertPayment(
  sql: Sql,
  payment: Omit<NewPayment, 'receiptNo'>,
  allocations: readonly { dueId: string; amountIdr: number }[],
  year: number,
): Promise<{ receiptNo: string; serial: number }> {
  if (!Number.isInteger(year) || year < 2015 || year > 2060) throw new DomainError('out_of_range', `no receipt sequence for ${year}`, { field: 'year' })
  const p = payment
  const { rows } = await sql.query<{ serial: number; receiptNo: string }>(
    `with r as (select nextval($15::text::regclass) as serial),
     n as (select r.serial, 'BB-' || $16::int || '-' || lpad(r.serial::text, greatest(6, length(r.serial::text)), '0') as receipt_no from r),
     p as (
       insert into payments (id, participant_id, amount_idr, paid_on, channel, source_id, via, credit_used_idr, credit_after_idr, receipt_no,
         client_id, client_key, request_id, actor_id, received_at)
       select $1::uuid, $2::uuid, $3::bigint, $4::date, $5::text, $6::uuid, $7::text, $8::bigint, $9::bigint, n.receipt_no,
              $10::text, $11::text, $12::text, $13::uuid, $14::timestamptz from n
       returning id),
     a as (
       insert into payment_allocations (participant_id, payment_id, due_id, amount_idr)
       select $2::uuid, p.id, x.due_id, x.amount_idr from p, unnest($17::uuid[], $18::bigint[]) as x(due_id, amount_idr)),
     rc as (
       insert into receipts (receipt_no, payment_id, participant_id, year, serial, issued_at)
       select n.receipt_no, p.id, $2::uuid, $16::int, n.serial, $14::timestamptz from n, p)
     select n.serial, n.receipt_no as "receiptNo" from n`,
    [p.id, p.participantId, p.amountIdr, p.paidOn, p.channel, p.sourceId, p.via, p.creditUsedIdr, p.creditAfterIdr, p.clientId, p.clientKey, p.requestId, p.actorId,
      p.receivedAt, `receipt_serial_${year}`, year, allocations.map((a) => a.dueId), allocations.map((a) => a.amountIdr)],
  )
  const row = rows[0]!
  return { receiptNo: row.receiptNo, serial: Number(row.serial) }
}

export interface ReceiptView {
  receiptNo: string
  paymentId: string
  participantId: string
  issuedAt: Date
  amountIdr: number
  paidOn: string
  channel: string
  creditUsedIdr: number
  creditAfterIdr: number
  /** Set when a channel partner reversed the payment: the receipt is void (DIBATALKAN). */
  reversedAt: Date | null
  lines: { month: string; programme: string; amountIdr: number }[]
}

/** A receipt with its payment and the dues it settled (for the bukti bayar PDF). */
export async function findReceipt(sql: Sql, receiptNo: string): Promise<ReceiptView | null> {
  const { rows } = await sql.query<Omit<ReceiptView, 'lines'>>(
    `select r.receipt_no as "receiptNo", r.payment_id as "paymentId", r.participant_id as "participantId", r.issued_at as "issuedAt",
            p.amount_idr as "amountIdr", to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn", p.channel, p.credit_used_idr as "creditUsedIdr",
            p.credit_after_idr as "creditAfterIdr", p.reversed_at as "reversedAt"
     from receipts r join payments p on p.id = r.payment_id where r.receipt_no = $1`,
    [receiptNo],
  )
  const head = rows[0]
  if (!head) return null
  const lines = await sql.query<{ month: string; programme: string; amountIdr: number }>(
    `select d.month, d.programme, a.amount_idr as "amountIdr" from payment_allocations a join dues d on d.participant_id = a.participant_id and d.id = a.due_id
     where a.payment_id = $1 order by d.month, d.programme`,
    [head.paymentId],
  )
  return { ...head, lines: lines.rows }
}

export interface PaymentListItem {
  id: string
  amountIdr: number
  paidOn: string
  receiptNo: string
  channel: string
  /** Set when a channel partner reversed it the same day: it settles nothing and counts in no total. */
  reversedAt: Date | null
}

/** A participant's payments, newest first (reversed ones too, marked). */
export async function listPayments(sql: Sql, participantId: string): Promise<PaymentListItem[]> {
  const { rows } = await sql.query<PaymentListItem>(
    `select id, amount_idr as "amountIdr", to_char(paid_on, 'YYYY-MM-DD') as "paidOn", receipt_no as "receiptNo", channel, reversed_at as "reversedAt"
     from payments where participant_id = $1 order by paid_on desc, received_at desc`,
    [participantId],
  )
  return rows
}

/** What the payments paid in all: the reversed ones are not money received. */
export function standingTotalIdr(payments: readonly { amountIdr: number; reversedAt: Date | null }[]): number {
  return payments.reduce((sum, p) => (p.reversedAt ? sum : sum + Number(p.amountIdr)), 0)
}

/**
 * A reversed payment (a channel's same-day reversal) settles nothing any more: it is marked reversed and its
 * allocations are removed, so the dues it paid are open again. The payment row and receipt stay (shown as reversed);
 * the ledger keeps the payment and its mirror. Returns the allocations removed.
 */
export async function markPaymentReversed(sql: Sql, paymentId: string, at: Date): Promise<number> {
  await sql.query(`update payments set reversed_at = $2 where id = $1 and reversed_at is null`, [paymentId, at])
  const { rowCount } = await sql.query(`delete from payment_allocations where payment_id = $1`, [paymentId])
  return rowCount
}

export interface PayerSettlement {
  /** The payer's payment (e.g. a pemda invoice): one payment row per participant, `<reference>:<participant id>` its client key. */
  reference: string
  clientId: string
  channel: string
  via: string
  paidOn: string
  requestId: string | null
  actorId: string | null
  receivedAt: Date
}

/**
 * Settles the open dues a payer paid on its participants' behalf for these member-months (a pemda invoice's items): per
 * participant one payment of their dues' total (numbered `<reference>/<n>`, no bukti bayar: the payer's invoice is the
 * document) and an allocation per due, set-based; dues found by their natural key (the dues primary key). Dues
 * already settled are left alone. Returns the participants settled.
 */
export async function settleDuesForPayer(
  sql: Sql, payer: { payer: string; payerRef: string }, memberMonths: ReadonlyArray<{ participantId: string; month: string }>, s: PayerSettlement,
): Promise<number> {
  if (memberMonths.length === 0) return 0
  const { rows } = await sql.query<{ n: number }>(
    `with open as (
       select d.id, d.participant_id, d.amount_idr
         from unnest($1::uuid[], $2::text[]) as k(participant_id, month)
         join dues d on d.participant_id = k.participant_id and d.month = k.month
        where d.payer = $11 and d.payer_ref = $12 and not exists (select 1 from payment_allocations a where a.due_id = d.id)
     ), per as (
       select participant_id, sum(amount_idr)::int8 as amount_idr, row_number() over (order by participant_id) as n from open group by participant_id
     ), pay as (
       insert into payments (id, participant_id, amount_idr, paid_on, channel, source_id, via, credit_used_idr, credit_after_idr, receipt_no,
         client_id, client_key, request_id, actor_id, received_at)
       select md5($3 || ':' || per.participant_id::text)::uuid, per.participant_id, per.amount_idr, $4::date, $5, null, $6, 0, 0, $3 || '/' || per.n,
              $7, $3 || ':' || per.participant_id::text, $8, $9::uuid, $10
         from per where per.amount_idr > 0
       returning id, participant_id
     ), alloc as (
       insert into payment_allocations (participant_id, payment_id, due_id, amount_idr)
       select o.participant_id, pay.id, o.id, o.amount_idr from open o join pay on pay.participant_id = o.participant_id
       returning participant_id
     )
     select count(distinct participant_id)::int8 as n from alloc`,
    [memberMonths.map((m) => m.participantId), memberMonths.map((m) => m.month), s.reference, s.paidOn, s.channel, s.via, s.clientId, s.requestId, s.actorId,
      s.receivedAt, payer.payer, payer.payerRef],
  )
  return rows[0]?.n ?? 0
}
