import { loadAccountInput, participantsInStatus, paymentsReceivedSince } from '../areas/contributions/index.js'
import {
  loadNotificationRules, optOutsOf, planParticipant, planPemdaNote, planReceipt, ruleAt, writeOutbox, type NotificationRules, type PlannedMessage,
} from '../areas/notifications/index.js'
import { findParticipantsByIds } from '../areas/participants/index.js'
import { listProgrammes, programmeArrears } from '../areas/pemda/index.js'
import { addDays, isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'

export interface PlanResult {
  date: LocalDate
  evaluated: number
  /** Outbox rows written now (events already in the outbox are not counted). */
  written: number
  chunks: number
}

const DEFAULT_CHUNK = 500

/**
 * The reminders and warnings of a day (issue 11 item 2): walks the participants whose stored state is aktif or
 * menunggak in chunks, asks the pure planner about each one's account at `date`, and writes the outbox with ON
 * CONFLICT DO NOTHING (one transaction per chunk), so a second run on the same or a later day writes nothing new.
 */
export async function planNotifications(sql: Sql, cmd: { date: LocalDate; chunkSize?: number; signal?: AbortSignal; rules?: NotificationRules }, now: Date, newId: () => string): Promise<PlanResult> {
  if (!isLocalDate(cmd.date)) throw new DomainError('invalid_date', `date ${cmd.date} is not a date (YYYY-MM-DD)`, { field: 'date' })
  const rules = cmd.rules ?? loadNotificationRules()
  const result: PlanResult = { date: cmd.date, evaluated: 0, written: 0, chunks: 0 }
  let cursor: string | null = null
  while (!cmd.signal?.aborted) {
    const ids = await participantsInStatus(sql, ['aktif', 'menunggak'], cursor, cmd.chunkSize ?? DEFAULT_CHUNK)
    if (ids.length === 0) break
    await sql.transaction(async (tx) => {
      const people = await findParticipantsByIds(tx, ids)
      const optOuts = await optOutsOf(tx, ids)
      const planned: PlannedMessage[] = []
      for (const p of people) {
        if (!p.phone) continue
        const c = await loadAccountInput(tx, p, cmd.date)
        const subject = { participantId: p.id, payNo: p.kpj, selfPaid: c.enrolment?.payer === 'self', hasPhone: true, optOuts: optOuts.get(p.id) ?? [], lang: 'id' as const, account: c.input }
        planned.push(...planParticipant(rules, subject, cmd.date))
      }
      result.written += (await writeOutbox(tx, planned, now, newId)).length
      result.evaluated += people.length
    })
    result.chunks++
    cursor = ids.at(-1) as string
  }
  return result
}

/** Receipt messages for the payments received after `since` (paged), each written once; returns the last receivedAt seen. */
export async function planReceipts(sql: Sql, cmd: { since: Date; date: LocalDate; rules?: NotificationRules; limit?: number }, now: Date, newId: () => string): Promise<{ written: number; until: Date }> {
  const rules = cmd.rules ?? loadNotificationRules()
  let since = cmd.since
  let written = 0
  for (;;) {
    const payments = await paymentsReceivedSince(sql, since, cmd.limit ?? 1_000)
    if (payments.length === 0) break
    const ids = [...new Set(payments.map((p) => p.participantId))]
    const people = new Map((await findParticipantsByIds(sql, ids)).map((p) => [p.id, p]))
    const optOuts = await optOutsOf(sql, ids)
    const planned = payments.flatMap((pay) => {
      const m = planReceipt(rules, { ...pay, hasPhone: Boolean(people.get(pay.participantId)?.phone), optOuts: optOuts.get(pay.participantId) ?? [], lang: 'id' }, cmd.date)
      return m ? [m] : []
    })
    written += (await writeOutbox(sql, planned, now, newId)).length
    since = (payments.at(-1) as { receivedAt: Date }).receivedAt
    if (payments.length < (cmd.limit ?? 1_000)) break
  }
  return { written, until: since }
}

/** The monthly arrears note of every pemda programme running in the date's year (one per programme and month). */
export async function planPemdaNotes(sql: Sql, cmd: { date: LocalDate; rules?: NotificationRules }, now: Date, newId: () => string): Promise<number> {
  const rules = cmd.rules ?? loadNotificationRules()
  if (!ruleAt(rules, 'pemda_arrears_note', cmd.date)) return 0
  const month = cmd.date.slice(0, 7)
  const programmes = (await listProgrammes(sql, { regionCodes: 'all' })).filter((p) => p.startMonth <= month && p.endMonth >= month)
  const planned: PlannedMessage[] = []
  for (const p of programmes) {
    const m = planPemdaNote(rules, { programmeId: p.id, name: p.name, ...(await programmeArrears(sql, p.id)) }, cmd.date)
    if (m) planned.push(m)
  }
  return (await writeOutbox(sql, planned, now, newId)).length
}

/** The start of the receipt window on a date: payments received in the rule's last N days. */
export function receiptWindowStart(date: LocalDate, rules: NotificationRules = loadNotificationRules()): Date {
  const days = ruleAt(rules, 'payment_receipt', date)?.daysAfter ?? 0
  return new Date(`${addDays(date, -days)}T00:00:00+08:00`)
}
