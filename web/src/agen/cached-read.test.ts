import { describe, expect, it } from 'vitest'
import { ApiError } from '../lib/api'
import { cachedGet, type ReadCache } from './cached-read'

function memoryCache(): ReadCache & { map: Map<string, { value: unknown; savedAt: string }> } {
  const map = new Map<string, { value: unknown; savedAt: string }>()
  return { map, get: async (k) => map.get(k), put: async (k, value, savedAt) => void map.set(k, { value, savedAt }) }
}
const at = (iso: string) => () => new Date(iso)

describe('cachedGet: reads that still answer offline', () => {
  it('answers the server and keeps a copy', async () => {
    const cache = memoryCache()
    const read = await cachedGet(cache, '/api/v1/agen/me', at('2026-11-26T01:00:00Z'), async () => ({ ok: 1 }))
    expect(read).toEqual({ value: { ok: 1 }, savedAt: '2026-11-26T01:00:00.000Z', fromCache: false })
    expect(cache.map.get('/api/v1/agen/me')?.value).toEqual({ ok: 1 })
  })

  it('answers the copy, marked as such, when the network fails or the server errs', async () => {
    const cache = memoryCache()
    await cachedGet(cache, '/p', at('2026-11-26T01:00:00Z'), async () => ({ ok: 1 }))
    for (const failure of [new ApiError(0, 'network', 'Failed to fetch'), new ApiError(503, 'unavailable', 'down'), new TypeError('x')]) {
      const read = await cachedGet(cache, '/p', at('2026-11-27T01:00:00Z'), async () => Promise.reject(failure))
      expect(read).toEqual({ value: { ok: 1 }, savedAt: '2026-11-26T01:00:00.000Z', fromCache: true })
    }
  })

  it('throws a refusal (401) and an offline read with no copy', async () => {
    const cache = memoryCache()
    await cachedGet(cache, '/p', at('2026-11-26T01:00:00Z'), async () => ({ ok: 1 }))
    await expect(cachedGet(cache, '/p', at('2026-11-26T01:00:00Z'), async () => Promise.reject(new ApiError(401, 'unauthenticated', 'x')))).rejects.toThrow('x')
    await expect(cachedGet(cache, '/q', at('2026-11-26T01:00:00Z'), async () => Promise.reject(new ApiError(0, 'network', 'offline')))).rejects.toThrow('offline')
  })
})
