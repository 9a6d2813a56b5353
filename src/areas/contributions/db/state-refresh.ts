import type { LocalDate } from '../../../kernel/dates.js'
import type { Sql } from '../../../platform/db/sql.js'

export interface DueState {
  participantId: string
  nextChangeOn: LocalDate
  nextStatus: string | null
}

/**
 * The next chunk of participants whose status changes with time alone by `asOf` (contribution_states.next_change_on,
 * a partial index), after `cursor` in participant order.
 */
export async function statesDueForChange(sql: Sql, asOf: LocalDate, cursor: string | null, limit: number): Promise<DueState[]> {
  const { rows } = await sql.query<DueState>(
    `select participant_id as "participantId", to_char(next_change_on, 'YYYY-MM-DD') as "nextChangeOn", next_status as "nextStatus"
       from contribution_states
      where next_change_on is not null and next_change_on <= $1 and ($2::uuid is null or participant_id > $2::uuid)
      order by participant_id
      limit $3`,
    [asOf, cursor, limit],
  )
  return rows
}

/**
 * Dues already written off in the ledger (a `write_off` transfer names them), so a write-off is posted once. Reads
 * the ledger's tables directly (one index probe on ledger_entries.due_id) until the ledger area exports such a reader.
 */
export async function writtenOffDueIds(sql: Sql, dueIds: readonly string[]): Promise<Set<string>> {
  if (dueIds.length === 0) return new Set()
  const { rows } = await sql.query<{ dueId: string }>(
    `select distinct e.due_id as "dueId" from ledger_entries e join ledger_transfers t on t.id = e.transfer_id
      where e.due_id = any($1::uuid[]) and t.kind = 'write_off'`,
    [[...dueIds]],
  )
  return new Set(rows.map((r) => r.dueId))
}

export interface ReceivedPayment {
  participantId: string
  receiptNo: string
  amountIdr: number
  paidOn: LocalDate
  receivedAt: Date
}

/** Payments received after an instant, oldest first (the receipt messages, written after each payment committed). */
export async function paymentsReceivedSince(sql: Sql, since: Date, limit: number): Promise<ReceivedPayment[]> {
  const { rows } = await sql.query<ReceivedPayment>(
    `select participant_id as "participantId", receipt_no as "receiptNo", amount_idr as "amountIdr", to_char(paid_on, 'YYYY-MM-DD') as "paidOn", received_at as "receivedAt"
       from payments where received_at > $1 order by received_at, id limit $2`,
    [since, limit],
  )
  return rows
}
