import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Notifications (issue 11 item 2): the outbox the planner writes and the sender drains, and opt-outs. An event is
 * (rule, subject, event key): unique, written with ON CONFLICT DO NOTHING, so nothing is sent twice for it. Rows
 * carry ids, the template and its params (amounts, months, dates, receipt numbers): never a phone, NIK or name;
 * the phone is read when the message is sent.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey(),
    rule: text('rule').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    eventKey: text('event_key').notNull(),
    channel: text('channel').notNull(),
    lang: text('lang').notNull(),
    params: jsonb('params').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('notification_outbox_event_key').on(t.rule, t.subjectId, t.eventKey),
    index('notification_outbox_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index('notification_outbox_subject_idx').on(t.subjectId, t.createdAt),
    check('notification_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'skipped')`),
    check('notification_outbox_channel_check', sql`${t.channel} in ('whatsapp', 'sms')`),
    check('notification_outbox_lang_check', sql`${t.lang} in ('id', 'en')`),
  ],
)

/** A participant's opt-out: from one channel, or `all`. */
export const notificationOptOuts = pgTable(
  'notification_opt_outs',
  {
    participantId: uuid('participant_id').notNull(),
    channel: text('channel').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'notification_opt_outs_pkey', columns: [t.participantId, t.channel] }),
    check('notification_opt_outs_channel_check', sql`${t.channel} in ('whatsapp', 'sms', 'all')`),
  ],
)
