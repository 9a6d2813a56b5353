import type { Sql } from '../../../platform/db/sql.js'

export interface DepositRecord {
  id: string
  agentId: string
  amountIdr: number
  depositedOn: string
  depositedTo: 'bank' | 'cabang'
  reference: string
  transferId: string
  createdAt: Date
}

const COLUMNS = `id, agent_id as "agentId", amount_idr as "amountIdr", deposited_on as "depositedOn", deposited_to as "depositedTo", reference,
  transfer_id as "transferId", created_at as "createdAt"`

export async function insertDeposit(sql: Sql, d: DepositRecord & { actorId: string | null }): Promise<DepositRecord> {
  const { rows } = await sql.query<DepositRecord>(
    `insert into agent_deposits (id, agent_id, amount_idr, deposited_on, deposited_to, reference, transfer_id, actor_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [d.id, d.agentId, d.amountIdr, d.depositedOn, d.depositedTo, d.reference, d.transferId, d.actorId, d.createdAt],
  )
  return rows[0]!
}

export async function listDeposits(sql: Sql, agentId: string): Promise<DepositRecord[]> {
  const { rows } = await sql.query<DepositRecord>(`select ${COLUMNS} from agent_deposits where agent_id = $1 order by deposited_on, id`, [agentId])
  return rows
}

export async function findDepositByReference(sql: Sql, agentId: string, reference: string): Promise<DepositRecord | null> {
  const { rows } = await sql.query<DepositRecord>(`select ${COLUMNS} from agent_deposits where agent_id = $1 and reference = $2`, [agentId, reference])
  return rows[0] ?? null
}

/** Locks the agent's row: deposits of one agent are taken one at a time (never more than the cash held). */
export async function lockAgent(sql: Sql, agentId: string): Promise<void> {
  await sql.query('select id from agents where id = $1 for update', [agentId])
}
