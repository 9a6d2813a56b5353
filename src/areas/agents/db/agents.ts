import type { Sql } from '../../../platform/db/sql.js'
import { agentCode, type ValidAgent } from '../domain/new-agent.js'

export interface AgentRecord {
  id: string
  code: string
  name: string
  wadah: string | null
  branchCode: string | null
  regionCodes: string[]
  sourceId: string
  userId: string | null
  terminatedOn: string | null
  targetRegistrations: number | null
  targetCollectionsIdr: number | null
  joinedOn: string
  createdAt: Date
}

const COLUMNS = `id, code, name, wadah, branch_code as "branchCode", region_codes as "regionCodes", source_id as "sourceId", user_id as "userId",
  terminated_on as "terminatedOn", target_registrations as "targetRegistrations", target_collections_idr as "targetCollectionsIdr",
  joined_on as "joinedOn", created_at as "createdAt"`

export interface NewAgentRow extends ValidAgent {
  id: string
  branchCode: string | null
  regionCodes: readonly string[]
  sourceId: string
  userId: string | null
  joinedOn: string
  createdAt: Date
}

/** Inserts the agent with the next printed code (AP-000001…). */
export async function insertAgent(sql: Sql, a: NewAgentRow): Promise<AgentRecord> {
  const serial = await sql.query<{ n: number }>(`select nextval('agent_code_serial')::bigint as n`)
  const { rows } = await sql.query<AgentRecord>(
    `insert into agents (id, code, name, wadah, branch_code, region_codes, source_id, user_id, target_registrations, target_collections_idr, joined_on, created_at)
     values ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11, $12) returning ${COLUMNS}`,
    [a.id, agentCode(Number(serial.rows[0]!.n)), a.name, a.wadah, a.branchCode, a.regionCodes, a.sourceId, a.userId, a.targetRegistrations, a.targetCollectionsIdr, a.joinedOn, a.createdAt],
  )
  return rows[0]!
}

export async function setAgentUser(sql: Sql, agentId: string, userId: string): Promise<void> {
  await sql.query('update agents set user_id = $2 where id = $1', [agentId, userId])
}

export async function findAgentById(sql: Sql, id: string): Promise<AgentRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const { rows } = await sql.query<AgentRecord>(`select ${COLUMNS} from agents where id = $1`, [id])
  return rows[0] ?? null
}

export async function findAgentBySource(sql: Sql, sourceId: string): Promise<AgentRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sourceId)) return null
  const { rows } = await sql.query<AgentRecord>(`select ${COLUMNS} from agents where source_id = $1`, [sourceId])
  return rows[0] ?? null
}

export async function findAgentByUser(sql: Sql, userId: string): Promise<AgentRecord | null> {
  const { rows } = await sql.query<AgentRecord>(`select ${COLUMNS} from agents where user_id = $1`, [userId])
  return rows[0] ?? null
}

/** Agents of a branch and/or assigned to a regency, by code. */
export async function listAgents(sql: Sql, filter: { branchCode?: string | undefined; regencyCode?: string | undefined; regionCodes?: 'all' | readonly string[] } = {}): Promise<AgentRecord[]> {
  const scope = filter.regionCodes === undefined || filter.regionCodes === 'all' ? null : [...filter.regionCodes]
  const { rows } = await sql.query<AgentRecord>(
    `select ${COLUMNS} from agents
     where ($1::text is null or branch_code = $1) and ($2::text is null or $2 = any(region_codes)) and ($3::text[] is null or region_codes && $3::text[])
     order by code`,
    [filter.branchCode ?? null, filter.regencyCode ?? null, scope],
  )
  return rows
}
