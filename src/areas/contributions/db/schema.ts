import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Contributions storage (issue 5): the tariff the engine materialises for set-based billing, dues, payments kept
 * apart from their matching to dues (openIMIS-style), numbered receipts, resumable billing runs, and each
 * participant's evaluated contribution state (with the date it next changes, for the daily job). Every
 * participant-keyed table carries participant_id first so it co-locates on Citus (DESIGN.md §3).
 * Money bigint rupiah; months 'YYYY-MM'; dates the participant's local date.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })

/**
 * The engine's amounts for one month × segment × income base × sector × payer × programme (DESIGN.md §7 "Rules in
 * SQL"): written only by materialiseTariff from src/areas/programmes, never by hand; a test proves it equals quotes.
 */
export const contributionTariffs = pgTable(
  'contribution_tariffs',
  {
    month: text('month').notNull(),
    segment: text('segment').notNull(),
    incomeBaseIdr: idr('income_base_idr').notNull(),
    sector: text('sector').notNull(),
    payer: text('payer').notNull(),
    programme: text('programme').notNull(),
    level: integer('level').notNull(),
    fromIdr: idr('from_idr').notNull(),
    toIdr: idr('to_idr'),
    factorppm: integer('factorppm').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    dueDate: localDate('due_date').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'contribution_tariffs_pkey', columns: [t.month, t.segment, t.incomeBaseIdr, t.sector, t.payer, t.programme] }),
    check('contribution_tariffs_amount_check', sql`${t.amountIdr} >= 0`),
  ],
)

/**
 * One due per enrolment × programme × payer × contribution month (PMI/jakon: one per protection period, `period_to` set).
 * ONE index: the natural key is the primary key, led by participant_id (billing's conflict target and skip probe, the
 * per-participant read). `id` is not indexed on its own (an index of random ids cost billing about half its insert
 * time at 3 M): look a due up with its participant_id. Its value is `dueIdOf` (md5 of enrolment, month, programme, payer).
 */
export const dues = pgTable(
  'dues',
  {
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    month: text('month').notNull(),
    programme: text('programme').notNull(),
    payer: text('payer').notNull(),
    payerRef: text('payer_ref'),
    amountIdr: idr('amount_idr').notNull(),
    dueDate: localDate('due_date').notNull(),
    /** Protection periods (PMI, jakon): the last day covered; null for monthly dues. */
    periodTo: localDate('period_to'),
    /** 'billing' (the monthly run) or 'payment' (a month paid ahead, created by takePayment). */
    origin: text('origin').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dues_natural_pkey', columns: [t.participantId, t.month, t.enrolmentId, t.programme, t.payer] }),
    check('dues_amount_check', sql`${t.amountIdr} >= 0`),
    check('dues_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('dues_payer_check', sql`${t.payer} in ('self', 'employer', 'pemda', 'apbn', 'sponsor')`),
    check('dues_origin_check', sql`${t.origin} in ('billing', 'payment')`),
  ],
)

/** Money received for a participant, as received; how it was matched to dues is payment_allocations. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** The business date of the payment (may be before registration: a receipt entered late). */
    paidOn: localDate('paid_on').notNull(),
    channel: text('channel').notNull(),
    sourceId: uuid('source_id'),
    /** The ledger account the money came through, e.g. 'bank:counter'. */
    via: text('via').notNull(),
    creditUsedIdr: idr('credit_used_idr').notNull(),
    creditAfterIdr: idr('credit_after_idr').notNull(),
    receiptNo: text('receipt_no').notNull(),
    clientId: text('client_id').notNull(),
    clientKey: text('client_key').notNull(),
    requestId: text('request_id'),
    actorId: uuid('actor_id'),
    receivedAt: at('received_at').notNull(),
    /** When a channel partner reversed it the same day (channel-api.md §14): it settles nothing, counts in no total. */
    reversedAt: at('reversed_at'),
  },
  (t) => [
    index('payments_participant_idx').on(t.participantId, t.paidOn),
    // the receipt messages read payments received since a moment (src/flows/plan-notifications.ts)
    index('payments_received_idx').on(t.receivedAt),
    uniqueIndex('payments_client_key').on(t.clientId, t.clientKey),
    uniqueIndex('payments_receipt_key').on(t.receiptNo),
    check('payments_amount_check', sql`${t.amountIdr} > 0`),
  ],
)

/** Which dues a payment settled (whole dues only), and with how much. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    participantId: uuid('participant_id').notNull(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    // no FK to dues: dues.id has no index of its own (see dues); takePayment writes both in one transaction
    dueId: uuid('due_id').notNull(),
    amountIdr: idr('amount_idr').notNull(),
  },
  (t) => [
    primaryKey({ name: 'payment_allocations_pkey', columns: [t.paymentId, t.dueId] }),
    // a due is settled once
    uniqueIndex('payment_allocations_due_key').on(t.dueId),
    index('payment_allocations_participant_idx').on(t.participantId),
    check('payment_allocations_amount_check', sql`${t.amountIdr} >= 0`),
  ],
)

/** Numbered bukti bayar: `BB-<year>-<serial>` from the sequence `receipt_serial_<year>` (migration 0008). */
export const receipts = pgTable(
  'receipts',
  {
    receiptNo: text('receipt_no').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    participantId: uuid('participant_id').notNull(),
    year: integer('year').notNull(),
    serial: bigint('serial', { mode: 'number' }).notNull(),
    issuedAt: at('issued_at').notNull(),
  },
  (t) => [uniqueIndex('receipts_payment_key').on(t.paymentId), check('receipts_no_check', sql`${t.receiptNo} ~ '^BB-[0-9]{4}-[0-9]{6,}$'`)],
)

/** One row per billed month: progress committed with each chunk, so a crashed run resumes after `cursor`. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    month: text('month').primaryKey(),
    status: text('status').notNull(),
    /** The last participant id of the last committed chunk; null = start from the beginning. */
    cursor: uuid('cursor'),
    chunks: integer('chunks').notNull().default(0),
    /** Cumulative over every run of the month: enrolments that got a due, dues inserted, their total. */
    enrolments: bigint('enrolments', { mode: 'number' }).notNull().default(0),
    dues: bigint('dues', { mode: 'number' }).notNull().default(0),
    billedIdr: idr('billed_idr').notNull().default(0),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [check('billing_runs_status_check', sql`${t.status} in ('running', 'done')`)],
)

/**
 * The status engine's answer per participant as last evaluated (by a payment or the daily job): the daily job
 * re-evaluates the rows whose `next_change_on` has come (DESIGN.md §7 "Speed honesty").
 */
export const contributionStates = pgTable(
  'contribution_states',
  {
    participantId: uuid('participant_id').primaryKey(),
    /** The participant's regency, copied on every save (and by a correction), so worklists per regency are one index range. */
    regencyCode: text('regency_code'),
    status: text('status').notNull(),
    statusSince: localDate('status_since').notNull(),
    paidThrough: text('paid_through'),
    arrearsIdr: idr('arrears_idr').notNull(),
    nextChangeOn: localDate('next_change_on'),
    nextStatus: text('next_status'),
    evaluatedOn: localDate('evaluated_on').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('contribution_states_next_change_idx').on(t.nextChangeOn).where(sql`${t.nextChangeOn} is not null`),
    // worklists sorted by the next change date (due soon, arrears, lapsing), per regency, keyset-paginated
    index('contribution_states_worklist_idx').on(t.regencyCode, t.status, sql`coalesce(${t.nextChangeOn}, '9999-12-31'::date)`, t.participantId),
    check('contribution_states_status_check', sql`${t.status} in ('terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti')`),
  ],
)

/**
 * PMI and jasa konstruksi (issue 5): one protection period paid at once (DESIGN.md §7), with what its quote read.
 * Its dues are ordinary `dues` rows (month = the first month, `period_to` = the last day covered): PMI one `JKK_JKM`
 * package line, jakon one JKK and one JKM line on the contract value.
 */
export const protectionPeriods = pgTable(
  'protection_periods',
  {
    participantId: uuid('participant_id').notNull(),
    id: uuid('id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    segment: text('segment').notNull(),
    fromDate: localDate('from_date').notNull(),
    toDate: localDate('to_date').notNull(),
    /** PMI: 'placement' (through a Pelaksana Penempatan) or 'individual'; contract months 6/12/24; months beyond it. */
    via: text('via'),
    contractMonths: integer('contract_months'),
    extraMonths: integer('extra_months'),
    /** Jakon: the project's contract value (excluding VAT) and name. */
    contractValueIdr: idr('contract_value_idr'),
    project: text('project'),
    amountIdr: idr('amount_idr').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'protection_periods_pkey', columns: [t.participantId, t.id] }),
    check('protection_periods_segment_check', sql`${t.segment} in ('pmi', 'jakon')`),
    check('protection_periods_dates_check', sql`${t.fromDate} <= ${t.toDate}`),
    check('protection_periods_amount_check', sql`${t.amountIdr} >= 0`),
  ],
)
