import { fileSinkAdapter, loadNotificationRules, sinkFileIn, type Channel, type ChannelAdapter, type SendLog } from '../areas/notifications/index.js'
import { localDateAt, type LocalDate } from '../kernel/dates.js'
import type { Sql } from '../platform/db/sql.js'
import { startDailyJob } from '../platform/jobs/index.js'
import { planNotifications, planPemdaNotes, planReceipts, receiptWindowStart, type PlanResult } from './plan-notifications.js'
import { sendNotifications, type SendResult } from './send-notifications.js'

/** The default adapters: WhatsApp and SMS both to the local sink file in the data folder. */
export function sinkAdapters(dataDir: string, log?: SendLog): Record<Channel, ChannelAdapter> {
  const file = sinkFileIn(dataDir)
  return { whatsapp: fileSinkAdapter('whatsapp', file, log), sms: fileSinkAdapter('sms', file, log) }
}

export interface NotifyRunResult {
  date: LocalDate
  /** Reminders and warnings written, per rule, and how long planning took (status refresh included). */
  written: number
  byRule: PlanResult['byRule']
  planMs: number
  receipts: number
  pemdaNotes: number
  send: SendResult
}

/** One full run for a date (`semesta notify run --date`, and the daily job): plan reminders, receipts, OPD notes; send. */
export async function runNotifications(sql: Sql, cmd: { date: LocalDate; adapters: Record<Channel, ChannelAdapter>; signal?: AbortSignal }, now: Date, newId: () => string): Promise<NotifyRunResult> {
  const rules = loadNotificationRules()
  const plan = await planNotifications(sql, { date: cmd.date, rules, ...(cmd.signal ? { signal: cmd.signal } : {}) }, now, newId)
  const receipts = await planReceipts(sql, { since: receiptWindowStart(cmd.date, rules), date: cmd.date, rules }, now, newId)
  const pemdaNotes = await planPemdaNotes(sql, { date: cmd.date, rules }, now, newId)
  const send = await sendNotifications(sql, { adapters: cmd.adapters, rules }, now)
  return { date: cmd.date, written: plan.written, byRule: plan.byRule, planMs: plan.ms, receipts: receipts.written, pemdaNotes, send }
}

export interface NotificationSchedule {
  stop(): Promise<void>
}

/**
 * What `semesta start` runs: the day's plan once a day (WITA date), and every `tickMs` (default 30 s) the receipts
 * of payments received since the last tick and the pending sends. Both in the in-process job runner, one run at a time.
 */
export function startNotificationSchedule(sql: Sql, options: { adapters: Record<Channel, ChannelAdapter>; newId: () => string; now?: () => Date; tickMs?: number; onError?: (e: unknown) => void }): NotificationSchedule {
  const now = options.now ?? (() => new Date())
  const onError = options.onError ? { onError: options.onError } : {}
  const keyOf = (at: Date) => localDateAt(at, 'Asia/Makassar')
  const daily = startDailyJob({
    now, keyOf, ...onError,
    run: async (date, signal) => void (await runNotifications(sql, { date, adapters: options.adapters, signal }, now(), options.newId)),
  })
  let since: Date | null = null
  const tick = startDailyJob({
    now, keyOf, intervalMs: options.tickMs ?? 30_000, ...onError,
    run: async (date) => {
      const receipts = await planReceipts(sql, { since: since ?? receiptWindowStart(date), date }, now(), options.newId)
      since = receipts.until
      await sendNotifications(sql, { adapters: options.adapters }, now())
    },
  })
  return { stop: async () => void (await Promise.all([daily.stop(), tick.stop()])) }
}
