import type { Sql } from '../../../platform/db/sql.js'

export type ChannelTransactionKind = 'payment' | 'reversal'

export interface ChannelTransaction {
  id: string
  partnerId: string
  kind: ChannelTransactionKind
  reference: string
  externalId: string
  channelId: string | null
  partnerReferenceNo: string | null
  customerNo: string
  participantId: string
  paymentId: string
  receiptNo: string
  amountIdr: number
  feeIdr: number
  months: string[]
  /** What each month cost (the bills as paid). */
  monthAmountsIdr: number[]
  paidBills: string | null
  wibDate: string
  occurredAt: Date
  reversedBy: string | null
  reversalOf: string | null
  settledBy?: string | null
}

const COLUMNS = `id, partner_id as "partnerId", kind, reference, external_id as "externalId", channel_id as "channelId",
  partner_reference_no as "partnerReferenceNo", customer_no as "customerNo", participant_id as "participantId", payment_id as "paymentId",
  receipt_no as "receiptNo", amount_idr as "amountIdr", fee_idr as "feeIdr", months, month_amounts_idr as "monthAmountsIdr", paid_bills as "paidBills",
  to_char(wib_date, 'YYYY-MM-DD') as "wibDate", occurred_at as "occurredAt", reversed_by as "reversedBy", reversal_of as "reversalOf",
  settled_by as "settledBy"`

export async function insertChannelTransaction(sql: Sql, t: ChannelTransaction): Promise<void> {
  await sql.query(
    `insert into channel_transactions (id, partner_id, kind, reference, external_id, channel_id, partner_reference_no, customer_no, participant_id,
       payment_id, receipt_no, amount_idr, fee_idr, months, month_amounts_idr, paid_bills, wib_date, occurred_at, reversed_by, reversal_of)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [t.id, t.partnerId, t.kind, t.reference, t.externalId, t.channelId, t.partnerReferenceNo, t.customerNo, t.participantId, t.paymentId, t.receiptNo,
      t.amountIdr, t.feeIdr, t.months, t.monthAmountsIdr, t.paidBills, t.wibDate, t.occurredAt, t.reversedBy, t.reversalOf],
  )
}

export async function findChannelTransaction(sql: Sql, partnerId: string, kind: ChannelTransactionKind, reference: string, options: { lock?: boolean } = {}): Promise<ChannelTransaction | null> {
  const { rows } = await sql.query<ChannelTransaction>(
    `select ${COLUMNS} from channel_transactions where partner_id = $1 and kind = $2 and reference = $3${options.lock ? ' for update' : ''}`,
    [partnerId, kind, reference],
  )
  return rows[0] ?? null
}

export async function markReversed(sql: Sql, paymentRowId: string, reversalId: string): Promise<void> {
  await sql.query(`update channel_transactions set reversed_by = $2 where id = $1 and reversed_by is null`, [paymentRowId, reversalId])
}

/** A partner's transactions of one WIB day, in time order (the daily report). */
export async function channelTransactionsOfDay(sql: Sql, partnerId: string, wibDate: string): Promise<ChannelTransaction[]> {
  const { rows } = await sql.query<ChannelTransaction>(
    `select ${COLUMNS} from channel_transactions where partner_id = $1 and wib_date = $2 order by occurred_at, id`,
    [partnerId, wibDate],
  )
  return rows
}

/** Marks a partner's day as settled (forwarded to BPJS): its payments can no longer be reversed. */
export async function markDaySettled(sql: Sql, partnerId: string, wibDate: string, transferId: string): Promise<number> {
  const { rowCount } = await sql.query(`update channel_transactions set settled_by = $3 where partner_id = $1 and wib_date = $2 and settled_by is null`, [partnerId, wibDate, transferId])
  return rowCount
}
