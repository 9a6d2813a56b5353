import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import type { Actor } from '../areas/access/index.js'
import { assertMayActForAgent, findAgentById, findAgentByUser, type AgentRecord } from '../areas/agents/index.js'

/**
 * The agent a request is about: an agent's own record (it may name no other), or for staff the agent they name, when
 * one of its regencies is in their scope (else `not_found`: existence is not revealed).
 */
export async function agentFor(sql: Sql, actor: Actor, agentId: string | undefined, action: 'agent.read' | 'agent.write' | 'payment.write'): Promise<AgentRecord> {
  if (actor.role === 'agent') {
    const own = await findAgentByUser(sql, actor.userId)
    if (!own || (agentId !== undefined && agentId !== own.id)) throw new DomainError('not_found', 'Agen tidak ditemukan.', { field: 'agentId' })
    return own
  }
  if (agentId === undefined) throw new DomainError('missing_field', 'Sebutkan agen (agentId).', { field: 'agentId' })
  const agent = await findAgentById(sql, agentId)
  if (!agent) throw new DomainError('not_found', 'Agen tidak ditemukan.', { field: 'agentId' })
  assertMayActForAgent(actor, agent, action)
  return agent
}
