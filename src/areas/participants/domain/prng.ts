/**
 * A small, fast, seeded pseudo-random generator for synthetic data (sfc32, by Chris Doty-Humphrey; passes
 * PractRand). Deterministic: the same seed gives the same stream on every machine. Not for secrets.
 */
export function mix32(value: number): number {
  let x = (value + 0x9e3779b9) | 0
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad)
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97)
  return (x ^ (x >>> 15)) >>> 0
}

export class Sfc32 {
  private a = 0
  private b = 0
  private c = 0
  private d = 1

  constructor(seed = 0) {
    this.reseed(seed, 0)
  }

  /** Restarts the stream for (seed, index) — e.g. one stream per generated person, so any person can be made alone. */
  reseed(seed: number, index: number): void {
    const h = mix32(seed ^ mix32(index))
    this.a = h
    this.b = mix32(h ^ 0x5bd1e995)
    this.c = mix32(index ^ 0x27d4eb2f)
    this.d = 1
    for (let i = 0; i < 6; i++) this.next()
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4_294_967_296
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!
  }

  /** True with probability ppm / 10^6. */
  chance(ppm: number): boolean {
    return this.next() % 1_000_000 < ppm
  }
}
