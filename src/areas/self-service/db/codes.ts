import type { Sql } from '../../../platform/db/sql.js'

export interface StoredCode {
  id: string
  participantId: string | null
  codeHash: string
  attempts: number
  expiresAt: Date
  usedAt: Date | null
}

export async function insertCode(sql: Sql, c: { id: string; participantId: string | null; identifierHash: string; codeHash: string; expiresAt: Date }, now: Date): Promise<void> {
  await sql.query(
    `insert into worker_sign_in_codes (id, participant_id, identifier_hash, code_hash, expires_at, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [c.id, c.participantId, c.identifierHash, c.codeHash, c.expiresAt, now],
  )
}

/** Codes asked for one identifier since an instant (the per-identifier rate limit). */
export async function codesSince(sql: Sql, identifierHash: string, since: Date): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`select count(*)::int8 as n from worker_sign_in_codes where identifier_hash = $1 and created_at > $2`, [identifierHash, since])
  return rows[0]?.n ?? 0
}

/** The challenge, locked: two guesses at once cannot both count as the first. */
export async function lockCode(sql: Sql, id: string): Promise<StoredCode | null> {
  const { rows } = await sql.query<StoredCode>(
    `select id, participant_id as "participantId", code_hash as "codeHash", attempts, expires_at as "expiresAt", used_at as "usedAt"
       from worker_sign_in_codes where id = $1 for update`,
    [id],
  )
  return rows[0] ?? null
}

export async function recordAttempt(sql: Sql, id: string, used: Date | null): Promise<void> {
  await sql.query(`update worker_sign_in_codes set attempts = attempts + 1, used_at = coalesce($2, used_at) where id = $1`, [id, used])
}
