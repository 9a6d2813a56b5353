import type { LocalDate } from '../kernel/dates.js'
import { isLocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { accountView, loadAccountInput, type MonthState, type Status, type StatusChange } from '../areas/contributions/index.js'
import { findParticipantById, findParticipantByKpj, findParticipantByNik, type ParticipantRecord } from '../areas/participants/index.js'

export interface ParticipantAccount {
  participantId: string
  asOf: LocalDate
  status: Status
  paidThrough: Month | null
  arrearsIdr: number
  totalPaidIdr: number
  creditIdr: number
  nextChange: StatusChange | null
  months: { month: Month; status: Status; state: MonthState; dueIdr: number; paidIdr: number }[]
}

/**
 * A participant's account at a date (issue 5 item 7): accountView over their stored dues and payments, the schedule
 * of months not billed yet, and the credit the ledger holds for them at the end of that day.
 */
export async function participantAccount(sql: Sql, participantId: string, asOf: LocalDate): Promise<ParticipantAccount> {
  if (!isLocalDate(asOf)) throw new DomainError('invalid_input', 'asOf must be YYYY-MM-DD', { field: 'asOf' })
  const p = await findParticipantById(sql, participantId)
  if (!p) throw new DomainError('not_found', 'participant not found', { field: 'participantId' })
  return accountOf(sql, p, asOf)
}

/** The same, by NIK (16 digits) or KPJ (11 digits), for the CLI. */
export async function participantAccountByNumber(sql: Sql, number: string, asOf: LocalDate): Promise<ParticipantAccount> {
  const p = await findByNumber(sql, number)
  if (!p) throw new DomainError('not_found', 'no participant with this NIK or KPJ', { field: 'participant' })
  return accountOf(sql, p, asOf)
}

export async function findByNumber(sql: Sql, number: string): Promise<ParticipantRecord | null> {
  if (/^\d{16}$/.test(number)) return findParticipantByNik(sql, number)
  if (/^\d{11}$/.test(number)) return findParticipantByKpj(sql, number)
  throw new DomainError('invalid_input', 'give a 16-digit NIK or an 11-digit KPJ', { field: 'participant' })
}

async function accountOf(sql: Sql, p: ParticipantRecord, asOf: LocalDate): Promise<ParticipantAccount> {
  const { input } = await loadAccountInput(sql, p, asOf)
  const view = accountView(input, asOf)
  return {
    participantId: p.id, asOf, status: view.status, paidThrough: view.paidThrough, arrearsIdr: view.arrearsIdr, totalPaidIdr: view.totalPaidIdr,
    creditIdr: view.creditIdr, nextChange: view.nextChange,
    months: view.months.map((m) => ({ month: m.month, status: m.status, state: m.state, dueIdr: m.dueIdr, paidIdr: m.paidIdr })),
  }
}
