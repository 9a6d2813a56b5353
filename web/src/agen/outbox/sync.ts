import type { OutboxStore } from './store'
import type { ItemResult, OutboxItem } from './types'

/** The contract's limit per request. */
export const SYNC_BATCH = 100

/** One POST /api/v1/agen/sync: the answer's status and body (fetch, or a fake in tests). */
export type SendBatch = (items: readonly OutboxItem[]) => Promise<{ status: number; body: unknown }>

export type SyncOutcome =
  | { kind: 'idle' }
  | { kind: 'synced'; sent: number; done: number; rejected: number }
  /** nothing confirmed this time: offline, the server down (5xx), or not there yet (404); retried later, same ids */
  | { kind: 'failed'; reason: string; sent: number; done: number; rejected: number }
  /** the session ended: the items wait until the agent signs in again */
  | { kind: 'signed-out'; sent: number; done: number; rejected: number }

function readResults(body: unknown, batch: readonly OutboxItem[]): ItemResult[] | null {
  const results = (body as { results?: unknown } | null)?.results
  if (!Array.isArray(results)) return null
  const ids = new Set(batch.map((i) => i.clientId))
  const valid = results.filter((r): r is ItemResult => typeof r === 'object' && r !== null && ids.has((r as ItemResult).clientId) && ((r as ItemResult).state === 'done' || (r as ItemResult).state === 'rejected'))
  return valid.length > 0 ? valid : null
}

function errorOf(body: unknown): { code: string; field?: string; message: string } | null {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error
  if (!error || typeof error.code !== 'string') return null
  return { code: error.code, message: typeof error.message === 'string' ? error.message : error.code, ...(typeof error.field === 'string' ? { field: error.field } : {}) }
}

type BatchOutcome = { kind: 'ok'; results: ItemResult[] } | { kind: 'transient'; reason: string } | { kind: 'signed-out' } | { kind: 'refused'; error: { code: string; field?: string; message: string } }

async function sendOnce(send: SendBatch, batch: readonly OutboxItem[]): Promise<BatchOutcome> {
  let answer: { status: number; body: unknown }
  try {
    answer = await send(batch)
  } catch (error) {
    return { kind: 'transient', reason: error instanceof Error ? error.message : String(error) }
  }
  if (answer.status === 401) return { kind: 'signed-out' }
  if (answer.status >= 200 && answer.status < 300) {
    const results = readResults(answer.body, batch)
    return results ? { kind: 'ok', results } : { kind: 'transient', reason: 'unreadable answer' }
  }
  const error = errorOf(answer.body)
  // a 4xx about the request itself (not 401/404/408/429) means the data: the item is refused, not retried forever
  if (answer.status >= 400 && answer.status < 500 && ![404, 408, 429].includes(answer.status) && error) return { kind: 'refused', error }
  return { kind: 'transient', reason: error?.message ?? `HTTP ${answer.status}` }
}

/**
 * Drains the user's pending outbox items in order, up to 100 per request, until none is left or a request fails.
 * Every item keeps its clientId across attempts, so a retry after a lost answer replays instead of acting twice.
 * The server refuses a malformed item alone in its results (`invalid_input`, the field named in the message), like any
 * other refused item. A request it refuses as a whole (400: only a bad envelope now, or an older server) is retried item
 * by item, so one bad item cannot block the queue: that item alone is marked rejected with the server's message.
 */
export async function drainOutbox(store: OutboxStore, userId: string, send: SendBatch): Promise<SyncOutcome> {
  const counts = { sent: 0, done: 0, rejected: 0 }
  const tally = (results: readonly ItemResult[]) => {
    counts.sent += results.length
    for (const r of results) counts[r.state === 'done' ? 'done' : 'rejected']++
  }
  for (;;) {
    const pending = (await store.list(userId)).filter((e) => e.state === 'pending')
    if (pending.length === 0) return counts.sent === 0 ? { kind: 'idle' } : { kind: 'synced', ...counts }
    const batch = pending.slice(0, SYNC_BATCH).map((e) => e.item)
    const outcome = await sendOnce(send, batch)
    if (outcome.kind === 'signed-out') return { kind: 'signed-out', ...counts }
    if (outcome.kind === 'transient') {
      await store.noteFailure(batch.map((i) => i.clientId), outcome.reason)
      return { kind: 'failed', reason: outcome.reason, ...counts }
    }
    if (outcome.kind === 'ok') {
      await store.settle(outcome.results)
      tally(outcome.results)
      // the server answers every item; one it left out stays pending, and must not spin this loop
      if (outcome.results.length < batch.length) return { kind: 'failed', reason: 'incomplete answer', ...counts }
      continue
    }
    if (batch.length === 1) {
      const result: ItemResult = { clientId: (batch[0] as OutboxItem).clientId, state: 'rejected', error: outcome.error }
      await store.settle([result])
      tally([result])
      continue
    }
    // refused as a whole: send the first item alone, then carry on with the rest
    const single = await drainOne(store, send, batch[0] as OutboxItem)
    if (single.kind !== 'ok') return single.kind === 'signed-out' ? { kind: 'signed-out', ...counts } : { kind: 'failed', reason: single.reason, ...counts }
    tally([single.result])
  }
}

async function drainOne(store: OutboxStore, send: SendBatch, item: OutboxItem): Promise<{ kind: 'ok'; result: ItemResult } | { kind: 'failed'; reason: string } | { kind: 'signed-out' }> {
  const outcome = await sendOnce(send, [item])
  if (outcome.kind === 'signed-out') return outcome
  if (outcome.kind === 'transient') {
    await store.noteFailure([item.clientId], outcome.reason)
    return { kind: 'failed', reason: outcome.reason }
  }
  const result: ItemResult = outcome.kind === 'ok' ? (outcome.results[0] as ItemResult) : { clientId: item.clientId, state: 'rejected', error: outcome.error }
  await store.settle([result])
  return { kind: 'ok', result }
}

/** POST /api/v1/agen/sync with the session cookie; the answer as status + parsed body. */
export function httpSend(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): SendBatch {
  return async (items) => {
    const response = await fetchImpl('/api/v1/agen/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ items }),
    })
    const text = await response.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    return { status: response.status, body }
  }
}
