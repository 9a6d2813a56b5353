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
  maxIdr: number
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
