export { type TransferDraft } from './draft.js'
export { moneyReceived, moneyUnmatched, channelReversal, channelSettled, cashDeposited, refundApproved, refundPaid } from './money.js'
export { dueRaised, dueRerated, allocation, creditHeld, writeOff, type DueLine } from './dues.js'
export { invoiceRaised, invoicePaid, fineRaised, type Payer } from './invoices.js'
