import type { LocalDate } from '../../../kernel/index.js'
import { numberAt } from './digits.js'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29
  return DAYS_IN_MONTH[month - 1] ?? 0
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${year}-${pad2(month)}-${pad2(day)}`
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const ID_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

/**
 * A date typed by a clerk: `YYYY-MM-DD` or `DD/MM/YYYY` (the Indonesian order; `-` and `.` separators and
 * one-digit day or month accepted). Returns null when it is not a real calendar date.
 */
export function parseDateInput(input: string): LocalDate | null {
  const value = input.trim()
  if (value.length === 10) {
    const fast = parseTenChars(value)
    if (fast !== undefined) return fast
  }
  let m = ISO_DATE.exec(value)
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]))
  m = ID_DATE.exec(value)
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]))
  return null
}

/** The two common shapes without a regex: `YYYY-MM-DD` and `DD/MM/YYYY`; undefined = not this shape. */
function parseTenChars(s: string): LocalDate | null | undefined {
  if (s[4] === '-' && s[7] === '-') {
    const y = numberAt(s, 0, 4)
    const m = numberAt(s, 5, 2)
    const d = numberAt(s, 8, 2)
    if (y < 0 || m < 0 || d < 0) return undefined
    return y >= 1800 && isRealDate(y, m, d) ? s : null
  }
  if (s[2] === '/' && s[5] === '/') {
    const d = numberAt(s, 0, 2)
    const m = numberAt(s, 3, 2)
    const y = numberAt(s, 6, 4)
    if (y < 0 || m < 0 || d < 0) return undefined
    return checked(y, m, d)
  }
  return undefined
}

function checked(year: number, month: number, day: number): LocalDate | null {
  return year >= 1800 && isRealDate(year, month, day) ? toLocalDate(year, month, day) : null
}

/** Parts of a `YYYY-MM-DD` date without allocating a Date. */
export function yearOf(date: LocalDate): number {
  return numberAt(date, 0, 4)
}

/** Month × 100 + day, to compare anniversaries. */
function monthDay(date: LocalDate): number {
  return numberAt(date, 5, 2) * 100 + numberAt(date, 8, 2)
}

/** Completed years of age on `on` (a 29 February birthday is reached on 1 March in common years). */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const years = yearOf(on) - yearOf(birthDate)
  return monthDay(on) < monthDay(birthDate) ? years - 1 : years
}
