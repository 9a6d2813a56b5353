/** The agents area's pure rules: what the web app (the /agen PWA) and other areas' domain code may import. */
export { parseAgentRules, schemeFor, type AgentRules, type CommissionScheme, type AcquisitionRule } from './scheme.js'
export { agentStatus, AGENT_STATUSES, type AgentStatus, type AgentActivity } from './status.js'
export { commissionStatement, type CommissionStatement, type StatementLine, type StatementLineKind, type CollectionFact, type RegistrationFact } from './commission.js'
export { reconcileCash, type CashCollection, type CashReconciliation, type ReconciledCollection } from './cash.js'
export { validateNewAgent, agentCode, type NewAgentInput, type ValidAgent } from './new-agent.js'
