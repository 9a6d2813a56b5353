import type { Sql } from '../../../platform/db/sql.js'

export async function insertWorkerSession(sql: Sql, s: { tokenHash: string; participantId: string; expiresAt: Date }, now: Date): Promise<void> {
  await sql.query(`insert into worker_sessions (token_hash, participant_id, created_at, expires_at) values ($1, $2, $3, $4)`, [s.tokenHash, s.participantId, now, s.expiresAt])
}

/** The participant of a live worker session, or null. */
export async function findWorkerSession(sql: Sql, tokenHash: string, now: Date): Promise<{ participantId: string } | null> {
  const { rows } = await sql.query<{ participantId: string }>(
    `select participant_id as "participantId" from worker_sessions where token_hash = $1 and expires_at > $2`,
    [tokenHash, now],
  )
  return rows[0] ?? null
}

export async function endWorkerSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query(`delete from worker_sessions where token_hash = $1`, [tokenHash])
}

/** Ended and expired sessions and codes go (called by the sign-in itself, cheaply: both tables stay small). */
export async function purgeExpired(sql: Sql, now: Date): Promise<void> {
  await sql.query(`delete from worker_sessions where expires_at <= $1`, [now])
  await sql.query(`delete from worker_sign_in_codes where created_at < $1::timestamptz - interval '1 day'`, [now])
}
