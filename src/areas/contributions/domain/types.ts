/** Shapes the contributions domain reads and returns. Money in integer rupiah, dates `YYYY-MM-DD`, months `YYYY-MM`. */
import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'
import type { StatusRule } from '../../participants/domain/categories.js'
import type { MonthSchedule } from './due-dates.js'
import type { LapseRule } from './lapse-rule.js'

export const STATUSES = ['terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti'] as const
export type Status = (typeof STATUSES)[number]

/** Who pays a due (DESIGN.md §7 "Payers and discounts"). */
export const PAYERS = ['self', 'employer', 'pemda', 'apbn', 'sponsor'] as const
export type Payer = (typeof PAYERS)[number]

/** One billed due: an enrolment × programme × contribution month. */
export interface Due {
  readonly month: Month
  readonly programme: string
  readonly payer: Payer
  readonly amountIdr: number
  readonly dueDate: LocalDate
  /** The date of the payment that settled it; null while open. A date after the as-of date counts as unpaid then. */
  readonly paidOn: LocalDate | null
  /** A stored write-off: never collectable again. The engine derives write-offs from the dates itself; this only keeps it out of arrears. */
  readonly writtenOff?: boolean
}

/** PMI and construction: one payment for a protection period (DESIGN.md §7), no monthly dues. */
export interface ProtectionPeriod {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly amountIdr: number
  readonly paidOn: LocalDate | null
}

export interface Ending {
  /** The last month of membership: no due accrues after it. */
  readonly month: Month
  readonly reason: string
  /** `berhenti` from this date; default: the first day of the month after `month`. */
  readonly on?: LocalDate
}

export interface AccountInput {
  readonly rule: StatusRule
  readonly lapse: LapseRule
  /**
   * First due month when the enrolment decides it (a pemda cohort member: the later of the programme start and
   * `--from`; PU and state workers: the enrolment's start). Omit for a BPU: their first due month is the month of
   * their first payment.
   */
  readonly firstDueMonth?: Month | null
  readonly dues: readonly Due[]
  /** Due dates and amounts of months with no billed due (not billed yet, or the future). Without it only billed dues count. */
  readonly schedule?: MonthSchedule
  readonly protections?: readonly ProtectionPeriod[]
  readonly end?: Ending | null
  /** Credit held at the as-of date (from the ledger); shown in the account, used first by the next payment. */
  readonly creditIdr?: number
}

export type BenefitItem = 'jkk_medical_care' | 'jkk_cash' | 'jkm_funeral' | 'jkm_cash' | 'jkm_scholarship'

/** regulations.md §1.4: what the participant (or heirs) would get after an event at the as-of date. */
export interface BenefitConsequence {
  readonly level: 'full' | 'partial' | 'none'
  readonly payableNow: readonly BenefitItem[]
  readonly afterArrearsPaid: readonly BenefitItem[]
  readonly reason: string
  readonly citation: string
}

export interface ArrearsMonth {
  readonly month: Month
  readonly openIdr: number
}

export interface StatusChange {
  readonly date: LocalDate
  readonly status: Status
}

export interface ContributionStatus {
  readonly status: Status
  readonly asOf: LocalDate
  /** The last month paid without a gap from the start of the current spell; null when nothing is paid. */
  readonly paidThrough: Month | null
  readonly arrearsIdr: number
  /** Open months past due that a payment must settle first, oldest first (only inside the window: older ones are written off). */
  readonly arrears: readonly ArrearsMonth[]
  /** The first month after the arrears a payment may cover (the month of the payment for a lapsed participant). */
  readonly nextPayableMonth: Month | null
  /** Months written off by a lapse on or before the as-of date, with the open amount of each. */
  readonly writtenOff: readonly ArrearsMonth[]
  readonly benefit: BenefitConsequence
  /** When the status next changes if nothing is paid; null when nothing changes with time alone. */
  readonly nextChange: StatusChange | null
}

export type MonthState = 'paid' | 'open' | 'overdue' | 'written_off' | 'not_accrued'

export interface AccountMonth {
  readonly month: Month
  /** `aktif` when paid, otherwise the participant's status in that month (at its last day, or the as-of date). */
  readonly status: Status
  readonly state: MonthState
  /** What is owed for the month (0 when written off or not accrued). */
  readonly dueIdr: number
  readonly paidIdr: number
  readonly writtenOffIdr: number
}

export interface AccountView {
  readonly status: Status
  readonly paidThrough: Month | null
  readonly arrearsIdr: number
  readonly totalPaidIdr: number
  readonly creditIdr: number
  readonly nextChange: StatusChange | null
  readonly months: readonly AccountMonth[]
}
