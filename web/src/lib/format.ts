import { formatDateId } from '../../../src/kernel/dates'
import { formatRupiah } from '../../../src/kernel/money'

export { formatDateId, formatRupiah }

/** A rate in ppm as a percentage in the reader's language: 10,000 → `1%`, 4,450 → `0,445%` (id) / `0.445%` (en). */
export function formatRateppm(rateppm: number, language: string): string {
  const percent = rateppm / 10_000
  return `${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 4 }).format(percent)}%`
}

/** `2026-03` → `Maret 2026` / `March 2026`. */
export function formatMonth(month: string, language: string): string {
  const [year, mm] = month.split('-').map(Number)
  if (!year || !mm) return month
  const date = new Date(Date.UTC(year, mm - 1, 1))
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** This month in WITA (Banuspa's main time zone), `YYYY-MM`, for the calculator's default. */
export function currentMonthWita(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7)
}
