import { describe, expect, it } from 'vitest'
import { addMonthsToDate, lateMonths } from './late-fine.js'

describe('lateMonths', () => {
  it('E8: due 15 Apr 2026, paid 15 Jun 2026 = 2 months', () => {
    expect(lateMonths('2026-04-15', '2026-06-15', 'started')).toBe(2)
    expect(lateMonths('2026-04-15', '2026-06-15', 'completed')).toBe(2)
  })

  it('counts a started month under the default rule, not under "completed"', () => {
    expect(lateMonths('2026-04-15', '2026-06-16', 'started')).toBe(3)
    expect(lateMonths('2026-04-15', '2026-06-16', 'completed')).toBe(2)
    expect(lateMonths('2026-04-15', '2026-04-16', 'started')).toBe(1)
    expect(lateMonths('2026-04-15', '2026-04-16', 'completed')).toBe(0)
  })

  it('is 0 on or before the due date', () => {
    expect(lateMonths('2026-04-15', '2026-04-15', 'started')).toBe(0)
    expect(lateMonths('2026-04-15', '2026-03-01', 'started')).toBe(0)
  })

  it('clamps month ends and crosses years', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28')
    expect(lateMonths('2026-01-31', '2026-02-28', 'started')).toBe(1)
    expect(lateMonths('2025-12-15', '2026-12-15', 'started')).toBe(12)
  })
})
