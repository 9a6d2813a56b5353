import type { Sql } from '../../../platform/db/sql.js'
import { API_TOKEN_PREFIX, hashToken, isPlausibleToken } from '../crypto/tokens.js'
import { findApiTokenByHash, touchApiToken } from '../db/api-tokens.js'
import { findSessionByTokenHash, touchSession, type CredentialRow } from '../db/sessions.js'
import { mayUseWebSession, type Actor } from '../domain/roles.js'
import { DEFAULT_SESSION_SETTINGS, judgeSession, shouldTouch, type SessionSettings } from '../domain/session-rules.js'

export interface RequestCredentials {
  /** The `semesta_session` cookie. */
  cookieToken?: string | null | undefined
  /** The token of `Authorization: Bearer smt_...`. */
  bearerToken?: string | null | undefined
}

/**
 * Who is calling, or null. A bearer token wins over a cookie (a machine never has one); a bearer that is present
 * but wrong is not rescued by a cookie. Session and token timestamps slide at most once per touch interval.
 */
export async function authenticateRequest(
  sql: Sql,
  credentials: RequestCredentials,
  now: Date,
  settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
): Promise<Actor | null> {
  if (credentials.bearerToken != null) return authenticateBearer(sql, credentials.bearerToken, now, settings)
  if (credentials.cookieToken != null) return authenticateCookie(sql, credentials.cookieToken, now, settings)
  return null
}

async function authenticateBearer(sql: Sql, token: string, now: Date, settings: SessionSettings): Promise<Actor | null> {
  if (!isPlausibleToken(token) || !token.startsWith(API_TOKEN_PREFIX)) return null
  const row = await findApiTokenByHash(sql, hashToken(token))
  if (!row || row.revoked_at !== null || row.status !== 'active') return null
  if (row.last_seen_at === null || shouldTouch(row.last_seen_at, now, settings)) await touchApiToken(sql, row.credential_id, now)
  return toActor(row)
}

async function authenticateCookie(sql: Sql, token: string, now: Date, settings: SessionSettings): Promise<Actor | null> {
  if (!isPlausibleToken(token)) return null
  const row = await findSessionByTokenHash(sql, hashToken(token))
  if (!row || row.status !== 'active' || !mayUseWebSession(row.role)) return null
  const lastSeenAt = row.last_seen_at ?? row.created_at
  if (judgeSession({ createdAt: row.created_at, lastSeenAt, revokedAt: row.revoked_at }, now, settings) !== 'live') return null
  if (shouldTouch(lastSeenAt, now, settings)) await touchSession(sql, row.credential_id, now)
  return toActor(row)
}

export function toActor(row: Omit<CredentialRow, 'credential_id' | 'created_at' | 'last_seen_at' | 'revoked_at'>): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    branchCode: row.branch_code,
    regionCodes: row.role === 'cabang' ? row.branch_regencies : row.region_codes,
    sourceIds: row.source_ids,
  }
}

/** `Bearer smt_abc` → `smt_abc`; anything else → null. */
export function parseBearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return m?.[1] ?? null
}
