/** A calendar date without time, `YYYY-MM-DD`, read as the local date of the participant's regency (DESIGN.md §7). */
export type LocalDate = string

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

function toUtc(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  return new Date(`${date}T00:00:00Z`)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = toUtc(date)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return toUtc(date).getUTCDay()
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)
}

/** `dd/mm/yyyy`, the format Indonesian users read (DESIGN.md §5). */
export function formatDateId(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

/** Time zone of a Banuspa region: WIT for the Papua provinces (9x), WITA for Bali, NTB and NTT. */
export function timeZoneOfRegion(regionCode: string): 'Asia/Makassar' | 'Asia/Jayapura' {
  return regionCode.startsWith('9') ? 'Asia/Jayapura' : 'Asia/Makassar'
}

const localDateFormats = new Map<string, Intl.DateTimeFormat>()

/** The local calendar date of an instant in a time zone (one formatter per zone: making one costs more than using it). */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  let format = localDateFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    localDateFormats.set(timeZone, format)
  }
  return format.format(instant)
}
