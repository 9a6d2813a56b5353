import type { LocalDate } from '../kernel/dates.js'
import type { Sql } from '../platform/db/sql.js'
import { accountFacts, claimEligibility, unpaidEventArrears, type ClaimInput, type Eligibility } from '../areas/claims/index.js'
import { accountView, loadAccountInput } from '../areas/contributions/index.js'
import type { ParticipantRecord } from '../areas/participants/index.js'
import { loadRegulationSet } from '../areas/programmes/index.js'

/** The claim's own inputs (everything but the account facts, which come from storage). */
export type ClaimDetails = Omit<ClaimInput, 'kind' | 'eventDate' | 'filedOn' | 'rule' | 'facts'>

/**
 * Eligibility of a claim from the participant's stored account as of the event date (issue 11 item 3). The wage
 * defaults to the enrolment's wage or declared income when the clerk gives none.
 */
export async function eligibilityOf(
  sql: Sql, p: ParticipantRecord, claim: { kind: ClaimInput['kind']; eventDate: LocalDate; filedOn: LocalDate; details: ClaimDetails },
): Promise<Eligibility> {
  const regs = loadRegulationSet()
  const { input, enrolment } = await loadAccountInput(sql, p, claim.eventDate)
  const view = accountView(input, claim.eventDate)
  // masa iur counts months up to the event: months paid ahead of it (listed on the statement) are not yet served
  const eventMonth = claim.eventDate.slice(0, 7)
  const facts = accountFacts({ ...view, months: view.months.filter((m) => m.month <= eventMonth) }, regs.benefits.arrearsWindowMonths.value(claim.eventDate))
  const wageIdr = claim.details.wageIdr ?? enrolment?.wageIdr ?? enrolment?.declaredIncomeIdr ?? enrolment?.incomeBaseIdr ?? null
  return claimEligibility({ ...claim.details, wageIdr, kind: claim.kind, eventDate: claim.eventDate, filedOn: claim.filedOn, rule: input.rule, facts }, regs)
}

/** The months overdue at the event date still unpaid at `today` (the rest of a JKM/JKK claim waits for them). */
export async function unpaidArrearsOf(sql: Sql, p: ParticipantRecord, eligibility: Eligibility, today: LocalDate): Promise<string[]> {
  const months = eligibility.facts.overdueMonths
  if (months.length === 0) return []
  const { input } = await loadAccountInput(sql, p, today)
  return unpaidEventArrears(months, accountView(input, today).months.filter((m) => m.state === 'paid').map((m) => m.month))
}
