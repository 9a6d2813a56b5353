/**
 * The employers area (PU companies): NPP, business scale and JKK risk group, workers and their wages as dated rows,
 * the laporan upah rules. Used by others only through this file.
 */
export * from './domain/index.js'
export {
  findEmployerById, findEmployersByNpp, searchEmployers, type EmployerRecord, type EmployerSearch,
} from './db/employers.js'
export { storeWages, listWages, type WageInput, type StoredWage, type WageHistoryRow, type ReportedVia } from './db/wages.js'
export { linkWorkers, listWorkers, participantsByNik, type WorkerLink, type WorkerRecord, type RegisteredPerson } from './db/workers.js'
export { registerEmployer, currentMonthIn, programmesNow, type RegisterEmployerCommand, type RegisteredEmployer } from './use-cases/register-employer.js'
export { recordWage, loadEmployer, DEFAULT_CORRECTION_REASON, type RecordWageCommand, type RecordedWage } from './use-cases/record-wage.js'
export { assertEmployerAccess } from './policy.js'
export {
  workerWagesInMonth, insertInvoice, findInvoice, listInvoiceLines, findInvoicePayment, insertInvoicePayment, listEmployerInvoices,
  workerInvoiceLines, type StoredInvoice, type StoredInvoiceLine, type StoredInvoicePayment, type InvoiceWithPayment, type WorkerInvoiceLine,
} from './db/invoices.js'
