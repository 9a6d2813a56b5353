import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Agen Perisai (issue 10): the agent's profile (code, wadah / kantor Perisai, branch, assigned regencies, monthly
 * targets), the registry source it stands for and its sign-in user; and the cash deposits that settle what the agent
 * collected (each one a ledger transfer agent_cash → bank). Money bigint rupiah.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })

export const agentCodeSerial = pgSequence('agent_code_serial', { startWith: 1 })

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    wadah: text('wadah'),
    branchCode: text('branch_code'),
    /** Assigned regencies (dotted Kemendagri codes), the same as the user's regionCodes. */
    regionCodes: text('region_codes').array().notNull(),
    /** The registry source (kind `agent`, ref_id this id): the agent's portfolio is the participants it brought. */
    sourceId: uuid('source_id').notNull(),
    userId: uuid('user_id'),
    /** Ended by the office (fraud, resignation); otherwise the activity rule decides aktif / tidak_aktif. */
    terminatedOn: localDate('terminated_on'),
    targetRegistrations: integer('target_registrations'),
    targetCollectionsIdr: idr('target_collections_idr'),
    joinedOn: localDate('joined_on').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('agents_code_key').on(t.code),
    uniqueIndex('agents_source_key').on(t.sourceId),
    uniqueIndex('agents_user_key').on(t.userId),
    index('agents_branch_idx').on(t.branchCode),
  ],
)

export const agentDeposits = pgTable(
  'agent_deposits',
  {
    id: uuid('id').primaryKey(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    amountIdr: idr('amount_idr').notNull(),
    depositedOn: localDate('deposited_on').notNull(),
    /** `bank` (a BPJS account) or `cabang` (cash handed in at the branch office). */
    depositedTo: text('deposited_to').notNull(),
    reference: text('reference').notNull(),
    /** The ledger transfer (cash_deposited) that moved agent_cash to the bank account. */
    transferId: uuid('transfer_id').notNull(),
    actorId: uuid('actor_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('agent_deposits_agent_idx').on(t.agentId, t.depositedOn),
    // a slip is recorded once: the same reference again is the same deposit
    uniqueIndex('agent_deposits_reference_key').on(t.agentId, t.reference),
    check('agent_deposits_amount_check', sql`${t.amountIdr} > 0`),
    check('agent_deposits_to_check', sql`${t.depositedTo} in ('bank', 'cabang')`),
  ],
)

/** Each contribution an agent collected (a payment via its agent_cash account), kept by the sync in the payment's transaction. */
export const agentCollections = pgTable(
  'agent_collections',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    paymentId: uuid('payment_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    collectedOn: localDate('collected_on').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** The outbox item (clientId) of the agent's phone that carried it. */
    clientId: uuid('client_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('agent_collections_payment_key').on(t.paymentId),
    index('agent_collections_agent_idx').on(t.agentId, t.collectedOn),
    check('agent_collections_amount_check', sql`${t.amountIdr} > 0`),
  ],
)
