/**
 * The pemda area (issue 8): regional-government programmes, their cohorts and members, monthly invoices with their
 * revisions and payments, budgets and the scorecard. Used by others only through this file.
 */
export * from './domain/index.js'
export {
  insertProgramme, findProgramme, listProgrammes, memberCounts, groupsOfMembers, insertMembers, listBillableMembers, findMember, endMember,
  memberStatusCounts, lapsingMembers, invoiceMemberList, programmeArrears, membersOfImport, payerMembers, membersPerProgramme, type ProgrammeRecord, type MemberRecord, type NewMember, type LapsingMember, type MemberListRow,
} from './db/programmes.js'
export {
  findPemdaInvoice, listPemdaInvoices, listPemdaInvoiceLines, listInvoiceItems, billedElsewhere, insertPemdaInvoice, revisePemdaInvoice, listRevisions,
  findPemdaInvoicePayment, insertPemdaInvoicePayment, invoicedByMonth,
  type StoredPemdaInvoice, type StoredPemdaInvoiceLine, type StoredInvoiceItem, type PemdaInvoicePayment, type InvoiceWrite,
} from './db/invoices.js'
export { ensureDemoProgrammes, enrolDemoMembers, type DemoProgramme } from './db/demo-programmes.js'
export { raiseInvoiceInLedger, DUES_PER_RAISED_TRANSFER } from './db/ledger-postings.js'
export { mayUseProgramme, payerRegencies, linkedPayerRegions, assertProgrammeAccess } from './policy.js'
