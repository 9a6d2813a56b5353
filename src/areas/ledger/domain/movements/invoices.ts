import { account, type AccountKey, type PayerKind, type Programme } from '../accounts.js'
import { move } from '../entries.js'
import { assertPositiveIdr, assertSomeLines, totalIdr, type TransferDraft } from './draft.js'

export interface Payer {
  kind: PayerKind
  id: string
}

/** An invoice takes the billed dues of its participants over: the payer now owes them. */
export function invoiceRaised(input: { payer: Payer; lines: readonly { participantId: string; dueId: string; amountIdr: number }[] }): TransferDraft {
  assertSomeLines(input.lines)
  input.lines.forEach((line, index) => assertPositiveIdr(line.amountIdr, `lines.${index}.amountIdr`))
  return {
    kind: 'invoice_raised',
    entries: [
      { account: account.payerReceivable(input.payer.kind, input.payer.id), amountIdr: totalIdr(input.lines) },
      ...input.lines.map((line) => ({ account: account.receivable(line.participantId), amountIdr: -line.amountIdr, dueId: line.dueId })),
    ],
  }
}

/** The payer pays (all or part of) what it was invoiced. */
export function invoicePaid(input: { payer: Payer; amountIdr: number; via: AccountKey }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'invoice_paid', entries: move(input.via, account.payerReceivable(input.payer.kind, input.payer.id), input.amountIdr) }
}

/** A PU late-payment fine, borne by the employer (regulations.md §2.5: PP 44/2015 Pasal 22, PP 46/2015 Pasal 20). */
export function fineRaised(input: { payer: Payer; programme: Programme; amountIdr: number }): TransferDraft {
  assertPositiveIdr(input.amountIdr, 'amountIdr')
  return { kind: 'fine_raised', entries: move(account.payerReceivable(input.payer.kind, input.payer.id), account.fineIncome(input.programme), input.amountIdr) }
}
