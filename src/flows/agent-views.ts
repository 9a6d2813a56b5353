import { isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { addMonths, monthOfDate, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { dataScope, type Actor } from '../areas/access/index.js'
import { agentStatus, listAgents, loadAgentRules, monthProduction, portfolioCounts, type AgentRecord, type AgentStatus, type PortfolioCounts } from '../areas/agents/index.js'
import { monthlyContributionIdr } from '../areas/contributions/index.js'
import { balancesOfKind, naturalBalanceIdr } from '../areas/ledger/index.js'
import { listEnrolmentsOf } from '../areas/participants/index.js'
import { loadRegulationSet } from '../areas/programmes/index.js'
import { agentCommission, cashOnHandIdr, lastDayOf, witaToday } from './agent-money.js'
import { dottedRegency, worklist, type WorklistItem, type WorklistKind } from './worklists.js'

function lastProduction(c: PortfolioCounts | undefined): LocalDate | null {
  const dates = [c?.lastRegistrationOn ?? null, c?.lastCollectionOn ?? null].filter((d): d is string => d !== null).sort()
  return dates.at(-1) ?? null
}

export function statusOf(agent: AgentRecord, counts: PortfolioCounts | undefined, asOf: LocalDate): AgentStatus {
  return agentStatus({ terminated: agent.terminatedOn !== null && agent.terminatedOn <= asOf, joinedOn: agent.joinedOn, lastProductionOn: lastProduction(counts) }, asOf, loadAgentRules().inactiveAfterMonths)
}

/** GET /agen/me: the agent, its month's targets and progress, the cash it holds and the month's incentive so far. */
export async function agentMe(sql: Sql, agent: AgentRecord, now: Date) {
  const today = witaToday(now)
  const month = monthOfDate(today)
  const [counts] = await portfolioCounts(sql, [agent.id])
  const [progress] = await monthProduction(sql, [agent.id], { from: `${month}-01`, to: lastDayOf(month) })
  const statement = await agentCommission(sql, agent, month)
  const hasTargets = agent.targetRegistrations !== null || agent.targetCollectionsIdr !== null
  return {
    agent: { id: agent.id, code: agent.code, name: agent.name, wadah: agent.wadah, branchCode: agent.branchCode, regionCodes: agent.regionCodes, status: statusOf(agent, counts, today), sourceId: agent.sourceId },
    month,
    targets: hasTargets ? { registrations: agent.targetRegistrations, collectionsIdr: agent.targetCollectionsIdr } : null,
    progress: { registrations: progress?.registrations ?? 0, collectionsIdr: progress?.collectedIdr ?? 0 },
    cashOnHandIdr: await cashOnHandIdr(sql, agent),
    commission: statement.scheme ? { month, totalIdr: statement.totalIdr } : null,
  }
}

const GROUPS: Record<'dueThisWeek' | 'arrears' | 'lapsing' | 'lapsed' | 'neverPaid', WorklistKind> = {
  dueThisWeek: 'due-soon', arrears: 'arrears', lapsing: 'lapsing', lapsed: 'lapsed', neverPaid: 'never-paid',
}

/** The months a worklist row asks to be paid now: the arrears after the paid-through month, else the next month to pay. */
function monthsOwed(kind: WorklistKind, item: WorklistItem, asOf: LocalDate): Month[] {
  if ((kind === 'arrears' || kind === 'lapsing') && item.paidThrough !== null && item.monthsInArrears > 0) {
    return Array.from({ length: item.monthsInArrears }, (_, i) => addMonths(item.paidThrough as Month, i + 1))
  }
  if (kind === 'due-soon' && item.paidThrough !== null) return [addMonths(item.paidThrough, 1)]
  return [monthOfDate(asOf)]
}

/**
 * GET /agen/portfolio: the agent's own people in the contributions worklists (due this week, arrears, lapsing,
 * lapsed, never paid), scoped to the agent's source, with phones in clear (its own portfolio).
 */
export async function agentPortfolio(sql: Sql, agent: AgentRecord, asOf: LocalDate) {
  if (!isLocalDate(asOf)) throw new DomainError('invalid_date', 'asOf harus YYYY-MM-DD.', { field: 'asOf' })
  const scope = { regionCodes: 'all' as const, sourceIds: [agent.sourceId] }
  const lists = [] as Array<[keyof typeof GROUPS, WorklistKind, WorklistItem[]]>
  for (const [group, kind] of Object.entries(GROUPS) as [keyof typeof GROUPS, WorklistKind][]) {
    const list = await worklist(sql, { kind, asOf, scope, limit: 200, ...(kind === 'due-soon' ? { days: 7 } : {}) })
    lists.push([group, kind, list.items])
  }
  // the month's price for everyone at once: one read of the enrolments, the engine in memory
  const enrolments = await listEnrolmentsOf(sql, [...new Set(lists.flatMap(([, , items]) => items.map((i) => i.participantId)))])
  const regs = loadRegulationSet()
  const groups = {} as Record<keyof typeof GROUPS, PortfolioEntry[]>
  for (const [group, kind, items] of lists) {
    groups[group] = items.map((item) => {
      const entry = itemOf(kind, item, asOf)
      const list = enrolments.get(item.participantId) ?? []
      const enrolment = list.find((e) => e.status === 'active') ?? null
      const next = addMonths(entry.monthsOwed[entry.monthsOwed.length - 1] ?? monthOfDate(asOf), 1)
      return { ...entry, monthlyIdr: enrolment ? monthlyContributionIdr(enrolment, next, regs) : null }
    })
  }
  return { asOf, groups }
}

type PortfolioEntry = ReturnType<typeof itemOf> & { monthlyIdr: number | null }

function itemOf(kind: WorklistKind, item: WorklistItem, asOf: LocalDate) {
  return {
    participantId: item.participantId, kpj: item.kpj, name: item.name, phone: item.phone, regencyCode: item.regencyCode, status: item.status,
    monthsOwed: monthsOwed(kind, item, asOf), owedIdr: item.amountToPayNowIdr ?? 0,
    // the last protected day when nothing is paid: the day before the participant becomes nonaktif
    protectedUntil: item.nextStatus === 'nonaktif' ? item.nextDeadline : null,
    nextDueDate: item.nextDeadline,
  }
}

const ratioppm = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 1_000_000) / whole))

/**
 * GET /agents/performance (staff): per agent in the caller's regions, the month's registrations and collections, the
 * portfolio's retention (terlindungi of those who ever paid) and lapse rate (nonaktif of those who ever paid), the
 * cash held; filtered by branch and regency.
 */
export async function agentPerformance(sql: Sql, actor: Actor, query: { month?: Month | undefined; branch?: string | undefined; regency?: string | undefined }, now: Date) {
  const today = witaToday(now)
  const month = query.month ?? monthOfDate(today)
  const asOf = lastDayOf(month) < today ? lastDayOf(month) : today
  const agents = await listAgents(sql, { branchCode: query.branch, regencyCode: query.regency ? dottedRegency(query.regency) : undefined, regionCodes: dataScope(actor).regionCodes })
  const ids = agents.map((a) => a.id)
  const counts = new Map((await portfolioCounts(sql, ids)).map((c) => [c.agentId, c]))
  const production = new Map((await monthProduction(sql, ids, { from: `${month}-01`, to: lastDayOf(month) })).map((p) => [p.agentId, p]))
  const cash = new Map((await balancesOfKind(sql, 'agent_cash', { refs: ids })).map((b) => [b.account.ref, naturalBalanceIdr('agent_cash', b.balanceIdr)]))
  const rows = agents.map((a) => {
    const c = counts.get(a.id)
    const p = production.get(a.id)
    return {
      agentId: a.id, code: a.code, name: a.name, wadah: a.wadah, branchCode: a.branchCode, regionCodes: a.regionCodes, status: statusOf(a, c, asOf),
      registrations: p?.registrations ?? 0, collections: p?.collections ?? 0, collectedIdr: p?.collectedIdr ?? 0,
      portfolio: c?.participants ?? 0, terlindungi: c?.terlindungi ?? 0, retentionppm: ratioppm(c?.terlindungi ?? 0, c?.everPaid ?? 0),
      lapseRateppm: ratioppm(c?.nonaktif ?? 0, c?.everPaid ?? 0), cashOnHandIdr: cash.get(a.id) ?? 0,
    }
  })
  return { month, rows }
}
