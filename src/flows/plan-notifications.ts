import { contributionDueDate, materialiseTariff, paymentsReceivedSince } from '../areas/contributions/index.js'
import {
  loadNotificationRules, optOutsOf, planPemdaNote, planReceipt, planReminders, ruleAt, writeOutbox, type NotificationRules, type PlannedMessage, type ReminderRule,
} from '../areas/notifications/index.js'
import { CATEGORIES, CATEGORY_RULES, findParticipantsByIds } from '../areas/participants/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../areas/programmes/index.js'
import { listProgrammes, programmeArrears } from '../areas/pemda/index.js'
import { addDays, isLocalDate, type LocalDate } from '../kernel/dates.js'
import { addMonths, monthOfDate, monthRange } from '../kernel/month.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { refreshStatuses } from './refresh-statuses.js'

export interface PlanResult {
  date: LocalDate
  /** Outbox rows written now, per rule (events already in the outbox are not counted). */
  written: number
  byRule: Record<ReminderRule, number>
  /** Participants the daily status job moved to the date first (0 when it had run). */
  statusesRefreshed: number
  ms: number
}

/**
 * The reminders and warnings of a day (issue 11 item 2), set-based: the stored statuses are first brought to the date
 * (the daily status job; nothing to do when it has run), then one INSERT … SELECT … ON CONFLICT DO NOTHING per rule
 * (`planReminders`) writes each event once, so a second run on the same or a later day writes nothing new. The rules
 * (N days, channels) come from reference/notifications.yaml; the due dates from the contributions engine; the amounts
 * of months not billed yet from the materialised tariff (written here for the months around the date).
 */
export async function planNotifications(sql: Sql, cmd: { date: LocalDate; signal?: AbortSignal; rules?: NotificationRules }, now: Date, newId: () => string): Promise<PlanResult> {
  if (!isLocalDate(cmd.date)) throw new DomainError('invalid_date', `date ${cmd.date} is not a date (YYYY-MM-DD)`, { field: 'date' })
  const started = performance.now()
  const rules = cmd.rules ?? loadNotificationRules()
  const refreshed = await refreshStatuses(sql, { asOf: cmd.date, ...(cmd.signal ? { signal: cmd.signal } : {}) }, now, { newId })
  if (cmd.signal?.aborted) return { date: cmd.date, written: 0, byRule: { due_reminder: 0, menunggak_warning: 0, nonaktif_warning: 0 }, statusesRefreshed: refreshed.evaluated, ms: 0 }
  const regs = loadRegulationSet()
  const holidays = loadHolidayCalendar()
  const here = monthOfDate(cmd.date)
  const calendar = monthRange(addMonths(here, -6), addMonths(here, 1)).map((month) => ({ month, dueDate: contributionDueDate(month, 'bpu_jkk_jkm', regs.due, holidays).date }))
  await materialiseTariff(sql, regs, holidays, calendar.map((c) => c.month))
  const reminder = ruleAt(rules, 'due_reminder', cmd.date)
  const lapse = ruleAt(rules, 'nonaktif_warning', cmd.date)
  const byRule = await planReminders(sql, {
    date: cmd.date, now, channels: rules.channels, calendar,
    categories: CATEGORIES.filter((c) => CATEGORY_RULES[c].statusRule === 'bpu_lapse'),
    reminderMonths: reminder ? calendar.filter((c) => c.dueDate >= cmd.date && c.dueDate <= addDays(cmd.date, reminder.daysBefore ?? 0)) : null,
    menunggak: ruleAt(rules, 'menunggak_warning', cmd.date) !== null,
    nonaktifDaysBefore: lapse ? (lapse.daysBefore ?? 0) : null,
  })
  const written = byRule.due_reminder + byRule.menunggak_warning + byRule.nonaktif_warning
  return { date: cmd.date, written, byRule, statusesRefreshed: refreshed.evaluated, ms: Math.round(performance.now() - started) }
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
