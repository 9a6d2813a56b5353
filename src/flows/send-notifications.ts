import {
  failMessage, finishMessage, loadNotificationRules, optOutsOf, pendingMessages, renderMessage,
  type Channel, type ChannelAdapter, type NotificationRules, type OutboxRow,
} from '../areas/notifications/index.js'
import { findParticipantsByIds } from '../areas/participants/index.js'
import type { Sql } from '../platform/db/sql.js'

export interface SendResult {
  sent: number
  skipped: number
  failed: number
}

export interface SendCommand {
  adapters: Readonly<Record<Channel, ChannelAdapter>>
  rules?: NotificationRules
  /** Only these outbox rows (a one-time code sent at once); default: the oldest pending ones. */
  ids?: readonly string[]
  limit?: number
  /** A row is `failed` after this many attempts (default 5). */
  maxAttempts?: number
}

/**
 * Drains the outbox (after the writes committed: a payment never waits for a message): reads each recipient's phone
 * just before sending, skips those without one or who opted out since (a one-time code always goes), renders the
 * template and hands it to the channel's adapter. A failed send stays pending for the next run, up to maxAttempts.
 */
export async function sendNotifications(sql: Sql, cmd: SendCommand, now: Date): Promise<SendResult> {
  const rules = cmd.rules ?? loadNotificationRules()
  const result: SendResult = { sent: 0, skipped: 0, failed: 0 }
  const rows = await pendingMessages(sql, cmd.limit ?? 500, cmd.ids)
  const personIds = [...new Set(rows.filter((r) => r.subjectType === 'participant').map((r) => r.subjectId))]
  const phones = new Map((await findParticipantsByIds(sql, personIds)).map((p) => [p.id, p.phone]))
  const optOuts = await optOutsOf(sql, personIds)
  for (const row of rows) {
    const to = addressOf(row, phones, optOuts.get(row.subjectId) ?? [])
    if (to === null) {
      await finishMessage(sql, row.id, 'skipped', now)
      result.skipped++
      continue
    }
    try {
      const text = renderMessage(rules, row.rule, row.lang, row.params)
      await cmd.adapters[row.channel].send({ outboxId: row.id, channel: row.channel, rule: row.rule, subjectId: row.subjectId, to, text })
      await finishMessage(sql, row.id, 'sent', now)
      result.sent++
    } catch (error) {
      await failMessage(sql, row.id, error instanceof Error ? error.name : 'send_failed', cmd.maxAttempts ?? 5)
      result.failed++
    }
  }
  return result
}

/** Where a row goes: the participant's phone (none when missing or opted out of its channel), the programme's OPD inbox. */
function addressOf(row: OutboxRow, phones: Map<string, string | null>, optOuts: readonly string[]): string | null {
  if (row.subjectType === 'pemda_programme') return `opd:${row.subjectId}`
  const phone = phones.get(row.subjectId) ?? null
  if (phone === null) return null
  if (row.rule !== 'one_time_code' && (optOuts.includes('all') || optOuts.includes(row.channel))) return null
  return phone
}
