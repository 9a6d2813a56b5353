import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseRegulationSet } from '../../../src/areas/programmes/domain/index'
import { pitchFor } from './pitch'

const dir = path.resolve(import.meta.dirname, '../../../regulations')
const regs = parseRegulationSet(Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f.replace(/\.yaml$/, ''), parse(fs.readFileSync(path.join(dir, f), 'utf8'))])))

describe('the benefit pitch (issue 10: Rp16.800 → Rp42 juta + beasiswa)', () => {
  it('promises JKM Rp42 juta after the BPU waiting rule, the funeral cost before it, and beasiswa up to Rp174 juta for two children', () => {
    const pitch = pitchFor(regs, '2026-11-26', 1_000_000)
    expect(pitch.jkmIdr).toBe(42_000_000)
    expect(pitch.jkmAfterMonths).toBe(3)
    expect(pitch.jkmFuneralOnlyIdr).toBe(10_000_000)
    expect(pitch.scholarshipMaxIdr).toBe(174_000_000)
    expect(pitch.scholarshipJkmMinMonths).toBe(36)
  })

  it('gives the JKK death benefit from the declared income', () => {
    const low = pitchFor(regs, '2026-11-26', 1_000_000).jkkDeathIdr
    const high = pitchFor(regs, '2026-11-26', 2_000_000).jkkDeathIdr
    expect(high - low).toBe(48_000_000)
  })
})
