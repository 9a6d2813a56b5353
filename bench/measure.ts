/** Timing helpers shared by the benches: run a body in batches until the time is up, report operations per second. */

export interface RateOptions {
  durationMs: number
  repeats: number
  /** Calls per timed batch; the clock is read once per batch. */
  batch?: number
}

function oneRate(body: (iterations: number) => void, durationMs: number, batch: number): number {
  const start = process.hrtime.bigint()
  const deadline = start + BigInt(Math.round(durationMs * 1e6))
  let operations = 0
  let now = start
  while (now < deadline) {
    body(batch)
    operations += batch
    now = process.hrtime.bigint()
  }
  return operations / (Number(now - start) / 1e9)
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** The 95th percentile (nearest rank) of a non-empty list. */
export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!
}

/**
 * Operations per second of `body(n)`, which must perform n operations.
 * A short warm-up lets the JIT settle first; the median of `repeats` runs is returned.
 */
export function ratePerSecond(body: (iterations: number) => void, options: RateOptions): number {
  const batch = options.batch ?? 10_000
  oneRate(body, Math.min(200, options.durationMs), batch)
  const rates: number[] = []
  for (let i = 0; i < options.repeats; i++) rates.push(oneRate(body, options.durationMs, batch))
  return median(rates)
}

/** Keeps a value alive so the JIT cannot drop the work that produced it. */
export let sink = 0
export function consume(value: number): void {
  sink = (sink + value) | 0
}
