import type { Sql } from '../../../platform/db/sql.js'
import type { AccountKey, AccountKind } from '../domain/accounts.js'
import type { ReversalReason, TransferKind } from '../domain/transfer-kinds.js'

/** The accounts that belong to one participant (ref = participant id). */
export const PARTICIPANT_ACCOUNT_KINDS: readonly AccountKind[] = ['participant_credit', 'receivable', 'refund_payable']

export interface StatementLine {
  transferId: string
  kind: TransferKind
  occurredAt: Date
  account: AccountKey
  amountIdr: number
  dueId: string | null
  reversesTransferId: string | null
  reasonCode: ReversalReason | null
  paymentId: string | null
}

export interface ParticipantStatement {
  /** Balance of each participant account before `from` (all zero without `from`). */
  opening: Array<{ account: AccountKey; balanceIdr: number }>
  lines: StatementLine[]
  /** True when more lines exist after the last one returned (ask again with a later `from`). */
  truncated: boolean
}

interface LineRow {
  transfer_id: string
  kind: TransferKind
  occurred_at: Date
  account_kind: AccountKind
  amount_idr: number
  due_id: string | null
  reverses_transfer_id: string | null
  reason_code: ReversalReason | null
  payment_id: string | null
}

/** A participant's statement: every entry on their accounts in time order, from `from` (inclusive) to `to` (exclusive). */
export async function participantStatement(
  sql: Sql,
  participantId: string,
  options: { from?: Date | undefined; to?: Date | undefined; limit?: number | undefined } = {},
): Promise<ParticipantStatement> {
  const limit = Math.min(Math.max(options.limit ?? 1000, 1), 10_000)
  const kinds = PARTICIPANT_ACCOUNT_KINDS as string[]
  const opening = await sql.query<{ kind: AccountKind; balance: number }>(
    `select a.kind, coalesce(sum(e.amount_idr) filter (where e.occurred_at < $3::timestamptz), 0)::bigint as balance
     from ledger_accounts a left join ledger_entries e on e.account_id = a.id
     where a.ref = $1 and a.kind = any($2::text[]) group by a.kind order by a.kind`,
    [participantId, kinds, options.from ?? null],
  )
  const { rows } = await sql.query<LineRow>(
    `select e.transfer_id, t.kind, e.occurred_at, a.kind as account_kind, e.amount_idr, e.due_id, t.reverses_transfer_id, t.reason_code, t.payment_id
     from ledger_accounts a
     join ledger_entries e on e.account_id = a.id
     join ledger_transfers t on t.id = e.transfer_id
     where a.ref = $1 and a.kind = any($2::text[])
       and ($3::timestamptz is null or e.occurred_at >= $3::timestamptz) and ($4::timestamptz is null or e.occurred_at < $4::timestamptz)
     order by e.occurred_at, e.transfer_id, e.line
     limit $5`,
    [participantId, kinds, options.from ?? null, options.to ?? null, limit + 1],
  )
  return {
    opening: opening.rows.map((row) => ({ account: { kind: row.kind, ref: participantId }, balanceIdr: row.balance })),
    lines: rows.slice(0, limit).map((row) => ({
      transferId: row.transfer_id,
      kind: row.kind,
      occurredAt: row.occurred_at,
      account: { kind: row.account_kind, ref: participantId },
      amountIdr: row.amount_idr,
      dueId: row.due_id,
      reversesTransferId: row.reverses_transfer_id,
      reasonCode: row.reason_code,
      paymentId: row.payment_id,
    })),
    truncated: rows.length > limit,
  }
}
