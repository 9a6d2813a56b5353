import type { Sql } from '../../../platform/db/sql.js'

export async function insertAccessToken(sql: Sql, t: { tokenHash: string; partnerId: string; issuedAt: Date; expiresAt: Date }): Promise<void> {
  await sql.query(`insert into channel_access_tokens (token_hash, partner_id, issued_at, expires_at) values ($1, $2, $3, $4)`, [t.tokenHash, t.partnerId, t.issuedAt, t.expiresAt])
}

export async function findAccessToken(sql: Sql, tokenHash: string): Promise<{ partnerId: string; expiresAt: Date } | null> {
  const { rows } = await sql.query<{ partnerId: string; expiresAt: Date }>(
    `select partner_id as "partnerId", expires_at as "expiresAt" from channel_access_tokens where token_hash = $1`,
    [tokenHash],
  )
  return rows[0] ?? null
}

/** Tokens expired before `before` (the daily job may call it; nothing reads an expired token). */
export async function purgeAccessTokens(sql: Sql, before: Date): Promise<number> {
  const { rowCount } = await sql.query(`delete from channel_access_tokens where expires_at < $1`, [before])
  return rowCount
}
