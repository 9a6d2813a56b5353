import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { UUID_PATTERN, idTimestampMs } from '../../../platform/ids.js'
import type { uuidV7Batch as UuidV7Batch } from './bulk-ids.js'

// uuidV7Batch remembers the last millisecond it used; test files share a worker (isolate: false), so this test
// takes a fresh copy of the module that no other file has moved forward (and drops it afterwards)
let uuidV7Batch: typeof UuidV7Batch
beforeAll(async () => {
  vi.resetModules()
  ;({ uuidV7Batch } = await import('./bulk-ids.js'))
})
afterAll(() => {
  vi.resetModules()
})

describe('uuidV7Batch', () => {
  it('makes valid, unique, strictly increasing version-7 ids carrying the time', () => {
    const now = Date.UTC(2026, 2, 1)
    const ids = [...uuidV7Batch(70_000, now), ...uuidV7Batch(3, now)]
    expect(ids.every((id) => UUID_PATTERN.test(id) && id[14] === '7' && '89ab'.includes(id[19]!))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true)
    expect(idTimestampMs(ids[0]!)).toBe(now)
    expect(idTimestampMs(ids.at(-1)!)).toBe(now + 1)
  })
})
