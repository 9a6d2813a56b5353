import type { LocalDate } from '../../../kernel/dates.js'
import type { Evidence } from './periods.js'
import type { SchoolLevel } from './types.js'

export interface BenefitLine {
  item: string
  amountIdr: number
  citation: string
  evidence: Evidence
  [extra: string]: unknown
}

export interface ScholarshipYear {
  child: number
  level: SchoolLevel
  amountIdr: number
}

export interface ScholarshipResult {
  eligible: boolean
  reason: string
  perYear: ScholarshipYear[]
  firstYearIdr: number
  /** The regulation's cap for the children given (87,000,000 each; 174,000,000 for two). */
  maxIdr: number
  /** The most still payable from each child's current school band up. */
  maxFromCurrentLevelsIdr: number
  citation: string
  evidence: Evidence
}

export interface Benefit {
  benefit: 'jkm' | 'jkk-death' | 'jkp'
  date: LocalDate
  lines: BenefitLine[]
  totalIdr: number
  notes: { code: string; message: string }[]
  [extra: string]: unknown
}
