import type { Sql } from '../../../platform/db/sql.js'
import type { UserRecord } from '../db/users.js'
import type { NewUserInput } from '../domain/new-user.js'
import { createUser } from '../use-cases/create-user.js'

let counter = 0

/** A user with a unique username (tests share one schema per engine) and the password `rahasia-uji-123`. */
export async function makeUser(sql: Sql, input: Partial<NewUserInput> & { role: string }, now = new Date('2025-03-14T01:00:00Z')): Promise<UserRecord & { password: string }> {
  counter += 1
  const password = 'rahasia-uji-123'
  const username = input.username ?? `${input.role}.${process.pid}.${counter}`
  const user = await createUser(sql, { actor: null, input: { ...input, username }, password, requestId: `req-${counter}`, via: 'cli' }, now)
  return { ...user, password }
}

export async function auditRows(sql: Sql, where: { action?: string; subjectId?: string | null; requestId?: string }) {
  const { rows } = await sql.query<{ action: string; actor_id: string | null; actor_role: string | null; subject_type: string; subject_id: string | null; request_id: string | null; details: Record<string, unknown> }>(
    `select action, actor_id, actor_role, subject_type, subject_id, request_id, details from audit_events
     where ($1::text is null or action = $1) and ($2::text is null or subject_id = $2) and ($3::text is null or request_id = $3)
     order by occurred_at, id`,
    [where.action ?? null, where.subjectId ?? null, where.requestId ?? null],
  )
  return rows
}
