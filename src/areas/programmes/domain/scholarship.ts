import { DomainError } from '../../../kernel/errors.js'
import type { LocalDate } from '../../../kernel/dates.js'
import type { ScholarshipResult } from './benefit-types.js'
import { unknownFigure } from './periods.js'
import type { RegulationSet } from './regulation-set.js'
import { SCHOOL_BANDS, type SchoolBand, type SchoolLevel } from './types.js'

/** The Lampiran III band of a school level (TK and SD share one). */
export const BAND_OF: Readonly<Record<SchoolLevel, SchoolBand>> = { tk: 'tk_sd', sd: 'tk_sd', smp: 'smp', sma: 'sma', pt: 'pt' }

/**
 * Scholarship for the children given (their current school level). `maxIdr` is the regulation's cap for those
 * children: 87,000,000 per child (every band at its maximum years), 174,000,000 for two (regulations.md §3.2, E11);
 * without children given, the cap for `maxChildren`. `maxFromCurrentLevelsIdr` is the most still payable from each
 * child's current band up (a child in SMA: 9,000,000 + 60,000,000).
 */
export function scholarshipFor(
  regs: RegulationSet, date: LocalDate, programme: 'jkm' | 'jkk', contributionMonths: number, children: readonly SchoolLevel[],
  blockedReason?: string,
): ScholarshipResult {
  const param = regs.benefits.scholarship
  const period = param.require(date)
  const s = period.value
  if (children.length > s.maxChildren) {
    throw new DomainError('out_of_range', `children: the scholarship covers at most ${s.maxChildren} children (${period.citation}), got ${children.length}`, { field: 'children' })
  }
  const min = programme === 'jkm' ? s.jkmMinContributionMonths : s.jkkMinContributionMonths
  if (min === null) throw unknownFigure(param, date, period, `${programme}_min_contribution_months`)
  const base = { perYear: [], firstYearIdr: 0, maxIdr: 0, maxFromCurrentLevelsIdr: 0, citation: period.citation, evidence: period.evidence }
  if (blockedReason) return { eligible: false, reason: blockedReason, ...base }
  if (contributionMonths < min) {
    return { eligible: false, reason: `masa iur ${contributionMonths} months is below the ${min} months required`, ...base }
  }
  const reason = min === 0 ? 'no minimum masa iur' : `masa iur ${contributionMonths} ≥ ${min} months`
  if (s.kind === 'one_time') {
    return { ...base, eligible: true, reason, firstYearIdr: s.amountIdr, maxIdr: s.amountIdr, maxFromCurrentLevelsIdr: s.amountIdr }
  }
  const fullFrom = (band: SchoolBand): number => {
    let total = 0
    for (const b of SCHOOL_BANDS.slice(SCHOOL_BANDS.indexOf(band))) total += s.levels[b].perYearIdr * s.levels[b].maxYears
    return total
  }
  const perYear = children.map((level, i) => ({ child: i + 1, level, amountIdr: s.levels[BAND_OF[level]].perYearIdr }))
  const perChildCap = fullFrom('tk_sd')
  const maxIdr = (children.length === 0 ? s.maxChildren : children.length) * perChildCap
  const maxFromCurrentLevelsIdr = children.length === 0 ? maxIdr : children.reduce((t, l) => t + fullFrom(BAND_OF[l]), 0)
  return { ...base, eligible: true, reason, perYear, firstYearIdr: perYear.reduce((t, y) => t + y.amountIdr, 0), maxIdr, maxFromCurrentLevelsIdr }
}
