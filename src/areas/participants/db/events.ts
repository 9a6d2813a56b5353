import type { Sql } from '../../../platform/db/sql.js'

export type ParticipantEventKind = 'registered' | 'enrolled' | 'corrected' | 'ended' | 'identity_review'

export interface ParticipantEvent {
  id: string
  participantId: string
  occurredAt: Date
  kind: ParticipantEventKind | string
  actorId: string | null
  requestId: string | null
  data: Record<string, unknown>
}

export interface NewParticipantEvent {
  id: string
  participantId: string
  occurredAt: Date
  kind: ParticipantEventKind
  actorId: string | null
  requestId: string | null
  data: Record<string, unknown>
}

/** Appends events in one statement; the history is never updated or deleted. */
export async function appendEvents(sql: Sql, events: readonly NewParticipantEvent[]): Promise<void> {
  if (events.length === 0) return
  const values: string[] = []
  const params: unknown[] = []
  for (const e of events) {
    const at = params.length
    params.push(e.id, e.participantId, e.occurredAt, e.kind, e.actorId, e.requestId, JSON.stringify(e.data))
    values.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::jsonb)`)
  }
  await sql.query(`insert into participant_events (id, participant_id, occurred_at, kind, actor_id, request_id, data) values ${values.join(', ')}`, params)
}

/** A participant's history, oldest first. */
export async function listEvents(sql: Sql, participantId: string): Promise<ParticipantEvent[]> {
  const { rows } = await sql.query<ParticipantEvent>(
    `select id, participant_id as "participantId", occurred_at as "occurredAt", kind, actor_id as "actorId", request_id as "requestId", data
       from participant_events where participant_id = $1 order by occurred_at, id`,
    [participantId],
  )
  return rows
}
