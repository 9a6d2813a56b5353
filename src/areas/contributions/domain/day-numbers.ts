/**
 * Dates and months as integers for the status engine's inner loops: parsing `YYYY-MM-DD` by char codes and
 * comparing numbers is what keeps ten years of months under a millisecond (no Date, no regex per due).
 */
import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'

function digits(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) throw new RangeError(`not a date or month: ${s}`)
    n = n * 10 + d
  }
  return n
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: LocalDate): number {
  if (date.length !== 10) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10))
}

function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function dateOfDayNumber(day: number): LocalDate {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Same index as kernel monthIndex (`2026-03` → 2026 × 12 + 2), without a regex. */
export function monthNumber(month: Month): number {
  if (month.length !== 7 || month.charCodeAt(4) !== 45) throw new RangeError(`not a month (YYYY-MM): ${month}`)
  const mm = digits(month, 5, 7)
  if (mm < 1 || mm > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`)
  return digits(month, 0, 4) * 12 + mm - 1
}

/** The month index of a date (`2026-03-15` → index of 2026-03). */
export function monthNumberOfDate(date: LocalDate): number {
  return digits(date, 0, 4) * 12 + digits(date, 5, 7) - 1
}

/** Day number of the last day of a month index. */
export function lastDayOfMonthNumber(monthIdx: number): number {
  const next = monthIdx + 1
  return daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1) - 1
}
