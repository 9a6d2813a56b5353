import type { Sql } from '../../../platform/db/sql.js'
import type { AccountKind } from '../domain/accounts.js'
import type { Entry } from '../domain/entries.js'
import type { ReversalReason, TransferKind } from '../domain/transfer-kinds.js'

export interface StoredTransfer {
  id: string
  kind: TransferKind
  occurredAt: Date
  recordedAt: Date
  reversesTransferId: string | null
  reasonCode: ReversalReason | null
  reason: string | null
  refs: Record<string, string>
  requestId: string | null
  /** The reversal of this transfer, if any. */
  reversedBy: string | null
  entries: Entry[]
}

interface Row {
  id: string
  kind: TransferKind
  occurred_at: Date
  recorded_at: Date
  reverses_transfer_id: string | null
  reason_code: ReversalReason | null
  reason: string | null
  refs: Record<string, string>
  request_id: string | null
  reversed_by: string | null
  account_kind: AccountKind
  account_ref: string
  amount_idr: number
  due_id: string | null
}

/** One transfer with its entries in line order, or null. */
export async function findTransfer(sql: Sql, id: string): Promise<StoredTransfer | null> {
  const { rows } = await sql.query<Row>(
    `select t.id, t.kind, t.occurred_at, t.recorded_at, t.reverses_transfer_id, t.reason_code, t.reason, t.refs, t.request_id,
            (select r.id from ledger_transfers r where r.reverses_transfer_id = t.id) as reversed_by,
            a.kind as account_kind, a.ref as account_ref, e.amount_idr, e.due_id
     from ledger_transfers t
     join ledger_entries e on e.transfer_id = t.id
     join ledger_accounts a on a.id = e.account_id
     where t.id = $1
     order by e.line`,
    [id],
  )
  const first = rows[0]
  if (!first) return null
  return {
    id: first.id,
    kind: first.kind,
    occurredAt: first.occurred_at,
    recordedAt: first.recorded_at,
    reversesTransferId: first.reverses_transfer_id,
    reasonCode: first.reason_code,
    reason: first.reason,
    refs: first.refs,
    requestId: first.request_id,
    reversedBy: first.reversed_by,
    entries: rows.map((row) => ({
      account: { kind: row.account_kind, ref: row.account_ref },
      amountIdr: row.amount_idr,
      ...(row.due_id === null ? {} : { dueId: row.due_id }),
    })),
  }
}

/** Ids of the transfers that name a payment (to reverse them all when a channel reverses the payment). */
export async function transferIdsOfPayment(sql: Sql, paymentId: string): Promise<Array<{ id: string; kind: TransferKind; reversedBy: string | null }>> {
  const { rows } = await sql.query<{ id: string; kind: TransferKind; reversed_by: string | null }>(
    `select t.id, t.kind, (select r.id from ledger_transfers r where r.reverses_transfer_id = t.id) as reversed_by
     from ledger_transfers t where t.payment_id = $1::uuid order by t.occurred_at, t.id`,
    [paymentId],
  )
  return rows.map((row) => ({ id: row.id, kind: row.kind, reversedBy: row.reversed_by }))
}
