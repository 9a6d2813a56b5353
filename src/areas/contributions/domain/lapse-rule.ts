import type { LocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'
import { EVIDENCE_LABELS, type Evidence } from '../../programmes/domain/periods.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'

/**
 * FLAGGED (DESIGN.md §7): when unpaid months turn `menunggak` into `nonaktif`. The window and the comparison are
 * one parameter, passed to the status engine as data, never a constant in its code.
 */
export interface LapseRule {
  /** Consecutive months past due that still leave the participant protected (`menunggak`). */
  readonly windowMonths: number
  /** `more_than_window`: nonaktif once the run is longer than the window ("lebih dari 3 bulan berturut-turut"); `at_window`: once it reaches it. */
  readonly lapseWhen: 'more_than_window' | 'at_window'
  readonly citation: string
  readonly evidence: Evidence
  readonly note?: string
}

export const LAPSE_RULE: LapseRule = {
  windowMonths: 3,
  lapseWhen: 'more_than_window',
  citation: 'PP 44/2015 Pasal 39, 42',
  evidence: 'V-REG',
  note:
    'The statutes set the benefit consequence (no JKK/JKM right after more than 3 consecutive months in arrears); that membership ' +
    'itself turns non-aktif then, and that the lapsed months are not collected, is practice [S1] (star.grid.id/read/453722708; a BPJS TK ' +
    'procedures manual, regulations.md §1.4). Permenaker 5/2021 was not read.',
}

/** How many consecutive months past due make the participant `nonaktif`. */
export function lapseRunMonths(rule: LapseRule): number {
  return rule.lapseWhen === 'more_than_window' ? rule.windowMonths + 1 : rule.windowMonths
}

/** Checks a rule given as data (a flagged parameter read from a file or a test). */
export function parseLapseRule(raw: unknown): LapseRule {
  const r = (raw ?? {}) as Record<string, unknown>
  const window = r.windowMonths ?? r.window_months
  const when = r.lapseWhen ?? r.lapse_when
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 0 || window > 24) {
    throw new DomainError('invalid_input', 'lapse rule: windowMonths must be a whole number of months 0–24', { field: 'windowMonths' })
  }
  if (when !== 'more_than_window' && when !== 'at_window') {
    throw new DomainError('invalid_input', 'lapse rule: lapseWhen must be more_than_window or at_window', { field: 'lapseWhen' })
  }
  if (when === 'at_window' && window === 0) {
    throw new DomainError('invalid_input', 'lapse rule: a window of 0 months needs more_than_window', { field: 'windowMonths' })
  }
  if (typeof r.citation !== 'string' || r.citation.trim() === '') throw new DomainError('missing_field', 'lapse rule: citation is required', { field: 'citation' })
  if (!EVIDENCE_LABELS.includes(r.evidence as Evidence)) throw new DomainError('invalid_input', 'lapse rule: bad evidence label', { field: 'evidence' })
  return {
    windowMonths: window,
    lapseWhen: when,
    citation: r.citation.trim(),
    evidence: r.evidence as Evidence,
    ...(typeof r.note === 'string' ? { note: r.note } : {}),
  }
}

/** The rule in force at a date, from the dated `benefits.arrears_window_months` parameter (more than the window = no right). */
export function lapseRuleFromRegulations(regs: Pick<RegulationSet, 'benefits'>, date: LocalDate): LapseRule {
  const p = regs.benefits.arrearsWindowMonths.require(date)
  return { windowMonths: p.value, lapseWhen: 'more_than_window', citation: p.citation, evidence: p.evidence, ...(LAPSE_RULE.note ? { note: LAPSE_RULE.note } : {}) }
}
