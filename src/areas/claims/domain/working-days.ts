import { addDays, type LocalDate } from '../../../kernel/dates.js'
import { isWorkingDay, type HolidayCalendar } from '../../programmes/domain/holidays.js'

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to` (filed Monday, paid
 * Wednesday = 2). Saturdays, Sundays, national holidays and cuti bersama do not count (reference/holidays.yaml).
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: HolidayCalendar): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) n++
  return n
}

/** Within the service level (regulations.md §3.3: JKM 3, JKK 7 working days), late, or no level to measure against. */
export function serviceLevelOutcome(workingDays: number, levelWorkingDays: number | null): 'within' | 'late' | 'no_level' {
  if (levelWorkingDays === null) return 'no_level'
  return workingDays <= levelWorkingDays ? 'within' : 'late'
}
