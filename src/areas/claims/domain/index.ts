/** The claims domain: eligibility from the account at the event date, the workflow, service levels. Pure; safe for the web app. */
export * from './types.js'
export { JHT_REASONS, PHK_REASONS, JKP_EXCLUDED_REASONS, type ClaimInput, type JhtReason, type PhkReason } from './claim-input.js'
export { accountFacts } from './account-facts.js'
export { claimEligibility, claimDeadline, serviceLevelWorkingDays } from './eligibility.js'
export { CLAIM_ACTIONS, REQUIRED_DOCUMENTS, nextClaimStatus, missingDocuments, staleClaim, type ClaimAction, type ClaimTransition } from './workflow.js'
export { unpaidEventArrears, restPayable, payStep, assertEventArrearsPaid, releaseStep } from './claim-payment.js'
export { workingDaysBetween, serviceLevelOutcome } from './working-days.js'
export {
  schoolYearOf, scholarshipSchedule, followingSchoolYear, scholarshipYearAmount, nextScholarshipYear, SCHOLARSHIP_END_REASONS,
  type ScheduledScholarship, type ScholarshipEndReason,
} from './scholarship-schedule.js'
export { claimsReport, type ClaimReportRow, type ClaimBucket, type ClaimsReport } from './report.js'
