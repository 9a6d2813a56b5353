import type { LocalDate } from '../../../kernel/dates.js'

/** WIB (UTC+7, no daylight saving): the business day of cut-off, X-EXTERNAL-ID uniqueness and reconciliation (channel-api.md §13.2). */
const WIB_OFFSET_MS = 7 * 3_600_000

export function wibDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10)
}

/** ISO-8601 with `+07:00`, seconds precision: how Semesta writes SNAP timestamps. */
export function wibTimestamp(instant: Date): string {
  return `${new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`
}

/** The instants a WIB day spans: [start, end). */
export function wibDayBounds(date: LocalDate): { start: Date; end: Date } {
  const start = new Date(`${date}T00:00:00+07:00`)
  return { start, end: new Date(start.getTime() + 86_400_000) }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}:?\d{2})$/

/**
 * X-TIMESTAMP as SNAP's samples write it (channel-api.md §3, §9): `2025-02-01T10:15:30+07:00`, with or without
 * milliseconds, any offset or `Z`, and the compact `20201231T235959Z`. Null when it is none of these or not a real time.
 */
export function parseSnapTimestamp(text: string): Date | null {
  const m = ISO.exec(text) ?? COMPACT.exec(text)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m
  const zone = (m[m.length - 1] as string).replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const fraction = m.length === 9 && m[7] ? m[7] : ''
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone}`)
  if (Number.isNaN(instant.getTime())) return null
  // Date normalises 2025-02-30 to March: refuse dates that do not exist
  const local = new Date(instant.getTime() + zoneOffsetMs(zone)).toISOString()
  return local.slice(0, 19) === `${y}-${mo}-${d}T${h}:${mi}:${s}` ? instant : null
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const [hh, mm] = zone.slice(1).split(':').map(Number) as [number, number]
  return sign * (hh * 60 + mm) * 60_000
}

/** Is the client's clock within `windowMs` of ours (either way)? */
export function withinSkew(timestamp: Date, now: Date, windowMs: number): boolean {
  return Math.abs(now.getTime() - timestamp.getTime()) <= windowMs
}

/** Default X-TIMESTAMP window (Semesta design choice, channel-api.md §3 "a few minutes"). */
export const DEFAULT_SKEW_MS = 5 * 60_000

/**
 * Reversal cut-off (Semesta design choice, channel-api.md §14): a payment may be reversed the same WIB day it was
 * paid, until 23:00 WIB.
 */
export const REVERSAL_CUT_OFF_WIB = '23:00'

export function reversalAllowed(paidAt: Date, now: Date): boolean {
  if (wibDate(paidAt) !== wibDate(now)) return false
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(11, 16) < REVERSAL_CUT_OFF_WIB
}
