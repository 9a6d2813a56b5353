import type { Sql } from '../../../platform/db/sql.js'
import type { Role } from '../domain/roles.js'
import type { UserStatus } from './users.js'

export async function insertSession(sql: Sql, session: { id: string; tokenHash: string; userId: string; now: Date }): Promise<void> {
  await sql.query('insert into sessions (id, token_hash, user_id, created_at, last_seen_at) values ($1, $2, $3, $4, $4)', [
    session.id,
    session.tokenHash,
    session.userId,
    session.now,
  ])
}

/** A credential (session or API token) joined with its user and, for branch users, the branch's regencies. */
export interface CredentialRow {
  credential_id: string
  created_at: Date
  last_seen_at: Date | null
  revoked_at: Date | null
  user_id: string
  username: string
  role: Role
  branch_code: string | null
  region_codes: string[]
  source_ids: string[]
  status: UserStatus
  branch_regencies: string[]
}

export const ACTOR_COLUMNS = `u.id as user_id, u.username, u.role, u.branch_code, u.region_codes, u.source_ids, u.status,
  coalesce((select array_agg(r.regency_code order by r.regency_code) from branch_office_regencies r where r.branch_code = u.branch_code), '{}'::text[]) as branch_regencies`

export async function findSessionByTokenHash(sql: Sql, tokenHash: string): Promise<CredentialRow | null> {
  const { rows } = await sql.query<CredentialRow>(
    `select s.id as credential_id, s.created_at, s.last_seen_at, s.revoked_at, ${ACTOR_COLUMNS}
     from sessions s join users u on u.id = s.user_id where s.token_hash = $1`,
    [tokenHash],
  )
  return rows[0] ?? null
}

export async function touchSession(sql: Sql, sessionId: string, now: Date): Promise<void> {
  await sql.query('update sessions set last_seen_at = $2 where id = $1 and last_seen_at < $2', [sessionId, now])
}

/** Revokes the session with this token hash; returns its id and user, or null when there was none live. */
export async function revokeSession(sql: Sql, tokenHash: string, now: Date): Promise<{ id: string; userId: string } | null> {
  const { rows } = await sql.query<{ id: string; user_id: string }>(
    'update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null returning id, user_id',
    [tokenHash, now],
  )
  return rows[0] ? { id: rows[0].id, userId: rows[0].user_id } : null
}

/**
 * Housekeeping for a daily job: deletes sessions that can no longer be used (revoked, idle or past their
 * absolute lifetime), so the table holds live sessions only. The audit trail keeps the sign-ins and sign-outs.
 */
export async function purgeEndedSessions(sql: Sql, now: Date, limits: { idleTimeoutMs: number; absoluteLifetimeMs: number }): Promise<number> {
  const { rowCount } = await sql.query(
    `delete from sessions where revoked_at is not null or last_seen_at <= $1 or created_at <= $2`,
    [new Date(now.getTime() - limits.idleTimeoutMs), new Date(now.getTime() - limits.absoluteLifetimeMs)],
  )
  return rowCount
}
