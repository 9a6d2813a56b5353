import { addDays, type LocalDate } from '../../../kernel/dates.js'
import { contributionStatus } from '../../contributions/domain/status-engine.js'
import type { AccountInput } from '../../contributions/domain/types.js'

const PROTECTED = new Set(['aktif', 'menunggak'])

/**
 * The last day a worker stays protected (terlindungi = aktif + menunggak) if nothing more is paid: the day before the
 * status engine's change to nonaktif or berhenti. Null when not protected now, or when nothing ends it with time alone.
 */
export function protectedUntil(input: AccountInput, asOf: LocalDate): LocalDate | null {
  let s = contributionStatus(input, asOf)
  if (!PROTECTED.has(s.status)) return null
  for (let step = 0; step < 8; step++) {
    const next = s.nextChange
    if (next === null) return null
    if (!PROTECTED.has(next.status)) return addDays(next.date, -1)
    s = contributionStatus(input, next.date)
  }
  return null
}
