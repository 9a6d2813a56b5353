import type { LocalDate } from '../../../kernel/dates.js'
import type { ScholarshipResult } from '../../programmes/domain/benefit-types.js'
import type { SchoolLevel } from '../../programmes/domain/types.js'

export interface ScheduledScholarship {
  child: number
  level: SchoolLevel
  /** `2026/2027`: the Indonesian school year starts in July. */
  schoolYear: string
  amountIdr: number
}

/** The school year a date falls in (July–June). */
export function schoolYearOf(date: LocalDate): string {
  const y = Number(date.slice(0, 4))
  const start = Number(date.slice(5, 7)) >= 7 ? y : y - 1
  return `${start}/${start + 1}`
}

/**
 * One row per child for the school year of the approval (the scholarship is claimed yearly: regulations.md §3.2);
 * later years are added as each year is claimed. Nothing when the scholarship is not eligible.
 */
export function scholarshipSchedule(s: ScholarshipResult | null, approvedOn: LocalDate): ScheduledScholarship[] {
  if (!s || !s.eligible) return []
  const schoolYear = schoolYearOf(approvedOn)
  return s.perYear.map((y) => ({ child: y.child, level: y.level, schoolYear, amountIdr: y.amountIdr }))
}
