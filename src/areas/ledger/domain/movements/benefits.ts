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
