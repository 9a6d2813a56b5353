import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'
import type { Evidence, Period } from './periods.js'
import type { BpuPayer, PmiContractMonths, PmiVia, Programme, RiskGroup, Scale, Sector } from './types.js'

export type PuQuoteInput = {
  segment: 'pu'
  month: Month
  wageIdr: number
  riskGroup: RiskGroup
  scale: Scale
  paidOn?: LocalDate
  /** PP 7/2025 JKK relief, only when asked for (the employer asserts it qualifies). */
  pp72025?: boolean
  /** The worker is a JKP participant (default true): JKP government share and recomposition are shown. */
  jkp?: boolean
}

export type BpuQuoteInput = {
  segment: 'bpu'
  month: Month
  incomeIdr: number
  programmes: readonly Programme[]
  /** Needed only when a sector-dependent rule (PP 50/2025) applies to the month. */
  sector?: Sector
  payer: BpuPayer
  /** Payment date: late fines per the (flagged) BPU fine rate, none by default. */
  paidOn?: LocalDate
}

export type PmiQuoteInput = {
  segment: 'pmi'
  month: Month
  /** The date the package is bought; default the first day of the month. */
  date?: LocalDate
  contractMonths: PmiContractMonths
  via: PmiVia
  extraMonths?: number
}

export type JakonQuoteInput = {
  segment: 'jakon'
  month: Month
  contractValueIdr?: number
  wageIdr?: number
}

export type StateWorkerQuoteInput = {
  segment: 'non_asn' | 'pemilu'
  month: Month
  honorariumIdr: number
  riskGroup?: RiskGroup
}

export type QuoteInput = PuQuoteInput | BpuQuoteInput | PmiQuoteInput | JakonQuoteInput | StateWorkerQuoteInput

export type LineProgramme = Programme | 'jkk_jkm' | 'denda'

export interface QuoteLine {
  programme: LineProgramme
  payer: string
  baseIdr: number
  /** null for a line computed from marginal brackets (see `brackets`). */
  rateppm: number | null
  amountIdr: number
  citation: string
  evidence: Evidence
  [extra: string]: unknown
}

export interface NotBilledLine {
  programme: string
  payer: string
  kind: 'government_share' | 'deferred'
  baseIdr: number
  rateppm: number
  amountIdr: number
  citation: string
  evidence: Evidence
  [extra: string]: unknown
}

/** A re-allocation inside a billed line (JKK/JKM recomposition to JKP): not an extra charge. */
export interface Allocation {
  from: Programme
  to: 'jkp'
  baseIdr: number
  rateppm: number
  amountIdr: number
  citation: string
  evidence: Evidence
  [extra: string]: unknown
}

export type QuoteNote = {
  code: string
  message: string
}

export interface Quote {
  month: Month
  segment: QuoteInput['segment']
  lines: QuoteLine[]
  billedIdr: number
  notBilled: NotBilledLine[]
  allocations: Allocation[]
  dueDates: Record<string, LocalDate>
  notes: QuoteNote[]
  [extra: string]: unknown
}

export function cite(p: Period<unknown>): { citation: string; evidence: Evidence } {
  return { citation: p.citation, evidence: p.evidence }
}

export function sumLines(lines: readonly { amountIdr: number }[]): number {
  let total = 0
  for (const l of lines) total += l.amountIdr
  return total
}
