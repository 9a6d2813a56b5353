import { DomainError } from '../../kernel/errors.js'
import { authorize, dataScope, regionInScope, type Actor } from '../access/index.js'
import type { AgentRecord } from './db/agents.js'

/**
 * Who may see or act for one agent: the agent itself (its user, or its source in the actor's sourceIds), and office
 * staff whose regions hold one of the agent's regencies (kanwil and admin everywhere). Pure.
 */
export function mayActForAgent(actor: Actor, agent: Pick<AgentRecord, 'userId' | 'sourceId' | 'regionCodes'>, action: 'agent.read' | 'agent.write' | 'payment.write'): boolean {
  if (actor.role === 'agent') return agent.userId === actor.userId || actor.sourceIds.includes(agent.sourceId)
  if (!authorize(actor, action, { collection: true })) return false
  const scope = dataScope(actor).regionCodes
  return scope === 'all' || agent.regionCodes.some((code) => regionInScope(scope, code))
}

export function assertMayActForAgent(actor: Actor, agent: Pick<AgentRecord, 'userId' | 'sourceId' | 'regionCodes'>, action: 'agent.read' | 'agent.write' | 'payment.write'): void {
  if (!mayActForAgent(actor, agent, action)) throw new DomainError('not_found', 'Agen tidak ditemukan (atau di luar wilayah Anda).', { field: 'agent' })
}
