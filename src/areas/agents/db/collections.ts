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

export interface CollectionDetail extends CollectionRow {
  receiptNo: string
  kpj: string
  name: string
  months: string[]
}

/** The agent's collections with their receipt, the worker's KPJ and name, and the months paid (for the phone's list). */
export async function listCollectionDetails(sql: Sql, agentId: string, range: { from?: string | null; to?: string | null } = {}): Promise<CollectionDetail[]> {
  const rows = await listCollections(sql, agentId, range)
  if (rows.length === 0) return []
  const { rows: more } = await sql.query<{ paymentId: string; receiptNo: string; kpj: string; name: string; months: string[] }>(
    `select c.payment_id as "paymentId", pay.receipt_no as "receiptNo", p.kpj, p.name,
       coalesce((select array_agg(distinct d.month order by d.month) from payment_allocations pa join dues d on d.participant_id = pa.participant_id and d.id = pa.due_id
                 where pa.payment_id = c.payment_id), '{}'::text[]) as months
     from agent_collections c join payments pay on pay.id = c.payment_id join participants p on p.id = c.participant_id
     where c.payment_id = any($1::uuid[])`,
    [rows.map((r) => r.paymentId)],
  )
  const byId = new Map(more.map((m) => [m.paymentId, m]))
  return rows.map((r) => {
    const m = byId.get(r.paymentId)
    return { ...r, receiptNo: m?.receiptNo ?? '', kpj: m?.kpj ?? '', name: m?.name ?? '', months: m?.months ?? [] }
  })
}
