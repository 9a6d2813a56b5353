import { DomainError } from '../../../../kernel/errors.js'
import { account, type AccountKey } from '../accounts.js'
import { move } from '../entries.js'
import { assertPositiveIdr, type TransferDraft } from './draft.js'

/** Accounts money can arrive through. */
const RECEIVING_KINDS = new Set(['channel_in_transit', 'agent_cash', 'bank'])

function assertReceiving(via: AccountKey): void {
  if (!RECEIVING_KINDS.has(via.kind)) {
    throw new DomainError('invalid_input', `money is received through a channel, an agent or a bank, not ${via.kind}`, { field: 'via' })
  }
}

/** Money paid in for a participant lands in their credit first; allocation to dues is a separate transfer. */
export function moneyReceived(input: { participantId: string; amountIdr: number; via: AccountKey }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  assertReceiving(input.via)
  return { kind: 'money_received', entries: move(input.via, account.participantCredit(input.participantId), input.amountIdr) }
}

/** Money received that matches no participant yet (kept, never lost; matched later by a transfer out of suspense). */
export function moneyUnmatched(input: { sourceId: string; amountIdr: number; via: AccountKey }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  assertReceiving(input.via)
  return { kind: 'money_received', entries: move(input.via, account.suspense(input.sourceId), input.amountIdr) }
}

/** A channel takes back money it had reported paid for a participant (the credit must still hold it). */
export function channelReversal(input: { participantId: string; channelId: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'channel_reversal', entries: move(account.participantCredit(input.participantId), account.channelInTransit(input.channelId), input.amountIdr) }
}

/** A channel settles what it collected into a BPJS bank account, less its fee. */
export function channelSettled(input: { channelId: string; bankCode: string; grossIdr: number; feeIdr: number }): TransferDraft {
  assertPositiveIdr(input.grossIdr, 'grossIdr')
  if (!Number.isSafeInteger(input.feeIdr) || input.feeIdr < 0 || input.feeIdr >= input.grossIdr) {
    throw new DomainError('invalid_input', 'feeIdr must be a whole number of rupiah from 0 to less than grossIdr', { field: 'feeIdr' })
  }
  const entries = [
    { account: account.bank(input.bankCode), amountIdr: input.grossIdr - input.feeIdr },
    ...(input.feeIdr > 0 ? [{ account: account.partnerFee(input.channelId), amountIdr: input.feeIdr }] : []),
    { account: account.channelInTransit(input.channelId), amountIdr: -input.grossIdr },
  ]
  return { kind: 'channel_settled', entries }
}

/** An agent deposits collected cash: the agent's debt to BPJS becomes money in the bank. */
export function cashDeposited(input: { agentId: string; bankCode: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'cash_deposited', entries: move(account.bank(input.bankCode), account.agentCash(input.agentId), input.amountIdr) }
}

/** A refund is approved out of the participant's credit; paying it out is `refundPaid`. */
export function refundApproved(input: { participantId: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'refund_approved', entries: move(account.participantCredit(input.participantId), account.refundPayable(input.participantId), input.amountIdr) }
}

export function refundPaid(input: { participantId: string; bankCode: string; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'refund_paid', entries: move(account.refundPayable(input.participantId), account.bank(input.bankCode), input.amountIdr) }
}
