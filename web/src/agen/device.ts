import type { ReadCache } from './cached-read'
import { AgenDatabase, dexieOutbox } from './outbox/dexie-store'

/** What lives on the phone: the outbox and the read cache, in one IndexedDB database. */
export const agenDb = new AgenDatabase()
export const outbox = dexieOutbox(agenDb)

/** The read cache of one agent (a shared phone keeps each agent's copies apart). */
export function readCacheFor(userId: string): ReadCache {
  return {
    get: async (key) => agenDb.cache.get(`${userId} ${key}`),
    put: async (key, value, savedAt) => void (await agenDb.cache.put({ key: `${userId} ${key}`, userId, value, savedAt })),
  }
}

export function newClientId(): string {
  return crypto.randomUUID()
}
