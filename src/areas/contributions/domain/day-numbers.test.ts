import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../kernel/dates.js'
import { monthIndex } from '../../../kernel/month.js'
import { dateOfDayNumber, dayNumber, lastDayOfMonthNumber, monthNumber, monthNumberOfDate } from './day-numbers.js'

describe('day numbers', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1)
    expect(dateOfDayNumber(dayNumber('2024-02-29') + 1)).toBe('2024-03-01')
  })

  it('agrees with the kernel date and month helpers', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const date = dateOfDayNumber(n)
        expect(dayNumber(date)).toBe(n)
        expect(dateOfDayNumber(n + k)).toBe(addDays(date, k))
        expect(monthNumberOfDate(date)).toBe(monthIndex(date.slice(0, 7)))
        expect(monthNumber(date.slice(0, 7))).toBe(monthIndex(date.slice(0, 7)))
      }),
    )
  })

  it('knows the last day of a month', () => {
    expect(dateOfDayNumber(lastDayOfMonthNumber(monthNumber('2028-02')))).toBe('2028-02-29')
    expect(dateOfDayNumber(lastDayOfMonthNumber(monthNumber('2026-12')))).toBe('2026-12-31')
  })

  it('refuses what is not a date or a month', () => {
    expect(() => dayNumber('2026-3-01')).toThrow(RangeError)
    expect(() => monthNumber('2026-13')).toThrow(RangeError)
  })
})
