import { addDays, isLocalDate, localDateAt, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { addMonths, isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import {
  commissionStatement, findDepositByReference, insertDeposit, listCollections, listDeposits, listRegistrations, loadAgentRules, lockAgent, reconcileCash,
  type AgentRecord, type AgentRules, type CashReconciliation, type CommissionStatement, type DepositRecord,
} from '../areas/agents/index.js'
import { account, accountBalance, cashDeposited, naturalBalanceIdr, postTransfer } from '../areas/ledger/index.js'
import { auditActor } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

/** Today in WITA (Agen Perisai work in Bali and Nusa Tenggara; the date of a Papua agent differs by an hour at most). */
export const witaToday = (now: Date): LocalDate => localDateAt(now, 'Asia/Makassar')

export const lastDayOf = (month: Month): LocalDate => addDays(`${addMonths(month, 1)}-01`, -1)

/** What the agent holds in cash for BPJS: the balance of its agent_cash ledger account. */
export function cashOnHandIdr(sql: Sql, agent: Pick<AgentRecord, 'id'>): Promise<number> {
  return accountBalance(sql, account.agentCash(agent.id)).then((b) => naturalBalanceIdr('agent_cash', b))
}

export interface DepositCommand {
  agent: AgentRecord
  amountIdr: number
  depositedOn: LocalDate
  to: 'bank' | 'cabang'
  reference: string
  actor: Actor | null
  requestId: string | null
}

/** The ledger account a deposit lands in: the BPJS account for agents' deposits, or the branch's cash. */
export const depositBankCode = (agent: Pick<AgentRecord, 'branchCode'>, to: 'bank' | 'cabang'): string => (to === 'bank' ? 'agen-setoran' : `cabang-${agent.branchCode ?? 'kanwil'}`)

/**
 * An agent hands in collected cash (issue 10 item 4): a ledger transfer agent_cash → bank and the deposit row, in one
 * transaction under the agent's lock, never more than the cash held. The same slip reference again is the same
 * deposit (replayed); with another amount or date it is a conflict.
 */
export async function recordDeposit(sql: Sql, cmd: DepositCommand, now: Date, ids: IdSource): Promise<{ deposit: DepositRecord; replayed: boolean; cashOnHandIdr: number }> {
  if (!isLocalDate(cmd.depositedOn) || cmd.depositedOn > witaToday(now)) throw new DomainError('invalid_date', 'Tanggal setor harus YYYY-MM-DD dan tidak di masa depan.', { field: 'depositedOn' })
  return sql.transaction(async (tx) => {
    await lockAgent(tx, cmd.agent.id)
    const same = await findDepositByReference(tx, cmd.agent.id, cmd.reference)
    if (same) {
      if (same.amountIdr !== cmd.amountIdr || same.depositedOn !== cmd.depositedOn) throw new DomainError('conflict', 'Nomor bukti setor ini sudah dicatat untuk setoran lain.', { field: 'reference' })
      return { deposit: same, replayed: true, cashOnHandIdr: await cashOnHandIdr(tx, cmd.agent) }
    }
    const held = await cashOnHandIdr(tx, cmd.agent)
    if (cmd.amountIdr > held) throw new DomainError('invalid_input', `Setoran Rp${cmd.amountIdr} melebihi uang iuran yang dipegang agen (Rp${held}).`, { field: 'amountIdr', cashOnHandIdr: held })
    const transferId = ids.newId()
    const depositId = ids.newId()
    await postTransfer(tx, {
      id: transferId, occurredAt: new Date(`${cmd.depositedOn}T12:00:00+08:00`), refs: { agentId: cmd.agent.id, depositId }, requestId: cmd.requestId,
      ...cashDeposited({ agentId: cmd.agent.id, bankCode: depositBankCode(cmd.agent, cmd.to), amountIdr: cmd.amountIdr }),
    })
    const deposit = await insertDeposit(tx, {
      id: depositId, agentId: cmd.agent.id, amountIdr: cmd.amountIdr, depositedOn: cmd.depositedOn, depositedTo: cmd.to, reference: cmd.reference,
      transferId, actorId: cmd.actor?.userId ?? null, createdAt: now,
    })
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'agent.deposit', subjectType: 'agent', subjectId: cmd.agent.id, requestId: cmd.requestId,
      details: { depositId, transferId, amountIdr: cmd.amountIdr, to: cmd.to },
    })
    return { deposit, replayed: false, cashOnHandIdr: held - cmd.amountIdr }
  })
}

export interface CashPosition extends CashReconciliation {
  asOf: LocalDate
  /** The agent_cash ledger balance: equals undeposited − excess when the books and the collections agree. */
  ledgerBalanceIdr: number
}

/** Deposits against collections, oldest first (reversed collections left out: their cash went back to the worker). */
export async function cashPosition(sql: Sql, agent: AgentRecord, asOf: LocalDate): Promise<CashPosition> {
  const collections = (await listCollections(sql, agent.id, { to: asOf })).filter((c) => c.reversedOn === null || c.reversedOn > asOf)
  const depositedIdr = (await listDeposits(sql, agent.id)).filter((d) => d.depositedOn <= asOf).reduce((sum, d) => sum + d.amountIdr, 0)
  return { ...reconcileCash(collections, depositedIdr, asOf), asOf, ledgerBalanceIdr: await cashOnHandIdr(sql, agent) }
}

/** The agent's incentive statement for a month, from its collections, their reversals and its new participants. */
export async function agentCommission(sql: Sql, agent: AgentRecord, month: Month, rules: AgentRules = loadAgentRules()): Promise<CommissionStatement> {
  if (!isMonth(month)) throw new DomainError('invalid_month', 'month harus YYYY-MM.', { field: 'month' })
  const from = `${month}-01`
  const to = lastDayOf(month)
  const collections = await listCollections(sql, agent.id, { to })
  const registrations = await listRegistrations(sql, agent.sourceId, { from, to })
  return commissionStatement(month, rules, collections, registrations)
}
