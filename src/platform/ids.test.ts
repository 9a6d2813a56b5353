import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { idTimestampMs, UUID_PATTERN, type newId as NewId } from './ids.js'

// newId remembers the last millisecond it used; test files share a worker (isolate: false), so these tests take
// a fresh copy of the module that no other file has moved forward, and drop it afterwards so
// no later file inherits the far-future millisecond it ends on
let newId: typeof NewId
beforeAll(async () => {
  vi.resetModules()
  ;({ newId } = await import('./ids.js'))
})
afterAll(() => {
  vi.resetModules()
})

describe('newId (UUIDv7)', () => {
  it('is a version 7, variant 10 UUID carrying its creation time', () => {
    const id = newId(1_735_689_600_123)
    expect(id).toMatch(UUID_PATTERN)
    expect(id[14]).toBe('7')
    expect(['8', '9', 'a', 'b']).toContain(id[19])
    expect(idTimestampMs(id)).toBe(1_735_689_600_123)
  })

  it('sorts in creation order, also within one millisecond and across 5,000 ids', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('never goes backwards when the clock does', () => {
    const later = newId(1_900_000_000_000)
    const earlier = newId(1_899_999_999_000)
    expect(earlier > later).toBe(true)
  })
})
