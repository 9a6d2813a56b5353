import type { LocalDate } from '../../../kernel/dates.js'
import { addMonths, type Month } from '../../../kernel/month.js'
import { holidaysKnown, nextWorkingDay, type HolidayCalendar } from './holidays.js'
import type { DueRule } from './types.js'

export interface DueDate {
  readonly date: LocalDate
  /** false when reference/holidays.yaml has no list for a year the date touches: weekends only were skipped. */
  readonly holidaysKnown: boolean
}

export function daysInMonth(month: Month): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
}

/** `day` of (contribution month + offset), clamped to the month's end, moved to the next working day. */
export function dueDate(month: Month, rule: DueRule, calendar: HolidayCalendar): DueDate {
  const target = addMonths(month, rule.monthOffset)
  const day = Math.min(rule.day, daysInMonth(target))
  const nominal = `${target}-${String(day).padStart(2, '0')}`
  const date = nextWorkingDay(nominal, calendar)
  const known = holidaysKnown(Number(nominal.slice(0, 4)), calendar) && holidaysKnown(Number(date.slice(0, 4)), calendar)
  return { date, holidaysKnown: known }
}
