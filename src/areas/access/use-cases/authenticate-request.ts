import type { Sql } from '../../../platform/db/sql.js'
import { apiTokenKey, sessionKey, type CredentialCache } from '../credential-cache.js'
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
 * With a `cache` (createAuthenticate passes one), a credential found valid is remembered for a few seconds
 * (credential-cache.ts); a remembered row is judged again against `now` on every request.
 */
export async function authenticateRequest(
  sql: Sql,
  credentials: RequestCredentials,
  now: Date,
  settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
  cache?: CredentialCache,
): Promise<Actor | null> {
  if (credentials.bearerToken != null) return authenticateBearer(sql, credentials.bearerToken, now, settings, cache)
  if (credentials.cookieToken != null) return authenticateCookie(sql, credentials.cookieToken, now, settings, cache)
  return null
}

type Judge = (row: CredentialRow) => boolean

/** The credential row: from the cache when remembered and still judged valid, else from the database. */
async function credentialRow(
  key: string,
  read: () => Promise<CredentialRow | null>,
  valid: Judge,
  now: Date,
  cache: CredentialCache | undefined,
): Promise<CredentialRow | null> {
  const remembered = cache?.get(key, now.getTime())
  if (remembered && valid(remembered)) return remembered
  const generation = cache?.generation ?? 0
  const row = await read()
  if (!row || !valid(row)) return null
  cache?.set(key, row, now.getTime(), generation)
  return row
}

/** Slides the last-seen time at most once per touch interval (also for a remembered row, which is updated in place). */
async function touchIfDue(row: CredentialRow, now: Date, settings: SessionSettings, touch: () => Promise<void>): Promise<void> {
  const lastSeenAt = row.last_seen_at ?? row.created_at
  if (row.last_seen_at !== null && !shouldTouch(lastSeenAt, now, settings)) return
  row.last_seen_at = now // before awaiting: concurrent requests of the same credential do not all write
  await touch()
}

async function authenticateBearer(sql: Sql, token: string, now: Date, settings: SessionSettings, cache: CredentialCache | undefined): Promise<Actor | null> {
  if (!isPlausibleToken(token) || !token.startsWith(API_TOKEN_PREFIX)) return null
  const hash = hashToken(token)
  const valid: Judge = (row) => row.revoked_at === null && row.status === 'active'
  const row = await credentialRow(apiTokenKey(hash), () => findApiTokenByHash(sql, hash), valid, now, cache)
  if (!row) return null
  await touchIfDue(row, now, settings, () => touchApiToken(sql, row.credential_id, now))
  return toActor(row)
}

async function authenticateCookie(sql: Sql, token: string, now: Date, settings: SessionSettings, cache: CredentialCache | undefined): Promise<Actor | null> {
  if (!isPlausibleToken(token)) return null
  const hash = hashToken(token)
  const valid: Judge = (row) =>
    row.status === 'active' &&
    mayUseWebSession(row.role) &&
    judgeSession({ createdAt: row.created_at, lastSeenAt: row.last_seen_at ?? row.created_at, revokedAt: row.revoked_at }, now, settings) === 'live'
  const row = await credentialRow(sessionKey(hash), () => findSessionByTokenHash(sql, hash), valid, now, cache)
  if (!row) return null
  await touchIfDue(row, now, settings, () => touchSession(sql, row.credential_id, now))
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
