import type { LocalDate } from '../../../kernel/dates.js'
import { addMonths } from '../../../kernel/month.js'
import { daysInMonth } from './due-dates.js'
import type { LateMonthCounting } from './types.js'

/** `date` plus whole months, the day clamped to the target month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(date: LocalDate, months: number): LocalDate {
  const month = addMonths(date.slice(0, 7), months)
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(month))
  return `${month}-${String(day).padStart(2, '0')}`
}

/**
 * Months of delay between a due date and a payment date. `started`: every started month counts (due 15 Apr, paid
 * 15 Jun = 2; paid 16 Jun = 3); `completed`: only whole months (paid 16 Jun = 2). Paid on or before the due date = 0.
 */
export function lateMonths(due: LocalDate, paidOn: LocalDate, counting: LateMonthCounting): number {
  if (paidOn <= due) return 0
  const approx = (Number(paidOn.slice(0, 4)) - Number(due.slice(0, 4))) * 12 + Number(paidOn.slice(5, 7)) - Number(due.slice(5, 7))
  let completed = Math.max(0, approx - 1)
  while (addMonthsToDate(due, completed + 1) <= paidOn) completed++
  if (counting === 'completed') return completed
  return addMonthsToDate(due, completed) === paidOn ? completed : completed + 1
}
