import type { Sql } from '../../platform/db/sql.js'
import { startDailyJob, type DailyJob } from '../../platform/jobs/index.js'
import { purgeAccessTokens } from './db/tokens.js'

/** How often `semesta start` deletes expired access tokens (a token lives 900 s; nothing reads an expired one). */
export const TOKEN_PURGE_INTERVAL_MS = 60 * 60 * 1000

/**
 * The token purge `semesta start` runs through the job runner: on start and every hour, the access tokens expired
 * before now are deleted (one run per hour key at a time), so `channel_access_tokens` holds only live tokens.
 */
export function startTokenPurge(sql: Sql, options: { now?: () => Date; intervalMs?: number; onError?: (e: unknown) => void; onDone?: (purged: number) => void } = {}): DailyJob {
  const now = options.now ?? (() => new Date())
  return startDailyJob({
    now,
    keyOf: (at) => at.toISOString().slice(0, 13),
    run: async () => {
      const purged = await purgeAccessTokens(sql, now())
      options.onDone?.(purged)
    },
    intervalMs: options.intervalMs ?? TOKEN_PURGE_INTERVAL_MS,
    ...(options.onError ? { onError: options.onError } : {}),
  })
}
