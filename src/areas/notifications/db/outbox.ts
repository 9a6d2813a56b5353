import type { Sql } from '../../../platform/db/sql.js'
import type { Channel, Lang, MessageParams, OptOut, PlannedMessage, RuleName, SubjectType } from '../domain/index.js'

export interface OutboxRow {
  id: string
  rule: RuleName
  subjectType: SubjectType
  subjectId: string
  eventKey: string
  channel: Channel
  lang: Lang
  params: MessageParams
  status: 'pending' | 'sent' | 'failed' | 'skipped'
  attempts: number
  createdAt: Date
  sentAt: Date | null
}

const COLUMNS = `id, rule, subject_type as "subjectType", subject_id as "subjectId", event_key as "eventKey", channel, lang, params, status, attempts,
  created_at as "createdAt", sent_at as "sentAt"`

/** Writes planned messages; an event already in the outbox is kept as it is (ON CONFLICT DO NOTHING). Returns the ids written. */
export async function writeOutbox(sql: Sql, messages: readonly PlannedMessage[], now: Date, newId: () => string): Promise<string[]> {
  if (messages.length === 0) return []
  const { rows } = await sql.query<{ id: string }>(
    `insert into notification_outbox (id, rule, subject_type, subject_id, event_key, channel, lang, params, created_at)
     select * , $9::timestamptz from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
     on conflict (rule, subject_id, event_key) do nothing
     returning id`,
    [
      messages.map(() => newId()), messages.map((m) => m.rule), messages.map((m) => m.subjectType), messages.map((m) => m.subjectId),
      messages.map((m) => m.eventKey), messages.map((m) => m.channel), messages.map((m) => m.lang), messages.map((m) => JSON.stringify(m.params)), now,
    ],
  )
  return rows.map((r) => r.id)
}

/** The oldest pending messages (one sender at a time: the job runner runs one job at a time). */
export async function pendingMessages(sql: Sql, limit: number, ids?: readonly string[]): Promise<OutboxRow[]> {
  const { rows } = await sql.query<OutboxRow>(
    `select ${COLUMNS} from notification_outbox where status = 'pending' and ($2::uuid[] is null or id = any($2::uuid[])) order by created_at, id limit $1`,
    [limit, ids ? [...ids] : null],
  )
  return rows
}

/** A message went out (or was skipped: no phone, opted out since). A one-time code is scrubbed from the stored params. */
export async function finishMessage(sql: Sql, id: string, status: 'sent' | 'skipped', now: Date): Promise<void> {
  await sql.query(
    `update notification_outbox set status = $2, sent_at = $3, attempts = attempts + 1, params = params - 'code', last_error = null where id = $1`,
    [id, status, now],
  )
}

/** A send failed: retried by the next run until `maxAttempts`, then `failed`. Only a short error code is kept. */
export async function failMessage(sql: Sql, id: string, error: string, maxAttempts: number): Promise<void> {
  await sql.query(
    `update notification_outbox set attempts = attempts + 1, last_error = left($2, 200),
       status = case when attempts + 1 >= $3 then 'failed' else 'pending' end,
       params = case when attempts + 1 >= $3 then params - 'code' else params end
     where id = $1`,
    [id, error, maxAttempts],
  )
}

/** A subject's messages, newest first (the staff app and the worker's own page). */
export async function listMessagesOf(sql: Sql, subjectId: string, limit = 50): Promise<OutboxRow[]> {
  const { rows } = await sql.query<OutboxRow>(`select ${COLUMNS} from notification_outbox where subject_id = $1 order by created_at desc, id desc limit $2`, [subjectId, limit])
  return rows
}

export async function setOptOut(sql: Sql, participantId: string, channel: OptOut, optedOut: boolean, now: Date): Promise<void> {
  if (optedOut) {
    await sql.query(`insert into notification_opt_outs (participant_id, channel, created_at) values ($1, $2, $3) on conflict do nothing`, [participantId, channel, now])
  } else {
    await sql.query(`delete from notification_opt_outs where participant_id = $1 and channel = $2`, [participantId, channel])
  }
}

export async function optOutsOf(sql: Sql, participantIds: readonly string[]): Promise<Map<string, OptOut[]>> {
  const out = new Map<string, OptOut[]>()
  if (participantIds.length === 0) return out
  const { rows } = await sql.query<{ participantId: string; channel: OptOut }>(
    `select participant_id as "participantId", channel from notification_opt_outs where participant_id = any($1::uuid[]) order by channel`,
    [[...participantIds]],
  )
  for (const r of rows) out.set(r.participantId, [...(out.get(r.participantId) ?? []), r.channel])
  return out
}
