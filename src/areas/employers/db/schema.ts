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
