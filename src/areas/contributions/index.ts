/** The contributions area (dues, status, allocation, billing storage). Used by others only through this file. */
export * from './domain/index.js'
export { bpuTariffRows, materialiseTariff, readTariff, type TariffRow } from './db/tariffs.js'
export {
  openBillingRun, finishBillingRun, findBillingRun, chunkUpperBound, billChunk, recordChunk, type BillingRun, type ChunkResult,
} from './db/billing.js'
export { listDues, listDuesOf, ensureDues, dueIdOf, dueIdSql, upsertPayerDues, removeOpenPayerDues, type StoredDue, type NewDue } from './db/dues.js'
export { nextReceiptNo, insertPayment, findReceipt, listPayments, markPaymentReversed, standingTotalIdr, settleDuesForPayer, type NewPayment, type ReceiptView, type PayerSettlement, type PaymentListItem } from './db/payments.js'
export { saveContributionState, saveContributionStates, statusWithSince, syncStateRegency, markContributionStateEnded } from './db/states.js'
export { refreshContributionState, refreshContributionStates } from './db/refresh-state.js'
export { listProtectionPeriods, insertProtectionPeriod, type ProtectionPeriodRecord, type ProtectionDueLine } from './db/protections.js'
export { loadAccountInput, loadAccountRows, loadPayerAccount, type PayerKey, monthlyContributionIdr, accountInputOf, protectionsOf, endOfLocalDay, type ParticipantContributions, type TariffLine } from './db/account-input.js'
export { listWorklist, type WorklistFilter, type WorklistRecord } from './db/worklists.js'
export { tariffMonthsFrom, refreshTariffRows, staleDues, dueChunkUpperBound, setDueAmounts, type StaleDue } from './db/rerate.js'
export { statesDueForChange, writtenOffDueIds, paymentsReceivedSince, type DueState, type ReceivedPayment } from './db/state-refresh.js'
export { receiptPdfFile } from './http/receipt-file.js'
