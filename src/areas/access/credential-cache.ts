import type { Sql } from '../../platform/db/sql.js'
import type { CredentialRow } from './db/sessions.js'

/**
 * A short-lived, bounded, in-process memory of credentials that were valid (token hash → credential + user row), so
 * an authenticated request does not pay a database round trip for its caller on every call.
 *
 * The trade-off, accepted for speed (DESIGN.md §6): a change made by ANOTHER process (a CLI `user disable`, a
 * token revoked from a second server) takes effect here within `ttlMs` (5 s by default). Changes made through this
 * process (logout, token revocation, user disable or role change) call `forgetCredential` / `forgetUser`, which
 * apply at once. Only valid credentials are remembered: a wrong or revoked token always reaches the database.
 */
export interface CredentialCacheOptions {
  ttlMs?: number
  maxEntries?: number
}

export const DEFAULT_CREDENTIAL_TTL_MS = 5_000
const DEFAULT_MAX_ENTRIES = 10_000

interface Entry {
  row: CredentialRow
  expiresAtMs: number
}

export class CredentialCache {
  readonly ttlMs: number
  readonly maxEntries: number
  private readonly entries = new Map<string, Entry>()
  /** Bumped by every invalidation; a read that started before one may not store what it read. */
  private generationCount = 0

  constructor(options: CredentialCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CREDENTIAL_TTL_MS
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  }

  get generation(): number {
    return this.generationCount
  }

  get size(): number {
    return this.entries.size
  }

  /** The remembered row (the caller still judges it: revocation, status, session lifetime), or undefined. */
  get(key: string, nowMs: number): CredentialRow | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(key)
      return undefined
    }
    return entry.row
  }

  /** Remembers a row read while the cache was at `readGeneration`; ignored if an invalidation happened since. */
  set(key: string, row: CredentialRow, nowMs: number, readGeneration: number): void {
    if (readGeneration !== this.generationCount || this.ttlMs <= 0) return
    this.entries.delete(key)
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    this.entries.set(key, { row, expiresAtMs: nowMs + this.ttlMs })
  }

  forgetKey(key: string): void {
    this.generationCount += 1
    this.entries.delete(key)
  }

  forgetUser(userId: string): void {
    this.generationCount += 1
    for (const [key, entry] of this.entries) if (entry.row.user_id === userId) this.entries.delete(key)
  }

  clear(): void {
    this.generationCount += 1
    this.entries.clear()
  }
}

/** Cache keys: a session and an API token never share a hash, but the kind keeps them apart anyway. */
export const sessionKey = (tokenHash: string): string => `s:${tokenHash}`
export const apiTokenKey = (tokenHash: string): string => `t:${tokenHash}`

/** One cache per database handle (the pool's `Sql`), so two databases in one process never share credentials. */
const caches = new WeakMap<Sql, CredentialCache>()

export function credentialCacheFor(sql: Sql, options?: CredentialCacheOptions): CredentialCache {
  let cache = caches.get(sql)
  if (!cache) {
    cache = new CredentialCache(options)
    caches.set(sql, cache)
  }
  return cache
}

/** After a session or token stops being valid (commit first): this process stops honouring it at once. */
export function forgetCredential(sql: Sql, tokenHash: string): void {
  const cache = caches.get(sql)
  if (!cache) return
  cache.forgetKey(sessionKey(tokenHash))
  cache.forgetKey(apiTokenKey(tokenHash))
}

/** After a user is disabled or their role or scope changes (commit first). */
export function forgetUser(sql: Sql, userId: string): void {
  caches.get(sql)?.forgetUser(userId)
}

/** After a change whose owner is not known by hash or user (e.g. a token revoked by its id). */
export function forgetAllCredentials(sql: Sql): void {
  caches.get(sql)?.clear()
}
