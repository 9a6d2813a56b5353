import { describe, expect, it } from 'vitest'
import { memoryOutbox } from './store'
import { drainOutbox, httpSend, type SendBatch } from './sync'
import type { ItemResult, OutboxEntry, OutboxItem } from './types'

const USER = 'agent-1'
let n = 0
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`

function register(nik: string, birthDate = '1990-05-12'): OutboxItem {
  return {
    clientId: uuid(), kind: 'register', createdAt: '2026-11-26T01:00:00.000Z',
    payload: { nik, name: 'Ni Made Ayu', birthDate, sex: 'P', regencyCode: '51.71', category: 'bpu', declaredIncomeIdr: 1_000_000, programmes: ['JKK', 'JKM'], consent: { given: true, purpose: 'x' } },
  }
}
const collect = (participantClientId: string): OutboxItem => ({
  clientId: uuid(), kind: 'collect', createdAt: '2026-11-26T01:05:00.000Z', payload: { participantClientId, months: 1, amountIdr: 16_800, collectedOn: '2026-11-26' },
})
const entry = (item: OutboxItem, userId = USER): OutboxEntry => ({ userId, item, summary: { name: 'x' }, state: 'pending', attempts: 0 })

/** A server that keeps the contract: one stored result per clientId, NIK identity checks, collects by participantClientId. */
function fakeServer() {
  const results = new Map<string, ItemResult>()
  const people = new Map<string, { id: string; birthDate: string }>()
  const payments: string[] = []
  const requests: OutboxItem[][] = []
  let failNext: 'network' | '500' | 'lose-answer' | null = null
  const process = (item: OutboxItem): ItemResult => {
    const stored = results.get(item.clientId)
    if (stored) return stored
    let result: ItemResult
    if (item.kind === 'register') {
      const known = people.get(item.payload.nik)
      if (known && known.birthDate !== item.payload.birthDate) result = { clientId: item.clientId, state: 'rejected', error: { code: 'nik_identity_mismatch', field: 'nik', message: 'NIK sudah terdaftar dengan identitas lain.' } }
      else {
        const id = known?.id ?? `p-${people.size + 1}`
        people.set(item.payload.nik, { id, birthDate: item.payload.birthDate })
        result = { clientId: item.clientId, state: 'done', participantId: id, kpj: '12345678901', existing: Boolean(known) }
      }
    } else {
      const ref = item.payload.participantClientId ? results.get(item.payload.participantClientId) : undefined
      if (!item.payload.participantId && ref?.state !== 'done') result = { clientId: item.clientId, state: 'rejected', error: { code: 'not_found', message: 'Peserta tidak ditemukan.' } }
      else {
        payments.push(item.clientId)
        result = { clientId: item.clientId, state: 'done', paymentId: `pay-${payments.length}`, receiptNo: `KW-${payments.length}`, months: ['2026-11'] }
      }
    }
    results.set(item.clientId, result)
    return result
  }
  const send: SendBatch = async (items) => {
    requests.push([...items])
    const fail = failNext
    failNext = null
    if (fail === 'network') throw new TypeError('Failed to fetch')
    if (fail === '500') return { status: 500, body: { error: { code: 'internal', message: 'db down' } } }
    const answer = { results: items.map(process) }
    if (fail === 'lose-answer') throw new TypeError('connection reset')
    return { status: 200, body: answer }
  }
  return { send, people, payments, requests, failWith: (f: typeof failNext) => (failNext = f) }
}

describe('drainOutbox: the outbox drained through POST /agen/sync', () => {
  it('sends pending items in the order they were made and marks each with the server result', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    const a = register('5171014512900001')
    const b = register('5171015506910002')
    await store.add(entry(a))
    await store.add(entry(b))
    await store.add(entry(collect(a.clientId)))
    expect(await drainOutbox(store, USER, server.send)).toEqual({ kind: 'synced', sent: 3, done: 3, rejected: 0 })
    expect(server.requests.map((r) => r.map((i) => i.kind))).toEqual([['register', 'register', 'collect']])
    expect(store.entries.map((e) => e.state)).toEqual(['done', 'done', 'done'])
    expect(store.entries[2]?.result?.receiptNo).toBe('KW-1')
    expect(server.people.size).toBe(2)
    expect(server.payments).toHaveLength(1)
  })

  it('sends nothing when nothing is pending, and nothing twice when drained again', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    expect(await drainOutbox(store, USER, server.send)).toEqual({ kind: 'idle' })
    await store.add(entry(register('5171014512900001')))
    await drainOutbox(store, USER, server.send)
    expect(await drainOutbox(store, USER, server.send)).toEqual({ kind: 'idle' })
    expect(server.requests).toHaveLength(1)
  })

  it('keeps items pending when offline or the server fails, and retries later with the same client ids', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    const a = register('5171014512900001')
    await store.add(entry(a))
    await store.add(entry(collect(a.clientId)))
    server.failWith('network')
    expect(await drainOutbox(store, USER, server.send)).toMatchObject({ kind: 'failed', reason: 'Failed to fetch' })
    server.failWith('500')
    expect(await drainOutbox(store, USER, server.send)).toMatchObject({ kind: 'failed', reason: 'db down' })
    expect(store.entries.map((e) => [e.state, e.attempts, e.lastError])).toEqual([['pending', 2, 'db down'], ['pending', 2, 'db down']])
    expect(await drainOutbox(store, USER, server.send)).toMatchObject({ kind: 'synced', done: 2 })
    const ids = server.requests.map((r) => r.map((i) => i.clientId).join())
    expect(new Set(ids).size).toBe(1)
  })

  it('replays after a lost answer: the server did the work once, the retry gets the stored results', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    const a = register('5171014512900001')
    await store.add(entry(a))
    await store.add(entry(collect(a.clientId)))
    server.failWith('lose-answer')
    expect((await drainOutbox(store, USER, server.send)).kind).toBe('failed')
    expect(store.entries.every((e) => e.state === 'pending')).toBe(true)
    await drainOutbox(store, USER, server.send)
    expect(store.entries.map((e) => e.state)).toEqual(['done', 'done'])
    expect(server.payments).toHaveLength(1)
    expect(server.people.size).toBe(1)
  })

  it('marks a conflicting NIK rejected on that item only, with the server message', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    await store.add(entry(register('5171014512900001', '1990-05-12')))
    await store.add(entry(register('5171014512900001', '1991-01-01')))
    await store.add(entry(register('5171015506910002')))
    expect(await drainOutbox(store, USER, server.send)).toEqual({ kind: 'synced', sent: 3, done: 2, rejected: 1 })
    expect(store.entries.map((e) => e.state)).toEqual(['done', 'rejected', 'done'])
    expect(store.entries[1]?.result?.error?.message).toBe('NIK sudah terdaftar dengan identitas lain.')
  })

  it('sends at most 100 items per request, in order', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    for (let i = 0; i < 205; i++) await store.add(entry(register(`51710145129${String(i).padStart(5, '0')}`)))
    expect(await drainOutbox(store, USER, server.send)).toMatchObject({ kind: 'synced', sent: 205, done: 205 })
    expect(server.requests.map((r) => r.length)).toEqual([100, 100, 5])
    expect(server.requests.flat().map((i) => i.clientId)).toEqual(store.entries.map((e) => e.item.clientId))
  })

  it('drains only the signed-in agent’s items', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    await store.add(entry(register('5171014512900001'), 'other-agent'))
    expect(await drainOutbox(store, USER, server.send)).toEqual({ kind: 'idle' })
    expect(store.entries[0]?.state).toBe('pending')
  })

  it('stops on 401 and keeps the items for after the next sign-in', async () => {
    const store = memoryOutbox()
    await store.add(entry(register('5171014512900001')))
    const send: SendBatch = async () => ({ status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } })
    expect((await drainOutbox(store, USER, send)).kind).toBe('signed-out')
    expect(store.entries[0]).toMatchObject({ state: 'pending', attempts: 0 })
  })

  it('isolates an item the server refuses as a whole request (400), so the queue moves on', async () => {
    const store = memoryOutbox()
    const server = fakeServer()
    const bad = register('5171014512900001')
    if (bad.kind === 'register') bad.payload.programmes = []
    await store.add(entry(bad))
    await store.add(entry(register('5171015506910002')))
    const send: SendBatch = async (items) =>
      items.some((i) => i.kind === 'register' && i.payload.programmes.length === 0)
        ? { status: 400, body: { error: { code: 'invalid_input', field: 'items.0.payload.programmes', message: 'Pilih program.' } } }
        : server.send(items)
    expect(await drainOutbox(store, USER, send)).toEqual({ kind: 'synced', sent: 2, done: 1, rejected: 1 })
    expect(store.entries.map((e) => [e.state, e.result?.error?.message])).toEqual([['rejected', 'Pilih program.'], ['done', undefined]])
  })

  it('treats a missing endpoint (404) as not yet: the items wait', async () => {
    const store = memoryOutbox()
    await store.add(entry(register('5171014512900001')))
    const send: SendBatch = async () => ({ status: 404, body: { error: { code: 'not_found', message: 'Route not found' } } })
    expect((await drainOutbox(store, USER, send)).kind).toBe('failed')
    expect(store.entries[0]?.state).toBe('pending')
  })
})

describe('httpSend', () => {
  it('posts { items } as JSON to /api/v1/agen/sync and reads the answer', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = []
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response(JSON.stringify({ results: [] }), { status: 200 })
    }) as unknown as typeof fetch
    const item = register('5171014512900001')
    expect(await httpSend(fetchImpl)([item])).toEqual({ status: 200, body: { results: [] } })
    expect(calls[0]?.url).toBe('/api/v1/agen/sync')
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ items: [item] })
  })
})
