import { account, type Programme } from '../accounts.js'
import { move } from '../entries.js'
import { assertPositiveIdr, type TransferDraft } from './draft.js'

/**
 * A claim step paid a benefit (the claims area's pay, release and scholarship-year steps): the risk programme's
 * benefit expense (JKK, JKM, JKP) or, for a JHT payout, the workers' fund it is owed from, against what the claim
 * now owes its claimant until the bank reports the money sent.
 */
export function benefitPaid(input: { claimId: string; programme: Programme; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'benefit_paid', entries: move(account.benefitCharge(input.programme), account.benefitPayable(input.claimId), input.amountIdr) }
}

/**
 * The money of a paid claim leaving BPJS's bank account to the claimant (staff record the bank transfer): the claim's
 * benefit payable against the bank account it was paid from.
 */
export function benefitDisbursed(input: { claimId: string; bankCode: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'benefit_disbursed', entries: move(account.benefitPayable(input.claimId), account.bank(input.bankCode), input.amountIdr) }
}
