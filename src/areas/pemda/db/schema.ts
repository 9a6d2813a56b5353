import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Regional-government programmes (issue 8): a programme (payer, legal basis, APBD budget, period), its cohort groups
 * with quotas, the members (one enrolment each, payer `pemda`, payer_ref the programme id), and the monthly invoices:
 * one per programme and month, one line per group, the member-months it bills as items, earlier versions as revisions,
 * and the payment. Money bigint rupiah; months 'YYYY-MM'.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })
const monthCheck = (column: unknown) => sql`${column} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`

export const pemdaProgrammes = pgTable(
  'pemda_programmes',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The paying government: a province code (Pemprov, e.g. 51) or a kab/kota code (e.g. 51.71). */
    regionCode: text('region_code').notNull(),
    /** The OPD that holds the budget line (e.g. Dinas Tenaga Kerja). */
    opd: text('opd'),
    legalBasis: text('legal_basis'),
    year: integer('year').notNull(),
    budgetIdr: idr('budget_idr').notNull(),
    /** Programmes paid, lower case: usually jkk, jkm. */
    programmes: text('programmes').array().notNull(),
    /** The income the programme declares for its BPU members (the programme wins over the file). */
    incomeIdr: idr('income_idr').notNull(),
    startMonth: text('start_month').notNull(),
    endMonth: text('end_month').notNull(),
    /** The registration source (kind `pemda`, ref_id the programme id) its cohorts are imported under. */
    sourceId: uuid('source_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('pemda_programmes_region_idx').on(t.regionCode, t.year),
    check('pemda_programmes_months_check', sql`${monthCheck(t.startMonth)} and ${monthCheck(t.endMonth)} and ${t.startMonth} <= ${t.endMonth}`),
    check('pemda_programmes_money_check', sql`${t.budgetIdr} >= 0 and ${t.incomeIdr} > 0`),
  ],
)

export const pemdaGroups = pgTable(
  'pemda_groups',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => pemdaProgrammes.id),
    code: text('code').notNull(),
    quota: integer('quota').notNull(),
    /** `bpu` (vulnerable workers, BPU rules) or `non_asn` (the pemda as employer, its own flagged basis). */
    category: text('category').notNull(),
    /** The monthly income (BPU) or honorarium (non-ASN) the group is billed on. */
    incomeIdr: idr('income_idr').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pemda_groups_pkey', columns: [t.programmeId, t.code] }),
    check('pemda_groups_category_check', sql`${t.category} in ('bpu', 'non_asn')`),
    check('pemda_groups_quota_check', sql`${t.quota} >= 0`),
  ],
)

export const pemdaMembers = pgTable(
  'pemda_members',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => pemdaProgrammes.id),
    participantId: uuid('participant_id').notNull(),
    groupCode: text('group_code').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    /** The later of the programme start and the enrolment's --from. */
    firstMonth: text('first_month').notNull(),
    endMonth: text('end_month'),
    /** What a leaver chose: `berhenti` or `self` (continues as a self-paying BPU). */
    endChoice: text('end_choice'),
    importJobId: uuid('import_job_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pemda_members_pkey', columns: [t.programmeId, t.participantId] }),
    index('pemda_members_group_idx').on(t.programmeId, t.groupCode),
    index('pemda_members_participant_idx').on(t.participantId),
    check('pemda_members_end_choice_check', sql`${t.endChoice} is null or ${t.endChoice} in ('berhenti', 'self')`),
  ],
)

export const pemdaInvoices = pgTable(
  'pemda_invoices',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => pemdaProgrammes.id),
    month: text('month').notNull(),
    invoiceNo: text('invoice_no').notNull(),
    /** 1 for the first version; a changed cohort before payment makes the next (the old one is in the revisions). */
    revision: integer('revision').notNull().default(1),
    workers: integer('workers').notNull(),
    /** Member-months billed: a late enrolment's back months make it more than `workers`. */
    memberMonths: integer('member_months').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** FLAGGED: the 15th of the month (the BPU JKK/JKM rule), moved past holidays. */
    dueDate: localDate('due_date').notNull(),
    /** The invoice_raised transfers of the current revision (payer_receivable of the programme). */
    raisedTransferIds: uuid('raised_transfer_ids').array().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('pemda_invoices_no_key').on(t.invoiceNo),
    uniqueIndex('pemda_invoices_month_key').on(t.programmeId, t.month),
    check('pemda_invoices_month_check', monthCheck(t.month)),
    check('pemda_invoices_amount_check', sql`${t.amountIdr} >= 0 and ${t.workers} >= 0`),
  ],
)

export const pemdaInvoiceLines = pgTable(
  'pemda_invoice_lines',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => pemdaInvoices.id),
    groupCode: text('group_code').notNull(),
    position: integer('position').notNull(),
    workers: integer('workers').notNull(),
    memberMonths: integer('member_months').notNull(),
    amountIdr: idr('amount_idr').notNull(),
  },
  (t) => [primaryKey({ name: 'pemda_invoice_lines_pkey', columns: [t.invoiceId, t.groupCode] })],
)

/** The member-months an invoice bills; a member-month is billed once per programme (back months go on the next invoice). */
export const pemdaInvoiceItems = pgTable(
  'pemda_invoice_items',
  {
    programmeId: uuid('programme_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    month: text('month').notNull(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => pemdaInvoices.id),
    groupCode: text('group_code').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** The member's due_raised transfer of this invoice revision (reversed when a revision drops or replaces it). */
    transferId: uuid('transfer_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'pemda_invoice_items_pkey', columns: [t.programmeId, t.participantId, t.month] }),
    index('pemda_invoice_items_invoice_idx').on(t.invoiceId),
  ],
)

/** An invoice as it was before a changed cohort revised it. */
export const pemdaInvoiceRevisions = pgTable(
  'pemda_invoice_revisions',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => pemdaInvoices.id),
    revision: integer('revision').notNull(),
    workers: integer('workers').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    lines: jsonb('lines').notNull(),
    replacedAt: at('replaced_at').notNull(),
  },
  (t) => [primaryKey({ name: 'pemda_invoice_revisions_pkey', columns: [t.invoiceId, t.revision] })],
)

export const pemdaInvoicePayments = pgTable(
  'pemda_invoice_payments',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => pemdaInvoices.id),
    clientKey: text('client_key').notNull(),
    paidOn: localDate('paid_on').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    revision: integer('revision').notNull(),
    createdAt: at('created_at').notNull(),
  },
  // several payments per invoice (partial payments: the APBD may transfer in parts), one per client key
  (t) => [primaryKey({ name: 'pemda_invoice_payments_pkey', columns: [t.invoiceId, t.clientKey] })],
)
