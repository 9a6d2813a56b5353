import type { LocalDate } from '../../../kernel/dates.js'
import { benefitConsequence } from './benefit-consequence.js'
import { dateOfDayNumber, dayNumber, lastDayOfMonthNumber, monthNumber } from './day-numbers.js'
import type { AccountInput, ContributionStatus, ProtectionPeriod, Status } from './types.js'

interface Covered {
  readonly fromDay: number
  readonly toDay: number
}

/** Paid periods as seen at the cutoff; cover starts at the later of the period's start and its payment. */
function coveredPeriods(periods: readonly ProtectionPeriod[], cutoffDay: number): Covered[] {
  const out: Covered[] = []
  for (const p of periods) {
    if (p.paidOn === null) continue
    const paid = dayNumber(p.paidOn)
    if (paid > cutoffDay) continue
    out.push({ fromDay: Math.max(dayNumber(p.from), paid), toDay: dayNumber(p.to) })
  }
  return out
}

function endDayOf(input: AccountInput): number {
  if (!input.end) return Infinity
  return input.end.on ? dayNumber(input.end.on) : lastDayOfMonthNumber(monthNumber(input.end.month)) + 1
}

/** PMI and construction: `aktif` through a paid protection period, `nonaktif` once it is over, no monthly dues. */
export function protectionStatusAt(covered: readonly Covered[], endDay: number, day: number): Status {
  if (day >= endDay) return 'berhenti'
  let started = false
  for (const c of covered) {
    if (c.fromDay <= day && day <= c.toDay) return 'aktif'
    if (c.fromDay <= day) started = true
  }
  return started ? 'nonaktif' : 'terdaftar'
}

export function protectionStatus(input: AccountInput, asOf: LocalDate): ContributionStatus {
  const day = dayNumber(asOf)
  const covered = coveredPeriods(input.protections ?? [], day)
  const endDay = endDayOf(input)
  const status = protectionStatusAt(covered, endDay, day)
  const candidates = [endDay, ...covered.flatMap((c) => [c.fromDay, c.toDay + 1])].filter((c) => c > day && c !== Infinity).sort((a, b) => a - b)
  let nextChange: ContributionStatus['nextChange'] = null
  for (const c of candidates) {
    const s = protectionStatusAt(covered, endDay, c)
    if (s !== status) {
      nextChange = { date: dateOfDayNumber(c), status: s }
      break
    }
  }
  const lastTo = covered.reduce((m, c) => Math.max(m, c.toDay), -Infinity)
  return {
    status,
    asOf,
    paidThrough: lastTo === -Infinity ? null : dateOfDayNumber(lastTo).slice(0, 7),
    arrearsIdr: 0,
    arrears: [],
    nextPayableMonth: null,
    writtenOff: [],
    benefit: benefitConsequence(input.rule, status, 0, input.lapse),
    nextChange,
  }
}
