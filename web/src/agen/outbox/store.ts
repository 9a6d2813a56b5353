import type { ItemResult, OutboxEntry } from './types'

/** Where the outbox lives: IndexedDB on the phone (dexie-store.ts), an array in tests (memoryOutbox). */
export interface OutboxStore {
  /** adds an entry at the end of the queue; returns it with its sequence number */
  add(entry: OutboxEntry): Promise<OutboxEntry>
  /** every entry of the user, oldest first */
  list(userId: string): Promise<OutboxEntry[]>
  /** records the server's answer for items it confirmed (done) or refused (rejected) */
  settle(results: readonly ItemResult[]): Promise<void>
  /** a transient failure: the entries stay pending, with the reason and one more attempt counted */
  noteFailure(clientIds: readonly string[], reason: string): Promise<void>
  /** called after every change, so the screens can re-read */
  subscribe(listener: () => void): () => void
}

export function settledEntry(entry: OutboxEntry, result: ItemResult): OutboxEntry {
  if (entry.state !== 'pending') return entry
  return { ...entry, state: result.state, result, attempts: entry.attempts + 1, lastError: undefined }
}

/** The outbox as a list in memory: the tests' store, and the reference for what the IndexedDB one must do. */
export function memoryOutbox(): OutboxStore & { entries: OutboxEntry[] } {
  const entries: OutboxEntry[] = []
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((l) => l())
  let seq = 0
  return {
    entries,
    async add(entry) {
      if (entries.some((e) => e.item.clientId === entry.item.clientId)) throw new Error(`clientId ${entry.item.clientId} is already in the outbox`)
      const added = { ...entry, seq: ++seq }
      entries.push(added)
      changed()
      return added
    },
    async list(userId) {
      return entries.filter((e) => e.userId === userId).map((e) => ({ ...e }))
    },
    async settle(results) {
      for (const result of results) {
        const i = entries.findIndex((e) => e.item.clientId === result.clientId)
        if (i >= 0) entries[i] = settledEntry(entries[i] as OutboxEntry, result)
      }
      changed()
    },
    async noteFailure(clientIds, reason) {
      for (const [i, e] of entries.entries()) if (clientIds.includes(e.item.clientId) && e.state === 'pending') entries[i] = { ...e, attempts: e.attempts + 1, lastError: reason }
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
