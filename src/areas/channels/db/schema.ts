import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Channel partners (issue 6): who collects BPU contributions through the SNAP biller API, their short-lived access
 * tokens, the X-EXTERNAL-IDs they used per WIB day, and every payment and reversal they made (with the partner's fee).
 * A partner is also a registry source of kind `channel` (source_id). Money bigint rupiah.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const idr = (name: string) => bigint(name, { mode: 'number' })

/** partnerServiceId numbers: 10001, 10002, … (space-padded to 8 characters on the wire). */
export const channelPartnerSerial = pgSequence('channel_partner_serial', { startWith: 10001 })

export const channelPartners = pgTable(
  'channel_partners',
  {
    /** X-PARTNER-ID. */
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    partnerServiceId: text('partner_service_id').notNull(),
    /** X-CLIENT-KEY of the token call. */
    clientKey: text('client_key').notNull(),
    /** The client secret sealed with AES-256-GCM (HMAC needs it back); never stored in clear. */
    secretSealed: text('secret_sealed').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    signatureEncoding: text('signature_encoding').notNull(),
    feeIdr: idr('fee_idr').notNull(),
    sourceId: uuid('source_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('channel_partners_service_id_key').on(t.partnerServiceId),
    uniqueIndex('channel_partners_client_key_key').on(t.clientKey),
    check('channel_partners_code_check', sql`${t.code} in ('POS', 'BRILINK', 'BNI46', 'INDOMARET', 'ALFAMART', 'BANK')`),
    check('channel_partners_encoding_check', sql`${t.signatureEncoding} in ('base64', 'hex')`),
    check('channel_partners_fee_check', sql`${t.feeIdr} >= 0`),
  ],
)

/** B2B access tokens (900 s), kept as SHA-256 only. */
export const channelAccessTokens = pgTable(
  'channel_access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    issuedAt: at('issued_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('channel_access_tokens_expiry_idx').on(t.expiresAt)],
)

/** X-EXTERNAL-ID is unique per partner per WIB day (channel-api.md §5.2 item 1). */
export const channelExternalIds = pgTable(
  'channel_external_ids',
  {
    partnerId: uuid('partner_id').notNull(),
    wibDate: date('wib_date', { mode: 'string' }).notNull(),
    externalId: text('external_id').notNull(),
    service: text('service').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'channel_external_ids_pkey', columns: [t.partnerId, t.wibDate, t.externalId] })],
)

/**
 * A partner's payments and reversals as booked: the payment's receipt and ledger entries live in contributions and
 * the ledger; this row keeps the partner's ids, the fee and the reversal link for Inquiry Status and reconciliation.
 */
export const channelTransactions = pgTable(
  'channel_transactions',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    kind: text('kind').notNull(),
    /** paymentRequestId of a payment; partnerReferenceNo of a reversal. */
    reference: text('reference').notNull(),
    externalId: text('external_id').notNull(),
    channelId: text('channel_id'),
    /** The partner's referenceNo (payment auth code). */
    partnerReferenceNo: text('partner_reference_no'),
    customerNo: text('customer_no').notNull(),
    participantId: uuid('participant_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    receiptNo: text('receipt_no').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    feeIdr: idr('fee_idr').notNull(),
    months: text('months').array().notNull(),
    monthAmountsIdr: bigint('month_amounts_idr', { mode: 'number' }).array().notNull(),
    paidBills: text('paid_bills'),
    wibDate: date('wib_date', { mode: 'string' }).notNull(),
    occurredAt: at('occurred_at').notNull(),
    /** On a payment: the reversal that undid it. */
    reversedBy: uuid('reversed_by'),
    /** On a reversal: the payment it undid. */
    reversalOf: uuid('reversal_of'),
    /** The ledger transfer that booked the partner's settlement of this payment's day (forwarded to BPJS: no reversal). */
    settledBy: uuid('settled_by'),
  },
  (t) => [
    uniqueIndex('channel_transactions_reference_key').on(t.partnerId, t.kind, t.reference),
    index('channel_transactions_day_idx').on(t.partnerId, t.wibDate),
    check('channel_transactions_kind_check', sql`${t.kind} in ('payment', 'reversal')`),
    check('channel_transactions_fee_check', sql`${t.feeIdr} >= 0`),
  ],
)

/**
 * Registrations at a partner's counter (Semesta service 90): one row per partnerReferenceNo with what it came to, so
 * the staff see them in the partner's day beside the payments. Not money: never in the settlement report or fees.
 */
export const channelRegistrations = pgTable(
  'channel_registrations',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    partnerReferenceNo: text('partner_reference_no').notNull(),
    externalId: text('external_id').notNull(),
    /** `registered`, `already_registered` (the existing KPJ answered) or `identity_conflict` (4099001, kept for review). */
    outcome: text('outcome').notNull(),
    participantId: uuid('participant_id'),
    kpj: text('kpj'),
    wibDate: date('wib_date', { mode: 'string' }).notNull(),
    occurredAt: at('occurred_at').notNull(),
  },
  (t) => [
    uniqueIndex('channel_registrations_reference_key').on(t.partnerId, t.partnerReferenceNo),
    index('channel_registrations_day_idx').on(t.partnerId, t.wibDate),
    check('channel_registrations_outcome_check', sql`${t.outcome} in ('registered', 'already_registered', 'identity_conflict')`),
  ],
)

/**
 * Every reconciliation of a partner's settlement file against Semesta's payments of a WIB day, as staff ran it: the
 * file's SHA-256, the counts and the differences found (payment request ids, lines, amounts, receipt numbers; no
 * customer numbers), who ran it and when. A day may be reconciled again (a corrected file): each run is kept.
 */
export const channelReconciliations = pgTable(
  'channel_reconciliations',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    wibDate: date('wib_date', { mode: 'string' }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    rows: integer('rows').notNull(),
    matched: integer('matched').notNull(),
    /** { onlyAtPartner, onlyAtSemesta, amountDiffers } as the matching returned them. */
    differences: jsonb('differences').notNull(),
    actorId: uuid('actor_id'),
    reconciledAt: at('reconciled_at').notNull(),
  },
  (t) => [index('channel_reconciliations_day_idx').on(t.partnerId, t.wibDate, t.reconciledAt)],
)
