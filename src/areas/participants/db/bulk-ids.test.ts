import { describe, expect, it } from 'vitest'
import { UUID_PATTERN, idTimestampMs } from '../../../platform/ids.js'
import { uuidV7Batch } from './bulk-ids.js'

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
