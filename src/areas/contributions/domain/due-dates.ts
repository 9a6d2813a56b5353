import type { LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { monthIndex, type Month } from '../../../kernel/month.js'
import { dueDate, type DueDate } from '../../programmes/domain/due-dates.js'
import type { HolidayCalendar } from '../../programmes/domain/holidays.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'

/**
 * Which deadline a due follows (regulations.md §1.3, §2.5): BPU JKK/JKM by the 15th of the contribution month,
 * BPU JHT and every employer-paid (PU, state employer) line by the 15th of the next month; both dated data.
 */
export type DueKind = 'bpu_jkk_jkm' | 'bpu_jht' | 'employer'

/** `bpu` covers self-paid and pemda/APBN/sponsor-paid BPU dues; `employer` PU, non-ASN and election organisers. */
export function dueKindOf(scheme: 'bpu' | 'employer', programme: string): DueKind {
  if (scheme === 'employer') return 'employer'
  const p = programme.toLowerCase()
  if (p === 'jkk' || p === 'jkm') return 'bpu_jkk_jkm'
  if (p === 'jht') return 'bpu_jht'
  throw new DomainError('not_eligible', `programme ${programme} is not open to BPU participants`, { field: 'programme' })
}

// Every participant asks for the same few months: the answer is kept per (rules, calendar) object, both immutable once loaded.
const memo = new WeakMap<RegulationSet['due'], WeakMap<HolidayCalendar, Map<string, DueDate>>>()

/** The due date of one due: the dated rule for its month, moved past weekends, holidays and cuti bersama. */
export function contributionDueDate(month: Month, kind: DueKind, rules: RegulationSet['due'], calendar: HolidayCalendar): DueDate {
  let byCalendar = memo.get(rules)
  if (!byCalendar) memo.set(rules, (byCalendar = new WeakMap()))
  let known = byCalendar.get(calendar)
  if (!known) byCalendar.set(calendar, (known = new Map()))
  const key = `${month}|${kind}`
  let answer = known.get(key)
  if (answer === undefined) {
    const mi = monthIndex(month)
    const param = kind === 'bpu_jkk_jkm' ? rules.bpuJkkJkm : kind === 'bpu_jht' ? rules.bpuJht : rules.pu
    answer = dueDate(month, param.value(mi), calendar)
    known.set(key, answer)
  }
  return answer
}

/**
 * What the status engine needs for a month that has no billed due yet (the month after the paid-through one, or
 * months billing has not reached): the month's first deadline and what it will cost.
 */
export interface MonthSchedule {
  dueDate(month: Month): LocalDate
  amountIdr(month: Month): number
}

/** A participant's schedule from their due kinds, memoised per month (the engine asks for a few months at most). */
export function monthSchedule(
  kinds: readonly DueKind[],
  rules: RegulationSet['due'],
  calendar: HolidayCalendar,
  amountIdrOf: (month: Month) => number,
): MonthSchedule {
  if (kinds.length === 0) throw new DomainError('missing_field', 'a schedule needs at least one due kind', { field: 'kinds' })
  const dates = new Map<Month, LocalDate>()
  return {
    dueDate(month) {
      let d = dates.get(month)
      if (d === undefined) {
        d = kinds.map((k) => contributionDueDate(month, k, rules, calendar).date).reduce((a, b) => (b < a ? b : a))
        dates.set(month, d)
      }
      return d
    },
    amountIdr: amountIdrOf,
  }
}
