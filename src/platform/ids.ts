import { randomFillSync } from 'node:crypto'

/**
 * UUIDv7 (RFC 9562): a 48-bit millisecond timestamp first, so new ids land at the right end of a B-tree index
 * instead of at random pages. Within one millisecond the 12-bit `rand_a` field is a counter (RFC 9562 §6.2,
 * method 1) so ids made by this process are strictly increasing.
 */
let lastMs = -1
let counter = 0

// random bytes drawn 4 KiB at a time: one call per ~400 ids instead of one per id (ids are made on every request)
const POOL_SIZE = 4096
const pool = new Uint8Array(POOL_SIZE)
let poolOffset = POOL_SIZE

function randomBytes10(): Uint8Array {
  if (poolOffset + 10 > POOL_SIZE) {
    randomFillSync(pool)
    poolOffset = 0
  }
  poolOffset += 10
  return pool.subarray(poolOffset - 10, poolOffset)
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

export function newId(nowMs: number = Date.now()): string {
  const random = randomBytes10()
  let ms = Math.max(nowMs, lastMs)
  if (ms === lastMs) {
    counter += 1
    if (counter > 0xfff) {
      ms += 1
      counter = random[0]! & 0x7ff
    }
  } else {
    counter = ((random[0]! << 8) | random[1]!) & 0x7ff
  }
  lastMs = ms
  const bytes = new Uint8Array(16)
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | (counter >> 8)
  bytes[7] = counter & 0xff
  bytes[8] = 0x80 | (random[2]! & 0x3f)
  bytes.set(random.subarray(3, 10), 9)
  let hex = ''
  for (let i = 0; i < 16; i += 1) hex += HEX[bytes[i]!]
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The creation time (ms since the epoch) written into a UUIDv7. */
export function idTimestampMs(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
