/** A contribution month, `YYYY-MM`. Months compare as strings and as indexes. */
export type Month = string

const MONTH_RE = /^(\d{4})-(\d{2})$/

export function isMonth(value: string): boolean {
  const m = MONTH_RE.exec(value)
  if (!m) return false
  const mm = Number(m[2])
  return mm >= 1 && mm <= 12
}

/** Months since year 0: `2026-03` → 2026 × 12 + 2. */
export function monthIndex(month: Month): number {
  const m = MONTH_RE.exec(month)
  if (!m || !isMonth(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`)
  return Number(m[1]) * 12 + Number(m[2]) - 1
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12)
  const mm = (index % 12) + 1
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}`
}

export function addMonths(month: Month, count: number): Month {
  return monthFromIndex(monthIndex(month) + count)
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from)
}

export function monthOfDate(date: string): Month {
  return date.slice(0, 7)
}

/** Inclusive list of months from `from` to `to`. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = []
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i))
  return out
}
