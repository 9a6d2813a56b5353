import { describe, expect, it } from 'vitest'
import { MonthParameter } from './periods.js'
import type { RegulationSet } from './regulation-set.js'
import { sectorOfOccupation } from './sector.js'

const occupations = new MonthParameter('relief.pp50_2025_transport_occupations', 'test', 'list', [
  { from: '2015-07', to: null, value: ['sopir', 'ojek', 'kurir'], unknown: false, citation: 'test', evidence: 'R' },
], 2015 * 12 + 6, 2015 * 12 + 6, true)
const regs = { relief: { pp50TransportOccupations: occupations } } as unknown as RegulationSet

describe('sectorOfOccupation', () => {
  it('maps listed occupations to transport, any other to other, ignoring case and spaces', () => {
    expect(sectorOfOccupation(' Sopir ', regs, 2026 * 12)).toBe('transport')
    expect(sectorOfOccupation('petani', regs, 2026 * 12)).toBe('other')
  })
})
