/** The employers area's pure code: NPP, new-employer checks, wages as dated rows, the laporan upah row rules. */
export { normaliseNpp, nppOrUndefined } from './npp.js'
export { validateNewEmployer, parseScale, parseRiskGroup, EMPLOYER_STATUSES, type EmployerStatus, type NewEmployer, type NewEmployerInput } from './new-employer.js'
export { mandatoryProgrammes } from './mandatory-programmes.js'
export { checkWageIdr, checkMonth, effectiveWage, decideWageRow, MAX_WAGE_IDR, type WageRow, type WageDecision } from './wages.js'
export {
  parseWageReportRow, parseReportMonth, parseReportWage, WAGE_REPORT_COLUMNS, WAGE_REPORT_REQUIRED,
  type WageReportRow, type WageReportContext, type WageReportRowParse, type WageReportField,
} from './wage-report-row.js'
export {
  draftInvoice, invoiceFines, invoiceNumber,
  type InvoiceDraft, type InvoiceLineDraft, type InvoiceProgramme, type InvoiceSide, type LineFine, type WorkerWage,
} from './invoice.js'
