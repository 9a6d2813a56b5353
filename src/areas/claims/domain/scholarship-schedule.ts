import type { LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import type { ScholarshipResult } from '../../programmes/domain/benefit-types.js'
import { BAND_OF } from '../../programmes/domain/scholarship.js'
import { SCHOOL_BANDS, type Scholarship, type SchoolBand, type SchoolLevel } from '../../programmes/domain/types.js'

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
 * each later year is scheduled when the one before is paid (`nextScholarshipYear`). Nothing when not eligible.
 */
export function scholarshipSchedule(s: ScholarshipResult | null, approvedOn: LocalDate): ScheduledScholarship[] {
  if (!s || !s.eligible) return []
  const schoolYear = schoolYearOf(approvedOn)
  return s.perYear.map((y) => ({ child: y.child, level: y.level, schoolYear, amountIdr: y.amountIdr }))
}

/**
 * Why a child's scholarship stops before its school bands run out (regulations.md §3.2, C2: it ends when the child
 * reaches 23, marries or works; and it is claimed only while the child is at school).
 */
export const SCHOLARSHIP_END_REASONS = ['usia_23', 'menikah', 'bekerja', 'tidak_sekolah', 'meninggal'] as const
export type ScholarshipEndReason = (typeof SCHOLARSHIP_END_REASONS)[number]

/**
 * Whether a child born on `birthDate` is still younger than `maxAge` on the first day (1 July) of `schoolYear`: the
 * scholarship ends when the child reaches the age (regulations.md §3.2, `benefits.scholarship_max_child_age`).
 */
export function youngerThanOnSchoolYearStart(birthDate: LocalDate, maxAge: number, schoolYear: string): boolean {
  const start = `${schoolYear.slice(0, 4)}-07-01`
  const birthday = `${Number(birthDate.slice(0, 4)) + maxAge}${birthDate.slice(4)}`
  return start < birthday
}

/** `2025/2026` → `2026/2027`. */
export function followingSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) + 1
  return `${start}/${start + 1}`
}

/** A school year of one child: paid, or the one being paid. */
interface ChildYear {
  schoolYear: string
  level: SchoolLevel
}

const FIRST_LEVEL: Readonly<Record<SchoolBand, SchoolLevel>> = { tk_sd: 'sd', smp: 'smp', sma: 'sma', pt: 'pt' }

function yearsUsed(paid: readonly ChildYear[], band: SchoolBand, except?: string): number {
  return paid.filter((y) => BAND_OF[y.level] === band && y.schoolYear !== except).length
}

/**
 * The amount of one child's school year at `level` (PP 82/2019 Lampiran III: per band, per year, for at most the
 * band's years); refused when the band's years are already paid (`out_of_range`), and for a scholarship paid once
 * (before PP 82/2019) which has no years.
 */
export function scholarshipYearAmount(s: Scholarship, paid: readonly ChildYear[], year: ChildYear): number {
  if (s.kind !== 'yearly') throw new DomainError('invalid_state', 'this scholarship is paid once (before PP 82/2019): it has no school years', { field: 'schoolYear' })
  const band = BAND_OF[year.level]
  const used = yearsUsed(paid, band, year.schoolYear)
  if (used >= s.levels[band].maxYears) {
    throw new DomainError('out_of_range', `the ${band} band gives at most ${s.levels[band].maxYears} years; ${used} are paid for this child`, { field: 'level' })
  }
  return s.levels[band].perYearIdr
}

/**
 * The child's next school year after `paid` (its years so far, the one just paid included), so staff need no new
 * claim each year: the same level while its band has years left, else the first level of the next band; none once
 * the last band (perguruan tinggi) is used up, and none for a one-time scholarship. The school certificate of that
 * year may still change the level when it is paid; a child who leaves school, marries, works or turns 23 is ended.
 */
export function nextScholarshipYear(
  s: Scholarship, child: number, paid: readonly ChildYear[], last: ChildYear, age?: { birthDate: LocalDate | null; maxAge: number },
): ScheduledScholarship | null {
  if (s.kind !== 'yearly') return null
  if (age?.birthDate && !youngerThanOnSchoolYearStart(age.birthDate, age.maxAge, followingSchoolYear(last.schoolYear))) return null
  let band = BAND_OF[last.level]
  let level = last.level
  while (yearsUsed(paid, band) >= s.levels[band].maxYears) {
    const next = SCHOOL_BANDS[SCHOOL_BANDS.indexOf(band) + 1]
    if (!next) return null
    band = next
    level = FIRST_LEVEL[next]
  }
  return { child, level, schoolYear: followingSchoolYear(last.schoolYear), amountIdr: s.levels[band].perYearIdr }
}
