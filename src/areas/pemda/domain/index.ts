/** The pemda area's pure rules: what the web app and other areas' domain code may import. */
export { parseProgramme, parseIdr, groupCategory, regionCovers, invoiceNumber, type ProgrammeSpec, type ProgrammeGroup, type ProgrammeInput, type GroupCategory } from './programme.js'
export {
  decideCohortRows, firstDueMonth, memberMonthsThrough, emptyCohortCounts,
  type CohortProgramme, type CohortRow, type CohortDecision, type CohortIssue, type CohortVerdict, type CohortCounts,
} from './cohort.js'
export { chargeTable, draftInvoice, sameItems, type ChargeOf, type MemberCharge, type MemberMonth, type InvoiceDraft, type InvoiceLineDraft } from './invoice.js'
export { budgetView, type BudgetInput, type BudgetView } from './budget.js'
export { scorecard, type Scorecard, type ScorecardInput, type Criterion, type CriterionCode, type SourcedFigure } from './scorecard.js'
export { coveredMemberMonths, type BilledMemberMonth } from './partial-payment.js'
