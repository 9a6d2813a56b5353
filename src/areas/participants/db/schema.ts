import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * The registry: sources (who brought a person in), participants (one per NIK), enrolments (programmes, income or
 * wage, payer), the append-only history of each participant, identity conflicts kept for review, and bulk
 * import jobs. Participant-keyed tables carry participant_id so they can be co-located on Citus (DESIGN.md §3).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const localDate = (name: string) => date(name, { mode: 'string' })
const idr = (name: string) => bigint(name, { mode: 'number' })

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The agent, partner, pemda programme or employer this source stands for, once those areas attach it. */
    refId: text('ref_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('sources_kind_check', sql`${t.kind} in ('agent', 'channel', 'pemda', 'employer', 'office', 'self')`),
    uniqueIndex('sources_kind_ref_key').on(t.kind, t.refId).where(sql`${t.refId} is not null`),
  ],
)

/**
 * NO_HOT_PATH_FKS: participants → sources, enrolments → sources, enrolments → participants and participant_events →
 * participants carry no foreign key. Each row is written by the registration code in the same transaction as its
 * participant, and the source is checked once (per registration, or per import job). A foreign key costs an index
 * probe and a row lock per inserted row (enrolments → sources alone was half of the enrolments' COPY time in a bulk
 * import) and buys nothing there; on Citus (DESIGN.md §3) these tables are distributed by
 * participant and references to a reference table like sources are the only keys that would survive anyway.
 */

/** Serial part of Semesta-issued KPJs (10 digits + a Luhn check digit; see domain/kpj.ts). */
export const kpjSerial = pgSequence('kpj_serial_seq', { startWith: 1, minValue: 1, maxValue: 9_999_999_999 })

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    nik: text('nik').notNull(),
    kpj: text('kpj').notNull(),
    kpjOrigin: text('kpj_origin').notNull(),
    name: text('name').notNull(),
    /** cleanName → nameKey form, for search and identity comparison. */
    nameKey: text('name_key').notNull(),
    birthDate: localDate('birth_date').notNull(),
    sex: text('sex').notNull(),
    phone: text('phone'),
    regencyCode: text('regency_code').notNull(),
    occupationCodes: text('occupation_codes').array().notNull().default(sql`'{}'::text[]`),
    category: text('category').notNull(),
    status: text('status').notNull().default('terdaftar'),
    statusSince: localDate('status_since').notNull(),
    registeredOn: localDate('registered_on').notNull(),
    /** No foreign key (see NO_HOT_PATH_FKS): the source is checked once per registration or import job. */
    sourceId: uuid('source_id').notNull(),
    /** UU PDP 27/2022: the consent given at registration and the purpose it was given for. */
    consentPurpose: text('consent_purpose').notNull(),
    consentAt: at('consent_at').notNull(),
    endedOn: localDate('ended_on'),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('participants_nik_key').on(t.nik),
    uniqueIndex('participants_kpj_key').on(t.kpj),
    // per regency and status, in status-date order: the registry's filters and the worklists sorted by status date (never paid, lapsed)
    index('participants_regency_status_since_idx').on(t.regencyCode, t.status, t.statusSince, t.id),
    index('participants_source_idx').on(t.sourceId),
    index('participants_name_key_idx').on(sql`${t.nameKey} text_pattern_ops`),
    check('participants_nik_check', sql`${t.nik} ~ '^[0-9]{16}$'`),
    check('participants_kpj_check', sql`${t.kpj} ~ '^[0-9]{11}$'`),
    check('participants_kpj_origin_check', sql`${t.kpjOrigin} in ('issued', 'brought')`),
    check('participants_sex_check', sql`${t.sex} in ('L', 'P')`),
    check('participants_category_check', sql`${t.category} in ('bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon')`),
    check('participants_status_check', sql`${t.status} in ('terdaftar', 'aktif', 'menunggak', 'nonaktif', 'berhenti')`),
  ],
)

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey(),
    /** No foreign key (see NO_HOT_PATH_FKS). */
    participantId: uuid('participant_id').notNull(),
    segment: text('segment').notNull(),
    programmes: text('programmes').array().notNull(),
    /** BPU: the declared monthly income and the income-table base it falls in. */
    declaredIncomeIdr: idr('declared_income_idr'),
    incomeBaseIdr: idr('income_base_idr'),
    /** PU, non-ASN, pemilu: the monthly wage or honorarium. */
    wageIdr: idr('wage_idr'),
    employerId: uuid('employer_id'),
    sector: text('sector'),
    payer: text('payer').notNull(),
    /** The pemda programme, sponsor or employer that pays, when the payer is not the worker. */
    payerRef: text('payer_ref'),
    /** No foreign key (see NO_HOT_PATH_FKS). */
    sourceId: uuid('source_id').notNull(),
    /** First due month: for a BPU the month of the first payment, so null until then (DESIGN.md §7). */
    startMonth: text('start_month'),
    endMonth: text('end_month'),
    status: text('status').notNull().default('active'),
    endReason: text('end_reason'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('enrolments_participant_idx').on(t.participantId),
    index('enrolments_payer_idx').on(t.payer, t.payerRef),
    index('enrolments_employer_idx').on(t.employerId).where(sql`${t.employerId} is not null`),
    check('enrolments_segment_check', sql`${t.segment} in ('bpu', 'pu', 'pmi', 'non_asn', 'pemilu', 'jakon')`),
    check('enrolments_payer_check', sql`${t.payer} in ('self', 'employer', 'pemda', 'apbn', 'sponsor')`),
    check('enrolments_status_check', sql`${t.status} in ('active', 'ended')`),
    check('enrolments_sector_check', sql`${t.sector} is null or ${t.sector} in ('transport', 'other')`),
  ],
)

/** Append-only history of a participant (registered, enrolled, corrected, ended…); never updated or deleted. */
export const participantEvents = pgTable(
  'participant_events',
  {
    id: uuid('id').primaryKey(),
    /** No foreign key (see NO_HOT_PATH_FKS). */
    participantId: uuid('participant_id').notNull(),
    occurredAt: at('occurred_at').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    requestId: text('request_id'),
    /** What changed (for a correction: the old and new values). The participant's own record, not the audit log. */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('participant_events_participant_idx').on(t.participantId, t.occurredAt)],
)

/** The same NIK presented with another identity: never a second record, kept here for a person to review. */
export const identityReviews = pgTable(
  'identity_reviews',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    claimedName: text('claimed_name').notNull(),
    claimedBirthDate: localDate('claimed_birth_date'),
    reason: text('reason').notNull(),
    sourceId: uuid('source_id'),
    requestId: text('request_id'),
    status: text('status').notNull().default('open'),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [
    index('identity_reviews_participant_idx').on(t.participantId),
    check('identity_reviews_status_check', sql`${t.status} in ('open', 'resolved', 'rejected')`),
  ],
)

/** A bulk import run (participants, or an employer's wage report), resumable: progress is committed with each chunk. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    sourceId: uuid('source_id'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull(),
    totalRows: integer('total_rows'),
    rowsDone: integer('rows_done').notNull().default(0),
    read: integer('read').notNull().default(0),
    stored: integer('stored').notNull().default(0),
    alreadyRegistered: integer('already_registered').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    actorId: uuid('actor_id'),
    requestId: text('request_id'),
    options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('import_jobs_file_idx').on(t.kind, t.fileSha256),
    check('import_jobs_status_check', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
)

/** Row-level errors and warnings of an import, with the original row so the error file can show it beside the message. */
export const importJobIssues = pgTable(
  'import_job_issues',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id),
    severity: text('severity').notNull(),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    original: jsonb('original').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.severity, t.row, t.field, t.code] }),
    check('import_job_issues_severity_check', sql`${t.severity} in ('error', 'warning')`),
  ],
)
