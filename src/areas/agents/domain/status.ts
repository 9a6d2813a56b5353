import { addMonths, monthOfDate, type Month } from '../../../kernel/month.js'
import type { LocalDate } from '../../../kernel/dates.js'

export const AGENT_STATUSES = ['aktif', 'tidak_aktif'] as const
export type AgentStatus = (typeof AGENT_STATUSES)[number]

export interface AgentActivity {
  /** The office ended the agency (fraud means immediate termination): inactive whatever the production. */
  terminated: boolean
  /** When the agent joined: a new agent has the rule's window before it counts as inactive. */
  joinedOn: LocalDate
  /** The last day the agent registered someone or collected a contribution; null when never. */
  lastProductionOn: LocalDate | null
}

/**
 * "An agent counts as inactive after 3 months without production" (reference/agen-perisai.yaml, flagged S1):
 * inactive at `asOf` when no production happened in the `inactiveAfterMonths` whole months before the month of
 * `asOf`, nor in it. Production = a registration or a collection. Counted from joining when nothing was produced.
 */
export function agentStatus(a: AgentActivity, asOf: LocalDate, inactiveAfterMonths: number): AgentStatus {
  if (a.terminated) return 'tidak_aktif'
  const last: Month = monthOfDate(a.lastProductionOn ?? a.joinedOn)
  const firstInactive = addMonths(last, inactiveAfterMonths + 1)
  return monthOfDate(asOf) >= firstInactive ? 'tidak_aktif' : 'aktif'
}
