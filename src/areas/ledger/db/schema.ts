import { sql } from 'drizzle-orm'
import { bigint, check, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * The ledger: double entry, insert only (DESIGN.md §3). Accounts are (kind, ref), created on first use; a transfer
 * and all its entries are written by ONE statement, and triggers (migrations/*_ledger_rules.sql) refuse a transfer
 * whose entries are fewer than two or do not sum to zero, entries added to a transfer later, and any UPDATE, DELETE
 * or TRUNCATE. Signs: debit positive, credit negative. No running balances: no shared row is updated by a payment.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const idr = (name: string) => bigint(name, { mode: 'number' })

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

// kept here (not imported from domain) so that a new kind needs a new migration, deliberately
const ACCOUNT_KINDS = [
  'participant_credit', 'receivable', 'payer_receivable', 'channel_in_transit', 'agent_cash', 'bank', 'suspense',
  'contribution_income', 'programme_fund', 'fine_income', 'write_off', 'refund_payable', 'partner_fee', 'benefit_expense', 'benefit_payable',
]
const TRANSFER_KINDS = [
  'money_received', 'due_raised', 'due_rerated', 'allocation', 'credit_held', 'write_off', 'refund_approved', 'refund_paid',
  'channel_reversal', 'channel_settled', 'cash_deposited', 'invoice_raised', 'invoice_paid', 'fine_raised', 'benefit_paid', 'benefit_disbursed', 'reversal',
]
const REVERSAL_REASONS = ['channel_reversal', 'entry_error', 'duplicate', 'rerate', 'refund', 'write_off']

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_kind_ref_key').on(t.kind, t.ref),
    check('ledger_accounts_kind_check', sql`${t.kind} in (${quoted(ACCOUNT_KINDS)})`),
    check('ledger_accounts_ref_check', sql`${t.ref} ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'`),
  ],
)

export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    /** The caller's id (UUIDv7): posting the same id again is a replay, not a second transfer. */
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Business time: balances "as of" read this. */
    occurredAt: at('occurred_at').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    reversesTransferId: uuid('reverses_transfer_id'),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    paymentId: uuid('payment_id'),
    invoiceId: uuid('invoice_id'),
    participantId: uuid('participant_id'),
    refs: jsonb('refs').notNull().default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
    /** sha-256 of the transfer's content (kind, time, entries, links, refs): how a replay is told from a conflict. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.reversesTransferId], foreignColumns: [t.id], name: 'ledger_transfers_reverses_fkey' }),
    // a transfer is reversed at most once
    uniqueIndex('ledger_transfers_reverses_key').on(t.reversesTransferId).where(sql`${t.reversesTransferId} is not null`),
    index('ledger_transfers_payment_idx').on(t.paymentId).where(sql`${t.paymentId} is not null`),
    index('ledger_transfers_invoice_idx').on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    index('ledger_transfers_participant_idx').on(t.participantId, t.occurredAt).where(sql`${t.participantId} is not null`),
    check('ledger_transfers_kind_check', sql`${t.kind} in (${quoted(TRANSFER_KINDS)})`),
    check('ledger_transfers_reason_code_check', sql`${t.reasonCode} is null or ${t.reasonCode} in (${quoted(REVERSAL_REASONS)})`),
    check(
      'ledger_transfers_reversal_check',
      sql`(${t.kind} = 'reversal') = (${t.reversesTransferId} is not null) and (${t.kind} = 'reversal') = (${t.reasonCode} is not null)`,
    ),
  ],
)

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => ledgerTransfers.id),
    line: smallint('line').notNull(),
    /**
     * No foreign key on purpose: checking one takes a KEY SHARE lock on the account row, and every payment touches
     * the same few income/fund/bank rows (DESIGN.md §7 "Speed honesty"). Account rows are insert-only and ids come
     * from resolveAccountIds in the same transaction.
     */
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    /** Debit positive, credit negative. */
    amountIdr: idr('amount_idr').notNull(),
    /** The transfer's occurred_at, copied so a balance as of a time reads one index. */
    occurredAt: at('occurred_at').notNull(),
    dueId: uuid('due_id'),
  },
  (t) => [
    primaryKey({ columns: [t.transferId, t.line], name: 'ledger_entries_pkey' }),
    index('ledger_entries_account_time_idx').on(t.accountId, t.occurredAt),
    index('ledger_entries_due_idx').on(t.dueId).where(sql`${t.dueId} is not null`),
    check('ledger_entries_amount_check', sql`${t.amountIdr} <> 0`),
    check('ledger_entries_line_check', sql`${t.line} >= 1`),
  ],
)
