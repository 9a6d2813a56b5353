import { useCallback, useEffect, useRef, useState } from 'react'
import type { OutboxStore } from './store'
import { drainOutbox, httpSend, type SendBatch, type SyncOutcome } from './sync'
import type { OutboxEntry } from './types'

export interface OutboxView {
  entries: OutboxEntry[]
  pending: number
  syncing: boolean
  last: SyncOutcome | null
  online: boolean
  syncNow: () => Promise<void>
}

let running: Promise<SyncOutcome> | null = null

/** One sync at a time for the whole page: a second call while one runs waits for that one. */
export function syncOnce(store: OutboxStore, userId: string, send: SendBatch): Promise<SyncOutcome> {
  running ??= drainOutbox(store, userId, send).finally(() => {
    running = null
  })
  return running
}

/**
 * The outbox as the screens see it, kept current, and the sync: at start, when the phone comes online, every 30 s
 * while items wait, and on demand. Offline (navigator.onLine false) it does not try.
 */
export function useOutbox(store: OutboxStore, userId: string, onSignedOut: () => void, send?: SendBatch): OutboxView {
  const [entries, setEntries] = useState<OutboxEntry[]>([])
  const [syncing, setSyncing] = useState(false)
  const [last, setLast] = useState<SyncOutcome | null>(null)
  const [online, setOnline] = useState(() => navigator.onLine)
  // the callers' functions change every render; the sync must not (its effects would run again each time)
  const latest = useRef({ onSignedOut, send: send ?? httpSend() })
  latest.current = { onSignedOut, send: send ?? latest.current.send }

  useEffect(() => {
    let live = true
    const read = () => void store.list(userId).then((list) => live && setEntries(list))
    read()
    const stop = store.subscribe(read)
    return () => {
      live = false
      stop()
    }
  }, [store, userId])

  const syncNow = useCallback(async () => {
    if (!navigator.onLine) return
    setSyncing(true)
    try {
      const outcome = await syncOnce(store, userId, latest.current.send)
      setLast(outcome)
      if (outcome.kind === 'signed-out') latest.current.onSignedOut()
    } finally {
      setSyncing(false)
    }
  }, [store, userId])

  useEffect(() => {
    const up = () => {
      setOnline(true)
      void syncNow()
    }
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    void syncNow()
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }, [syncNow])

  const pending = entries.filter((e) => e.state === 'pending').length
  useEffect(() => {
    if (pending === 0 || !online) return
    const timer = window.setInterval(() => void syncNow(), 30_000)
    return () => window.clearInterval(timer)
  }, [pending, online, syncNow])

  return { entries, pending, syncing, last, online, syncNow }
}
