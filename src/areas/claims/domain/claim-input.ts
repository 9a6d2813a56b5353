import type { LocalDate } from '../../../kernel/dates.js'
import type { StatusRule } from '../../participants/domain/categories.js'
import type { SchoolLevel } from '../../programmes/domain/types.js'
import type { AccountFacts, ClaimKind } from './types.js'

export const JHT_REASONS = ['usia_pensiun', 'cacat_total', 'meninggal', 'berhenti_bekerja', 'sebagian_perumahan', 'sebagian_lainnya'] as const
export type JhtReason = (typeof JHT_REASONS)[number]

/** PHK reasons that give no JKP (PP 37/2021 Pasal 20(1), unchanged by PP 6/2025). */
export const PHK_REASONS = ['phk', 'kontrak_berakhir_dini', 'perusahaan_tutup', 'mengundurkan_diri', 'cacat_total', 'pensiun', 'meninggal'] as const
export type PhkReason = (typeof PHK_REASONS)[number]
export const JKP_EXCLUDED_REASONS: readonly PhkReason[] = ['mengundurkan_diri', 'cacat_total', 'pensiun', 'meninggal']

/** Everything the eligibility rules read: the claim's details and the account facts at the event date. */
export interface ClaimInput {
  kind: ClaimKind
  eventDate: LocalDate
  filedOn: LocalDate
  rule: StatusRule
  facts: AccountFacts
  /** Wage at the event (JKK cash, JKP); for a BPU the declared income. */
  wageIdr?: number | null
  children?: readonly SchoolLevel[]
  /** The children's birth dates, in the order of `children` (when known): a school year is scheduled only before 23. */
  childBirthDates?: readonly LocalDate[]
  /** jkk_medical: the medical cost claimed (care "as medically needed", no ceiling: PP 82/2019 Pasal 25(2)a). */
  medicalCostIdr?: number | null
  /** jkk_stmb: months of temporary incapacity. */
  stmbMonths?: number | null
  /** jkk_disability: 1,000,000 ppm = total permanent; less = the table % of a partial disability. */
  disabilityppm?: number | null
  /** beasiswa: the death (or disability) the scholarship follows from. */
  scholarshipBasis?: 'jkm' | 'jkk' | null
  phkReason?: PhkReason | null
  jhtReason?: JhtReason | null
  /** jht: the balance of the JHT account (contributions + returns) as BPJS's JHT system states it. */
  jhtBalanceIdr?: number | null
}
