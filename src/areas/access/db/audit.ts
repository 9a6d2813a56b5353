import { DomainError } from '../../../kernel/errors.js'
import { newId } from '../../../platform/ids.js'
import type { Sql } from '../../../platform/db/sql.js'
import { assertAuditDetails, type AuditDetails } from '../domain/audit-details.js'
import type { Role } from '../domain/roles.js'

export interface AuditEventInput {
  /** Who did it; null for the system (start-up, migrations, an operator's CLI command). */
  actor: { userId: string; role: Role } | null
  action: string
  subjectType: string
  subjectId: string | null
  requestId: string | null
  /** Ids, counts and short codes only: checked by assertAuditDetails. */
  details?: AuditDetails
  /** Defaults to the transaction's start time (now(), to the millisecond like JS dates and page cursors). */
  occurredAt?: Date
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/

/**
 * Writes one audit event. Call it with the transaction handle of the mutation it records, so both commit or
 * neither does (Outline's insertEvent).
 */
export async function writeAudit(sql: Sql, event: AuditEventInput): Promise<string> {
  if (!ACTION.test(event.action)) throw new Error(`audit action must look like "area.verb", got "${event.action}"`)
  const details = event.details ?? {}
  assertAuditDetails(details)
  const id = newId(event.occurredAt?.getTime())
  await sql.query(
    `insert into audit_events (id, occurred_at, actor_id, actor_role, action, subject_type, subject_id, request_id, details)
     values ($1, coalesce($2::timestamptz, date_trunc('milliseconds', now())), $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [id, event.occurredAt ?? null, event.actor?.userId ?? null, event.actor?.role ?? null, event.action, event.subjectType, event.subjectId, event.requestId, JSON.stringify(details)],
  )
  return id
}

export interface AuditEvent {
  id: string
  occurredAt: Date
  actorId: string | null
  actorRole: string | null
  action: string
  subjectType: string
  subjectId: string | null
  requestId: string | null
  details: AuditDetails
}

export interface AuditFilter {
  actorId?: string | undefined
  action?: string | undefined
  subjectType?: string | undefined
  subjectId?: string | undefined
  from?: Date | undefined
  /** Exclusive. */
  to?: Date | undefined
  limit: number
  /** From the previous page's `nextCursor`. */
  cursor?: string | undefined
}

interface AuditRow {
  id: string
  occurred_at: Date
  actor_id: string | null
  actor_role: string | null
  action: string
  subject_type: string
  subject_id: string | null
  request_id: string | null
  details: AuditDetails | string
}

/** Newest first, keyset-paginated on (occurred_at, id) so deep pages stay fast. */
export async function listAuditEvents(sql: Sql, filter: AuditFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (clause: string, value: unknown) => {
    params.push(value)
    where.push(clause.replace('?', `$${params.length}`))
  }
  if (filter.actorId) add('actor_id = ?::uuid', filter.actorId)
  if (filter.action) add('action = ?', filter.action)
  if (filter.subjectType) add('subject_type = ?', filter.subjectType)
  if (filter.subjectId) add('subject_id = ?', filter.subjectId)
  if (filter.from) add('occurred_at >= ?', filter.from)
  if (filter.to) add('occurred_at < ?', filter.to)
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor)
    params.push(after.occurredAt, after.id)
    where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`)
  }
  params.push(filter.limit + 1)
  const { rows } = await sql.query<AuditRow>(
    `select id, occurred_at, actor_id, actor_role, action, subject_type, subject_id, request_id, details
     from audit_events ${where.length ? `where ${where.join(' and ')}` : ''}
     order by occurred_at desc, id desc limit $${params.length}`,
    params,
  )
  const page = rows.slice(0, filter.limit).map(toEvent)
  const last = page.at(-1)
  return { items: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null }
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
  }
}

function encodeCursor(event: AuditEvent): string {
  return Buffer.from(`${event.occurredAt.toISOString()}|${event.id}`, 'utf8').toString('base64url')
}

function decodeCursor(cursor: string): { occurredAt: string; id: string } {
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!occurredAt || !id || Number.isNaN(Date.parse(occurredAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError('invalid_input', 'cursor is not one this API gave out', { field: 'cursor' })
  }
  return { occurredAt, id }
}
