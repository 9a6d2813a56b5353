import Dexie, { type Table } from 'dexie'
import { settledEntry, type OutboxStore } from './store'
import type { ItemResult, OutboxEntry } from './types'

/** A cached API answer for offline reading (portfolio, targets, regions). */
export interface CachedAnswer {
  key: string
  userId: string
  value: unknown
  savedAt: string
}

/** The phone's database: the outbox (in creation order) and the read cache. */
export class AgenDatabase extends Dexie {
  outbox!: Table<OutboxEntry, number>
  cache!: Table<CachedAnswer, string>

  constructor(name = 'semesta-agen') {
    super(name)
    this.version(1).stores({ outbox: '++seq, &item.clientId, userId, state', cache: 'key, userId' })
  }
}

/** The outbox in IndexedDB: it survives a reload, a closed tab and a phone without signal. */
export function dexieOutbox(db: AgenDatabase): OutboxStore {
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((l) => l())
  return {
    async add(entry) {
      const seq = await db.outbox.add({ ...entry })
      changed()
      return { ...entry, seq }
    },
    list: (userId) => db.outbox.where('userId').equals(userId).sortBy('seq'),
    async settle(results: readonly ItemResult[]) {
      await db.transaction('rw', db.outbox, async () => {
        for (const result of results) {
          const entry = await db.outbox.where('item.clientId').equals(result.clientId).first()
          if (entry?.seq !== undefined) await db.outbox.put(settledEntry(entry, result))
        }
      })
      changed()
    },
    async noteFailure(clientIds, reason) {
      await db.transaction('rw', db.outbox, async () => {
        await db.outbox.where('item.clientId').anyOf([...clientIds]).and((e) => e.state === 'pending').modify((e) => {
          e.attempts += 1
          e.lastError = reason
        })
      })
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
