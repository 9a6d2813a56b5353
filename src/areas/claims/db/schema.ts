import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * The claims register (issue 11 item 3): one row per claim with its stored eligibility and workflow state (version-
 * checked), its steps as an append-only history, and the scholarship schedule per child and school year.
 * Money bigint rupiah; dates local (the participant's regency).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })

export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id').notNull(),
    /** The participant's regency when the claim was filed: the office scope and the report's region. */
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    programme: text('programme').notNull(),
    eventDate: localDate('event_date').notNull(),
    filedOn: localDate('filed_on').notNull(),
    claimantName: text('claimant_name').notNull(),
    claimantNik: text('claimant_nik'),
    claimantRelation: text('claimant_relation').notNull(),
    /** The claim's own inputs (wage, children's school levels, medical cost, STMB months, PHK or JHT reason ...). */
    details: jsonb('details').notNull(),
    /** The documents checklist: document code → checked. */
    documents: jsonb('documents').notNull(),
    /** The eligibility computed when the claim was filed (the pure rules' result, with its facts and citations). */
    eligibility: jsonb('eligibility').notNull(),
    decision: text('decision').notNull(),
    payNowIdr: idr('pay_now_idr').notNull(),
    afterArrearsIdr: idr('after_arrears_idr').notNull(),
    serviceLevelDays: integer('service_level_days'),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    rejectionReason: text('rejection_reason'),
    paidOn: localDate('paid_on'),
    paidIdr: idr('paid_idr'),
    /** The part held back at payment because the arrears of the event date were still unpaid. */
    withheldIdr: idr('withheld_idr'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('claims_participant_idx').on(t.participantId),
    index('claims_region_status_idx').on(t.regionCode, t.status),
    index('claims_filed_idx').on(t.filedOn),
    check('claims_status_check', sql`${t.status} in ('submitted', 'verified', 'approved', 'paid', 'rejected')`),
    check('claims_kind_check', sql`${t.kind} in ('jkm', 'jkk_medical', 'jkk_stmb', 'jkk_disability', 'jkk_death', 'beasiswa', 'jkp', 'jht')`),
    check('claims_money_check', sql`${t.payNowIdr} >= 0 and ${t.afterArrearsIdr} >= 0 and coalesce(${t.paidIdr}, 0) >= 0`),
    check('claims_paid_check', sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
)

export const claimSteps = pgTable(
  'claim_steps',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id').notNull().references(() => claims.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    requestId: text('request_id'),
    occurredOn: localDate('occurred_on').notNull(),
    occurredAt: at('occurred_at').notNull(),
  },
  (t) => [index('claim_steps_claim_idx').on(t.claimId, t.occurredAt)],
)

export const claimScholarships = pgTable(
  'claim_scholarships',
  {
    claimId: uuid('claim_id').notNull().references(() => claims.id),
    child: integer('child').notNull(),
    schoolYear: text('school_year').notNull(),
    level: text('level').notNull(),
    amountIdr: idr('amount_idr').notNull(),
    /** scheduled → paid (the year's payment), or ended (the child left school, married, works or turned 23). */
    status: text('status').notNull(),
    paidOn: localDate('paid_on'),
    endReason: text('end_reason'),
  },
  (t) => [
    primaryKey({ name: 'claim_scholarships_pkey', columns: [t.claimId, t.child, t.schoolYear] }),
    check('claim_scholarships_status_check', sql`${t.status} in ('scheduled', 'paid', 'ended')`),
    check('claim_scholarships_ended_check', sql`(${t.status} = 'ended') = (${t.endReason} is not null)`),
    check('claim_scholarships_year_check', sql`${t.schoolYear} ~ '^[0-9]{4}/[0-9]{4}$'`),
  ],
)
