import { describe, expect, it } from 'vitest'
import type { Scholarship } from '../programmes/domain/types.js'
import { regs } from './claims.test-support.js'
import { followingSchoolYear, nextScholarshipYear, scholarshipYearAmount, schoolYearOf, youngerThanOnSchoolYearStart } from './domain/scholarship-schedule.js'

/** PP 82/2019 Lampiran III (C2): TK–SD 1,500,000 × 8 years, SMP 2,000,000 × 3, SMA 3,000,000 × 3, PT 12,000,000 × 5. */
const yearly = regs.benefits.scholarship.require('2026-01-01').value
const oneTime = regs.benefits.scholarship.require('2019-01-01').value as Scholarship
const years = (from: number, n: number, level: 'sd' | 'smp' | 'sma' | 'pt') =>
  Array.from({ length: n }, (_, i) => ({ schoolYear: `${from + i}/${from + i + 1}`, level }))

describe('later scholarship years (regulations.md §3.2: yearly by level, per band at most its years)', () => {
  it('school years run July to June', () => {
    expect([schoolYearOf('2026-06-30'), schoolYearOf('2026-07-01')]).toEqual(['2025/2026', '2026/2027'])
    expect(followingSchoolYear('2025/2026')).toBe('2026/2027')
  })

  it('schedules the same level next year while its band has years left', () => {
    const paid = years(2025, 1, 'sd')
    expect(nextScholarshipYear(yearly, 1, paid, paid[0]!)).toEqual({ child: 1, level: 'sd', schoolYear: '2026/2027', amountIdr: 1_500_000 })
    const sma = years(2025, 2, 'sma')
    expect(nextScholarshipYear(yearly, 2, sma, sma[1]!)).toEqual({ child: 2, level: 'sma', schoolYear: '2027/2028', amountIdr: 3_000_000 })
  })

  it('moves to the next band when a band is used up (SD after 8 years → SMP; SMA after 3 → PT), and stops after PT', () => {
    const sd = years(2018, 8, 'sd')
    expect(nextScholarshipYear(yearly, 1, sd, sd[7]!)).toEqual({ child: 1, level: 'smp', schoolYear: '2026/2027', amountIdr: 2_000_000 })
    const sma = years(2023, 3, 'sma')
    expect(nextScholarshipYear(yearly, 1, sma, sma[2]!)).toMatchObject({ level: 'pt', schoolYear: '2026/2027', amountIdr: 12_000_000 })
    const pt = years(2021, 5, 'pt')
    expect(nextScholarshipYear(yearly, 1, pt, pt[4]!)).toBeNull()
    expect(nextScholarshipYear(oneTime, 1, [], { schoolYear: '2018/2019', level: 'sd' })).toBeNull()
  })

  it('a year is paid at the level of its school certificate, never beyond the band\'s years', () => {
    expect(scholarshipYearAmount(yearly, years(2025, 1, 'sd'), { schoolYear: '2026/2027', level: 'smp' })).toBe(2_000_000)
    expect(() => scholarshipYearAmount(yearly, years(2023, 3, 'sma'), { schoolYear: '2026/2027', level: 'sma' })).toThrow(expect.objectContaining({ code: 'out_of_range' }))
    // the year being paid again (its own row) does not count against itself
    expect(scholarshipYearAmount(yearly, years(2024, 3, 'sma'), { schoolYear: '2026/2027', level: 'sma' })).toBe(3_000_000)
    expect(() => scholarshipYearAmount(oneTime, [], { schoolYear: '2018/2019', level: 'sd' })).toThrow(expect.objectContaining({ code: 'invalid_state' }))
  })
})

describe('the age limit of a child\'s scholarship (benefits.scholarship_max_child_age, C2)', () => {
  it('is read as data: 23', () => {
    expect(regs.benefits.scholarshipMaxChildAge.require('2026-01-01').value).toBe(23)
  })

  it('allows a school year only while the child is younger than the limit on 1 July', () => {
    expect(youngerThanOnSchoolYearStart('2004-07-02', 23, '2027/2028')).toBe(true) // 23 on 2 July 2027
    expect(youngerThanOnSchoolYearStart('2004-07-01', 23, '2027/2028')).toBe(false) // 23 that very day
    expect(youngerThanOnSchoolYearStart('2004-02-29', 23, '2026/2027')).toBe(true)
    expect(youngerThanOnSchoolYearStart('2004-02-29', 23, '2027/2028')).toBe(false)
  })

  it('schedules no next year past the limit, and without a birth date schedules as before', () => {
    const s = regs.benefits.scholarship.require('2026-01-01').value
    const last = { schoolYear: '2026/2027', level: 'pt' as const }
    expect(nextScholarshipYear(s, 1, [last], last, { birthDate: '2004-06-15', maxAge: 23 })).toBeNull()
    expect(nextScholarshipYear(s, 1, [last], last, { birthDate: '2008-03-02', maxAge: 23 })).toMatchObject({ schoolYear: '2027/2028', level: 'pt' })
    expect(nextScholarshipYear(s, 1, [last], last, { birthDate: null, maxAge: 23 })).toMatchObject({ schoolYear: '2027/2028' })
  })
})
