/**
 * The agents area (issue 10, Agen Perisai): agents with their wadah, branch, regencies and registry source, their
 * collections and cash deposits, the incentive schemes as dated data and the pure rules over them. Used by others
 * only through this file.
 */
export * from './domain/index.js'
export { insertAgent, setAgentUser, findAgentById, findAgentBySource, findAgentByUser, listAgents, type AgentRecord, type NewAgentRow } from './db/agents.js'
export { insertDeposit, listDeposits, findDepositByReference, lockAgent, type DepositRecord } from './db/deposits.js'
export { insertCollection, listCollections, listCollectionsReversedIn, listCollectionDetails, type CollectionRow, type CollectionDetail } from './db/collections.js'
export { listRegistrations, portfolioCounts, monthProduction, type RegistrationRow, type PortfolioCounts, type MonthProduction } from './db/production.js'
export { mayActForAgent, assertMayActForAgent } from './policy.js'
export { loadAgentRules, AGENT_RULES_FILE } from './rules-file.js'
export type { OutboxItem, ItemResult, AgenRegisterPayload, AgenCollectPayload } from './http/schemas.js'
export { outboxItem } from './http/schemas.js'
