import { describe, expect, it } from 'vitest'
import { contributionDueDate, dueKindOf, monthSchedule } from './due-dates.js'
import { CALENDAR_2026, DUE_RULES } from './fixtures.test-support.js'

const on = (month: string, kind: Parameters<typeof contributionDueDate>[1]) => contributionDueDate(month, kind, DUE_RULES, CALENDAR_2026).date

describe('due dates per due', () => {
  it('BPU JKK/JKM by the 15th of the contribution month itself', () => {
    expect(on('2026-04', 'bpu_jkk_jkm')).toBe('2026-04-15')
  })

  it('BPU JHT and employer lines by the 15th of the next month', () => {
    expect(on('2026-03', 'bpu_jht')).toBe('2026-04-15')
    expect(on('2026-03', 'employer')).toBe('2026-04-15') // E1
  })

  it('moves past a Sunday, cuti bersama and a holiday in a row', () => {
    expect(on('2026-02', 'bpu_jkk_jkm')).toBe('2026-02-18') // Sun 15, cuti bersama 16, Imlek 17
    expect(on('2026-03', 'bpu_jkk_jkm')).toBe('2026-03-16') // Sunday
  })

  it('moves past a cuti bersama on a weekday', () => {
    expect(on('2026-05', 'bpu_jkk_jkm')).toBe('2026-05-18') // Fri 15 May 2026 is cuti bersama Kenaikan
    expect(on('2026-04', 'employer')).toBe('2026-05-18')
  })

  it('picks the kind from the scheme and programme', () => {
    expect(dueKindOf('bpu', 'JKM')).toBe('bpu_jkk_jkm')
    expect(dueKindOf('bpu', 'jht')).toBe('bpu_jht')
    expect(dueKindOf('employer', 'JP')).toBe('employer')
    expect(() => dueKindOf('bpu', 'JP')).toThrow(/not open to BPU/)
  })

  it('a schedule gives the earliest deadline of the month and its amount', () => {
    const s = monthSchedule(['bpu_jht', 'bpu_jkk_jkm'], DUE_RULES, CALENDAR_2026, (m) => (m >= '2026-04' ? 28_400 : 36_800))
    expect(s.dueDate('2026-05')).toBe('2026-05-18')
    expect(s.amountIdr('2026-05')).toBe(28_400)
  })
})
