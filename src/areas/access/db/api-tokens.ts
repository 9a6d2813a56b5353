import type { Sql } from '../../../platform/db/sql.js'
import { ACTOR_COLUMNS, type CredentialRow } from './sessions.js'

/** Inserts a token; returns false when the user already has a live token of that name. */
export async function insertApiToken(sql: Sql, token: { id: string; userId: string; name: string; tokenHash: string; now: Date }): Promise<boolean> {
  const { rowCount } = await sql.query(
    `insert into api_tokens (id, user_id, name, token_hash, created_at) values ($1, $2, $3, $4, $5)
     on conflict (user_id, name) where revoked_at is null do nothing`,
    [token.id, token.userId, token.name, token.tokenHash, token.now],
  )
  return rowCount === 1
}

export async function findApiTokenByHash(sql: Sql, tokenHash: string): Promise<CredentialRow | null> {
  const { rows } = await sql.query<CredentialRow>(
    `select t.id as credential_id, t.created_at, t.last_used_at as last_seen_at, t.revoked_at, ${ACTOR_COLUMNS}
     from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1`,
    [tokenHash],
  )
  return rows[0] ?? null
}

export async function touchApiToken(sql: Sql, tokenId: string, now: Date): Promise<void> {
  await sql.query('update api_tokens set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2)', [tokenId, now])
}

export interface ApiTokenView {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export async function listApiTokens(sql: Sql, userId: string): Promise<ApiTokenView[]> {
  const { rows } = await sql.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
    'select id, name, created_at, last_used_at, revoked_at from api_tokens where user_id = $1 order by created_at',
    [userId],
  )
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }))
}
