import type { Sql } from '../../../platform/db/sql.js'

export interface CollectionRow {
  paymentId: string
  participantId: string
  collectedOn: string
  amountIdr: number
  /** The local date the payment's money_received transfer was reversed (a clawback), or null. */
  reversedOn: string | null
}

export async function insertCollection(sql: Sql, c: { agentId: string; paymentId: string; participantId: string; collectedOn: string; amountIdr: number; clientId: string; createdAt: Date }): Promise<void> {
  await sql.query(
    `insert into agent_collections (agent_id, payment_id, participant_id, collected_on, amount_idr, client_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (payment_id) do nothing`,
    [c.agentId, c.paymentId, c.participantId, c.collectedOn, c.amountIdr, c.clientId, c.createdAt],
  )
}

/**
 * An agent's collections collected from `from` to `to` (inclusive, null = open), with the date their money was given
 * back: the reversal of the payment's money_received transfer in the ledger (WITA date of the reversal).
 */
export async function listCollections(sql: Sql, agentId: string, range: { from?: string | null; to?: string | null } = {}): Promise<CollectionRow[]> {
  const { rows } = await sql.query<CollectionRow>(
    `select c.payment_id as "paymentId", c.participant_id as "participantId", c.collected_on as "collectedOn", c.amount_idr as "amountIdr",
       (select to_char(r.occurred_at at time zone 'Asia/Makassar', 'YYYY-MM-DD') from ledger_transfers t join ledger_transfers r on r.reverses_transfer_id = t.id
         where t.payment_id = c.payment_id and t.kind = 'money_received' limit 1) as "reversedOn"
     from agent_collections c
     where c.agent_id = $1 and ($2::date is null or c.collected_on >= $2::date) and ($3::date is null or c.collected_on <= $3::date)
     order by c.collected_on, c.payment_id`,
    [agentId, range.from ?? null, range.to ?? null],
  )
  return rows
}

/** Collections reversed in a month (for clawbacks) whatever their collection date. */
export async function listCollectionsReversedIn(sql: Sql, agentId: string, from: string, to: string): Promise<CollectionRow[]> {
  const all = await listCollections(sql, agentId, { to })
  return all.filter((c) => c.reversedOn !== null && c.reversedOn >= from && c.reversedOn <= to)
}
