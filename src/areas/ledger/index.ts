/**
 * The ledger area: double-entry, insert-only bookkeeping in integer rupiah (DESIGN.md §3). Flows post through
 * postTransfer inside their own transaction, with entries built by the pure movements (moneyReceived, allocation,
 * dueRaised, ...). Used by others only through this file.
 */
export * from './domain/index.js'
export { postTransfer, postTransfers, MAX_TRANSFERS_PER_CALL, type PostTransferInput, type PostedTransfer, type TransferRefs } from './db/post-transfers.js'
export { postTransfersFromSelect, type TransfersFromSelect, type TransfersFromSelectResult } from './db/post-transfers-from-select.js'
export { reverseTransfer, type ReverseTransferInput } from './db/reverse-transfer.js'
export { findTransfer, transferIdsOfPayment, type StoredTransfer } from './db/transfers.js'
export { accountBalance, accountBalanceSql, accountEntriesJsonSql, balancesOfKind, dueBalances, type AccountBalance, type AsOf } from './db/balances.js'
export { participantStatement, PARTICIPANT_ACCOUNT_KINDS, type ParticipantStatement, type StatementLine } from './db/statement.js'
export { trialBalance, type TrialBalance } from './db/trial-balance.js'
