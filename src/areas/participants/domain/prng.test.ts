import { describe, expect, it } from 'vitest'
import { Sfc32 } from './prng.js'

describe('Sfc32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const take = (rng: Sfc32) => Array.from({ length: 5 }, () => rng.next())
    expect(take(new Sfc32(42))).toEqual(take(new Sfc32(42)))
    expect(take(new Sfc32(42))).not.toEqual(take(new Sfc32(43)))
  })

  it('reseeding for (seed, index) restarts the same stream', () => {
    const rng = new Sfc32()
    rng.reseed(7, 1000)
    const first = [rng.next(), rng.next()]
    rng.reseed(7, 999)
    rng.reseed(7, 1000)
    expect([rng.next(), rng.next()]).toEqual(first)
  })

  it('spreads below(n) evenly', () => {
    const rng = new Sfc32(1)
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) counts[rng.below(10)]!++
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })
})
