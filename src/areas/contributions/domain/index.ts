/** The contributions domain: due dates, the status engine, the account view and payment allocation. Pure; safe for the web app. */
export * from './types.js'
export { LAPSE_RULE, lapseRunMonths, parseLapseRule, lapseRuleFromRegulations, type LapseRule } from './lapse-rule.js'
export { contributionDueDate, dueKindOf, monthSchedule, type DueKind, type MonthSchedule } from './due-dates.js'
export { contributionStatus } from './status-engine.js'
export { accountView } from './account-view.js'
export { benefitConsequence } from './benefit-consequence.js'
export {
  allocatePayment, MAX_MONTHS_PER_PAYMENT,
  type AllocationInput, type Allocation, type AllocatedMonth, type PayableDue,
} from './allocate-payment.js'
