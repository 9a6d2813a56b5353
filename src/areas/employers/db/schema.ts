import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * PU employers (companies with an NPP), the workers they employ, and their monthly wages as dated rows.
 * References to other areas' tables (sources, participants) carry no foreign key, like enrolments.employer_id:
 * they are checked by the code that writes them, and participant-keyed rows stay co-locatable on Citus (DESIGN.md §3).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey(),
    /** Nomor pendaftaran perusahaan, normalised (uppercase letters and digits, ≤ 20; the format is not published). */
    npp: text('npp').notNull(),
    name: text('name').notNull(),
    regencyCode: text('regency_code').notNull(),
    /** Perpres 109/2013 Pasal 6: decides the mandatory programmes (regulations/pu.yaml). */
    scale: text('scale').notNull(),
    /** PP 44/2015 Pasal 16: JKK risk group I–V, set by BPJS from the business type. */
    riskGroup: smallint('risk_group').notNull(),
    status: text('status').notNull().default('active'),
    /** The `sources` row (kind employer, ref_id = this id) for the workers this employer brings in. */
    sourceId: uuid('source_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('employers_npp_key').on(t.npp),
    index('employers_regency_idx').on(t.regencyCode),
    index('employers_name_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    check('employers_npp_check', sql`${t.npp} ~ '^[A-Z0-9]{1,20}$'`),
    check('employers_scale_check', sql`${t.scale} in ('micro', 'small', 'medium', 'large')`),
    check('employers_risk_group_check', sql`${t.riskGroup} between 1 and 5`),
    check('employers_status_check', sql`${t.status} in ('active', 'closed')`),
  ],
)

/** One employment spell of a participant at an employer; at most one open spell per pair. */
export const employerWorkers = pgTable(
  'employer_workers',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    participantId: uuid('participant_id').notNull(),
    startedOn: localDate('started_on').notNull(),
    endedOn: localDate('ended_on'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('employer_workers_open_key').on(t.employerId, t.participantId).where(sql`${t.endedOn} is null`),
    index('employer_workers_participant_idx').on(t.participantId),
    check('employer_workers_dates_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
)

/**
 * Monthly wages as dated rows, never updated: a wage change is a row for a later month; another amount for a
 * month already reported is a correction, the next revision of that month with its reason.
 */
export const employerWages = pgTable(
  'employer_wages',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    participantId: uuid('participant_id').notNull(),
    effectiveMonth: text('effective_month').notNull(),
    revision: smallint('revision').notNull().default(0),
    wageIdr: idr('wage_idr').notNull(),
    reportedVia: text('reported_via').notNull(),
    reason: text('reason'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('employer_wages_month_key').on(t.employerId, t.participantId, t.effectiveMonth, t.revision),
    index('employer_wages_participant_idx').on(t.participantId, t.effectiveMonth),
    check('employer_wages_month_check', sql`${t.effectiveMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('employer_wages_wage_check', sql`${t.wageIdr} > 0`),
    check('employer_wages_revision_check', sql`${t.revision} >= 0`),
    check('employer_wages_reported_via_check', sql`${t.reportedVia} in ('wage_report', 'api', 'cli')`),
    check('employer_wages_reason_check', sql`(${t.revision} = 0) = (${t.reason} is null)`),
  ],
)

/**
 * An employer's monthly invoice (PU): one per employer and contribution month, from the wages in force that month.
 * Insert only: its lines never change; paying it is a row of `employer_invoice_payments`.
 */
export const employerInvoices = pgTable(
  'employer_invoices',
  {
    id: uuid('id').primaryKey(),
    invoiceNo: text('invoice_no').notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    month: text('month').notNull(),
    dueDate: localDate('due_date').notNull(),
    workers: integer('workers').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** The ledger transfer that raised the invoice (payer_receivable of the employer). */
    transferId: uuid('transfer_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('employer_invoices_no_key').on(t.invoiceNo),
    uniqueIndex('employer_invoices_month_key').on(t.employerId, t.month),
    index('employer_invoices_due_idx').on(t.employerId, t.dueDate),
    check('employer_invoices_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('employer_invoices_amount_check', sql`${t.amountIdr} >= 0 and ${t.workers} >= 0`),
  ],
)

/** One line per worker × programme × payer side (JKP's government share is not billed). */
export const employerInvoiceLines = pgTable(
  'employer_invoice_lines',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => employerInvoices.id),
    lineNo: integer('line_no').notNull(),
    participantId: uuid('participant_id').notNull(),
    programme: text('programme').notNull(),
    payer: text('payer').notNull(),
    wageIdr: idr('wage_idr').notNull(),
    baseIdr: idr('base_idr').notNull(),
    rateppm: integer('rateppm').notNull(),
    amountIdr: idr('amount_idr').notNull(),
  },
  (t) => [
    uniqueIndex('employer_invoice_lines_no_key').on(t.invoiceId, t.lineNo),
    index('employer_invoice_lines_participant_idx').on(t.participantId),
    check('employer_invoice_lines_programme_check', sql`${t.programme} in ('jkk', 'jkm', 'jht', 'jp')`),
    check('employer_invoice_lines_payer_check', sql`${t.payer} in ('employer', 'worker')`),
    check('employer_invoice_lines_amount_check', sql`${t.amountIdr} > 0`),
  ],
)

/** The settlement of an invoice: contributions plus the late fines at the payment date, borne by the employer. */
export const employerInvoicePayments = pgTable(
  'employer_invoice_payments',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => employerInvoices.id),
    clientKey: text('client_key').notNull(),
    paidOn: localDate('paid_on').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    fineIdr: idr('fine_idr').notNull(),
    totalIdr: idr('total_idr').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('employer_invoice_payments_invoice_key').on(t.invoiceId),
    check('employer_invoice_payments_total_check', sql`${t.totalIdr} = ${t.amountIdr} + ${t.fineIdr} and ${t.fineIdr} >= 0`),
  ],
)
