import { randomFillSync } from 'node:crypto'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
let lastMs = -1

const hex4 = (n: number) => HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!

/**
 * `count` UUIDv7 ids for one bulk insert, strictly increasing (RFC 9562 §6.2 method 1: a counter in rand_a and
 * the top of rand_b), about ten times cheaper per id than platform/ids.ts's newId. Each batch takes its own
 * millisecond, so batches of one process never overlap; 46 random bits keep other processes apart.
 */
export function uuidV7Batch(count: number, nowMs: number = Date.now()): string[] {
  if (count > 1 << 28) throw new RangeError('uuidV7Batch: at most 2^28 ids per batch')
  const ms = nowMs > lastMs ? nowMs : lastMs + 1
  lastMs = ms
  const high = Math.floor(ms / 0x10000)
  const prefix = `${hex4(high >>> 16)}${hex4(high & 0xffff)}-${hex4(ms % 0x10000)}-`
  const random = randomFillSync(Buffer.allocUnsafe(count * 6))
  const ids = new Array<string>(count)
  for (let i = 0; i < count; i++) {
    const randA = 0x7000 | (i >>> 16) // version 7, counter bits 27..16
    const randB = 0x8000 | ((i >>> 2) & 0x3fff) // variant 10, counter bits 15..2
    const r = i * 6
    const tail = HEX[((i & 3) << 6) | (random[r]! & 0x3f)]! + HEX[random[r + 1]!]! + HEX[random[r + 2]!]! + HEX[random[r + 3]!]! + HEX[random[r + 4]!]! + HEX[random[r + 5]!]!
    ids[i] = `${prefix}${hex4(randA)}-${hex4(randB)}-${tail}`
  }
  return ids
}
