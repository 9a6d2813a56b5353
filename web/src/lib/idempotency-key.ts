/** A fresh Idempotency-Key for one form's write: a retry of the same submission replays, a new submission gets a new key. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}
