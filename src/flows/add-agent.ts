import { localDateAt } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { createUser, writeAudit, type Actor } from '../areas/access/index.js'
import { insertAgent, validateNewAgent, type AgentRecord, type NewAgentInput } from '../areas/agents/index.js'
import { insertSource } from '../areas/participants/index.js'
import { auditActor } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

export interface AddAgentCommand extends NewAgentInput {
  username: string
  password: string
  /** Assigned regencies (or a province code for all its regencies). */
  regionCodes: readonly string[]
  branchCode?: string | null | undefined
  actor: Actor | null
  requestId: string | null
  via: 'cli' | 'api' | 'start'
}

export interface AddedAgent {
  agent: AgentRecord
  userId: string
  username: string
}

/**
 * Onboards an Agen Perisai in ONE transaction: its registry source (kind `agent`, ref the agent id), the agent, and its
 * sign-in user (role agent, its regencies, sourceIds = [the source]) so the policies scope it to its own portfolio.
 */
export async function addAgent(sql: Sql, cmd: AddAgentCommand, now: Date, ids: IdSource): Promise<AddedAgent> {
  const valid = validateNewAgent(cmd)
  if (cmd.regionCodes.length === 0) throw new DomainError('missing_field', 'Agen perlu wilayah tugas (kabupaten/kota, mis. 53.71,53.72).', { field: 'regions' })
  return sql.transaction(async (tx) => {
    const agentId = ids.newId()
    const source = await insertSource(tx, { id: ids.newId(), kind: 'agent', name: `Agen Perisai ${valid.name}`, refId: agentId, createdAt: now })
    const user = await createUser(tx, {
      actor: auditActor(cmd.actor), requestId: cmd.requestId, via: cmd.via, password: cmd.password,
      input: { username: cmd.username, role: 'agent', displayName: valid.name, branchCode: cmd.branchCode ?? null, regionCodes: cmd.regionCodes, sourceIds: [source.id] },
    }, now)
    const agent = await insertAgent(tx, {
      ...valid, id: agentId, branchCode: user.branchCode, regionCodes: user.regionCodes, sourceId: source.id, userId: user.id,
      joinedOn: localDateAt(now, 'Asia/Makassar'), createdAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'agent.add', subjectType: 'agent', subjectId: agent.id, requestId: cmd.requestId,
      details: { sourceId: source.id, userId: user.id, regionCount: user.regionCodes.length, branchCode: user.branchCode },
    })
    return { agent, userId: user.id, username: user.username }
  })
}
