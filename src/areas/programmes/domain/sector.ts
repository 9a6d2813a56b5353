import type { RegulationSet } from './regulation-set.js'
import type { Sector } from './types.js'

/** PP 50/2025 sector of a registered occupation (flagged data: relief.pp50_2025_transport_occupations). */
export function sectorOfOccupation(occupation: string, regs: RegulationSet, monthIdx: number): Sector {
  const transport = regs.relief.pp50TransportOccupations.value(monthIdx)
  return transport.includes(occupation.trim().toLowerCase()) ? 'transport' : 'other'
}
