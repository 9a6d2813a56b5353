/** Shapes of the regulation data once read, and of quote inputs and outputs. */
import type { Evidence } from './periods.js'

export const SEGMENTS = ['pu', 'bpu', 'pmi', 'jakon', 'non_asn', 'pemilu'] as const
export type Segment = (typeof SEGMENTS)[number]

export const PROGRAMMES = ['jkk', 'jkm', 'jht', 'jp'] as const
export type Programme = (typeof PROGRAMMES)[number]

export const SCALES = ['micro', 'small', 'medium', 'large'] as const
export type Scale = (typeof SCALES)[number]

export const SECTORS = ['transport', 'other'] as const
export type Sector = (typeof SECTORS)[number]

/** Who pays a BPU due (DESIGN.md §7): the participant, a pemda programme (APBD), the APBN, or a sponsor. */
export const BPU_PAYERS = ['self', 'pemda', 'apbn', 'sponsor'] as const
export type BpuPayer = (typeof BPU_PAYERS)[number]

export type RiskGroup = 1 | 2 | 3 | 4 | 5
/** Rates by risk group, index 1..5 (index 0 unused). */
export type RateByRiskGroup = readonly number[]

export interface SplitRate {
  readonly employer: number
  readonly worker: number
}

export interface IncomeLevel {
  readonly level: number
  readonly fromIdr: number
  readonly baseIdr: number
  readonly evidence?: Evidence
}

export interface DiscountWindow {
  readonly factorppm: number
  readonly excludedPayers: readonly BpuPayer[]
}

export interface DueRule {
  readonly monthOffset: number
  readonly day: number
}

export const PMI_CONTRACT_MONTHS = [6, 12, 24] as const
export type PmiContractMonths = (typeof PMI_CONTRACT_MONTHS)[number]
export const PMI_VIA = ['placement', 'individual'] as const
export type PmiVia = (typeof PMI_VIA)[number]
/** null = not known for that period. */
export type ByContract = Readonly<Record<PmiContractMonths, number | null>>

export interface PmiPackages {
  readonly prePlacementIdr: number | null
  readonly placementIdr: ByContract | null
  readonly individualIdr: ByContract | null
  readonly extraMonthIdr: number | null
  readonly protectionMonths: ByContract
}

export interface ContractBracket {
  readonly upToIdr: number | null
  readonly jkkppm: number
  readonly jkmppm: number
}

export interface StateWorkerBasis {
  readonly programmes: readonly Programme[]
  readonly jkkRiskGroup: RiskGroup
  readonly jkmRateppm: number
}

export interface JkmCash {
  readonly lumpSumIdr: number
  readonly periodicIdr: number
  readonly funeralIdr: number
}

export const SCHOOL_LEVELS = ['tk', 'sd', 'smp', 'sma', 'pt'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]
/** PP 82/2019 Lampiran III bands: TK and SD share one band. */
export const SCHOOL_BANDS = ['tk_sd', 'smp', 'sma', 'pt'] as const
export type SchoolBand = (typeof SCHOOL_BANDS)[number]

export type Scholarship =
  | {
      readonly kind: 'one_time'
      readonly amountIdr: number
      readonly jkmMinContributionMonths: number
      readonly jkkMinContributionMonths: number | null
      readonly maxChildren: number
    }
  | {
      readonly kind: 'yearly'
      readonly jkmMinContributionMonths: number
      readonly jkkMinContributionMonths: number | null
      readonly maxChildren: number
      readonly levels: Readonly<Record<SchoolBand, { readonly perYearIdr: number; readonly maxYears: number }>>
    }

export interface JkkDeath {
  readonly wageMultiple: number
  readonly periodicIdr: number
  readonly funeralIdr: number
}

export interface JkpCash {
  readonly wageCapIdr: number
  readonly tranches: readonly { readonly months: number; readonly rateppm: number }[]
  readonly minContributionMonths: number
  readonly withinMonths: number
  readonly minConsecutiveMonths: number
  readonly claimWithinMonths: number
}

export type LateMonthCounting = 'started' | 'completed'
