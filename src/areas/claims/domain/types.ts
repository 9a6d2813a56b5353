/** Shapes of the claims register (issue 11 items 3–4). Money in integer rupiah, dates `YYYY-MM-DD`. */
import type { LocalDate } from '../../../kernel/dates.js'
import type { Status } from '../../contributions/domain/types.js'
import type { Evidence } from '../../programmes/domain/periods.js'
import type { ScholarshipResult } from '../../programmes/domain/benefit-types.js'

/** What a claim is for (regulations.md §3): JKK is split by benefit, the scholarship is its own claim. */
export const CLAIM_KINDS = ['jkm', 'jkk_medical', 'jkk_stmb', 'jkk_disability', 'jkk_death', 'beasiswa', 'jkp', 'jht'] as const
export type ClaimKind = (typeof CLAIM_KINDS)[number]

/** The programme a claim is paid from (reporting, service levels). */
export type ClaimProgramme = 'JKM' | 'JKK' | 'JKP' | 'JHT'

export function programmeOf(kind: ClaimKind, scholarshipBasis?: 'jkm' | 'jkk' | null): ClaimProgramme {
  if (kind === 'jkm') return 'JKM'
  if (kind === 'beasiswa') return scholarshipBasis === 'jkk' ? 'JKK' : 'JKM'
  if (kind === 'jkp') return 'JKP'
  if (kind === 'jht') return 'JHT'
  return 'JKK'
}

export const CLAIMANT_RELATIONS = ['peserta', 'suami_istri', 'anak', 'orang_tua', 'saudara', 'pemberi_kerja', 'lainnya'] as const
export type ClaimantRelation = (typeof CLAIMANT_RELATIONS)[number]

export const CLAIM_STATUSES = ['submitted', 'verified', 'approved', 'paid', 'rejected'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export type Payable = 'now' | 'after_arrears_paid'

export interface EligibilityLine {
  item: string
  amountIdr: number
  payable: Payable
  citation: string
  evidence: Evidence
}

/** What the participant's account said at the event date (the facts the rules read). */
export interface AccountFacts {
  status: Status
  /** Masa iur: months paid up to the event date. */
  contributionMonths: number
  /** Months paid without a gap from the first due month (the BPU full-JKM rule). */
  consecutivePaidFromStart: number
  /** Consecutive months past due unpaid at the event date; above the window when the status is nonaktif. */
  arrearsMonths: number
  /** The months paid, oldest first (JKP's 12-in-24 rule). */
  paidMonths: readonly string[]
  /** The months overdue at the event date: the arrears the heirs must pay before the rest is paid. */
  overdueMonths: readonly string[]
}

export interface Eligibility {
  kind: ClaimKind
  eventDate: LocalDate
  decision: 'eligible' | 'partial' | 'not_eligible'
  lines: EligibilityLine[]
  payNowIdr: number
  afterArrearsIdr: number
  /** Yearly scholarship (scheduled per child and school year), when the claim carries one. */
  scholarship: ScholarshipResult | null
  reasons: { code: string; message: string }[]
  facts: AccountFacts
  /** The last day a claim may be filed; null when regulations.md gives no deadline. */
  deadline: LocalDate | null
  /** Working days BPJS has to pay a complete claim (regulations.md §3.3, §3.4); null when none is given. */
  serviceLevelWorkingDays: number | null
  citations: string[]
}
