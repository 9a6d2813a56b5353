import { describe, expect, it } from 'vitest'
import { dueDate } from './due-dates.js'
import { isWorkingDay, nextWorkingDay, parseHolidayCalendar } from './holidays.js'

const calendar = parseHolidayCalendar({
  years: {
    2026: {
      source: 'SKB test',
      evidence: 'C2',
      holidays: [{ date: '2026-03-19', name: 'Nyepi' }],
      cuti_bersama: [{ date: '2026-03-20', name: 'Cuti bersama' }],
    },
  },
})

describe('holiday calendar', () => {
  it('skips weekends, national holidays and cuti bersama', () => {
    expect(nextWorkingDay('2026-03-18', calendar)).toBe('2026-03-18')
    expect(nextWorkingDay('2026-03-19', calendar)).toBe('2026-03-23') // holiday, cuti bersama, Sat, Sun
    expect(isWorkingDay('2026-03-21', calendar)).toBe(false)
  })

  it('moves a due date and flags a year without a holiday list (weekends only)', () => {
    expect(dueDate('2026-02', { monthOffset: 1, day: 19 }, calendar)).toEqual({ date: '2026-03-23', holidaysKnown: true })
    expect(dueDate('2027-01', { monthOffset: 1, day: 13 }, calendar)).toEqual({ date: '2027-02-15', holidaysKnown: false })
  })

  it('reads "the 30th" of February as its last day', () => {
    expect(dueDate('2021-01', { monthOffset: 1, day: 30 }, calendar).date).toBe('2021-03-01') // 28 Feb 2021 is a Sunday
  })

  it('rejects a date outside its year', () => {
    expect(() => parseHolidayCalendar({ years: { 2026: { source: 's', evidence: 'S1', holidays: [{ date: '2025-12-31' }] } } })).toThrow(/bad date/)
  })
})
