import { formatDateId, timeZoneOfRegion } from '../../../src/kernel/dates'
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

/** `2026-03` → `03/2026`: the short form for tables. */
export function formatMonthShort(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : month
}

/** This month in WITA (Banuspa's main time zone), `YYYY-MM`, for the calculator's default. */
export function currentMonthWita(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7)
}

/** Today in WITA, `YYYY-MM-DD`. */
export function todayWita(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** A whole number in the reader's language: 12.345 (id) / 12,345 (en). */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID').format(value)
}

/** A share 0…1 as `45,2%` (id) / `45.2%` (en). */
export function formatPercent(share: number, language: string, digits = 1): string {
  return `${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share * 100)}%`
}

const ZONE_LABEL: Record<string, 'WITA' | 'WIT'> = { 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }

/**
 * An instant as `dd/mm/yyyy HH.mm WITA` in the time zone of a region (WIT for the Papua provinces), or WITA (the
 * Kanwil's zone) when no region is given.
 */
export function formatInstant(iso: string, regionCode?: string | null): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const timeZone = regionCode ? timeZoneOfRegion(regionCode) : 'Asia/Makassar'
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}.${parts.minute} ${ZONE_LABEL[timeZone]}`
}
