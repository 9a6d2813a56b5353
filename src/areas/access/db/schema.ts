import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/** The access area's tables: branch offices, users, web sessions, API tokens, and the audit trail. */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const branchOffices = pgTable('branch_offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
})

/** One row per served regency: the primary key makes "exactly one branch per regency" a database fact. */
export const branchOfficeRegencies = pgTable(
  'branch_office_regencies',
  {
    regencyCode: text('regency_code').primaryKey(),
    branchCode: text('branch_code')
      .notNull()
      .references(() => branchOffices.code),
    mappingStatus: text('mapping_status').notNull(),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('branch_office_regencies_branch_idx').on(t.branchCode),
    check('branch_office_regencies_status_check', sql`${t.mappingStatus} in ('reported', 'best_guess')`),
  ],
)

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    branchCode: text('branch_code').references(() => branchOffices.code),
    regionCodes: text('region_codes').array().notNull().default(sql`'{}'::text[]`),
    sourceIds: text('source_ids').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('active'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    lastLoginAt: at('last_login_at'),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    check('users_role_check', sql`${t.role} in ('admin', 'kanwil', 'cabang', 'agent', 'pemda', 'channel', 'viewer')`),
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
    check('users_cabang_branch_check', sql`${t.role} <> 'cabang' or ${t.branchCode} is not null`),
  ],
)

/** Web sessions: only a SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
)

/** Machine credentials (`Authorization: Bearer smt_...`): only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    uniqueIndex('api_tokens_user_name_key').on(t.userId, t.name).where(sql`${t.revokedAt} is null`),
  ],
)

/**
 * The audit trail: one row per mutation, written in the mutation's transaction; ids and counts only.
 * No foreign keys, so the trail outlives what it names.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    occurredAt: at('occurred_at').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    requestId: text('request_id'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_events_action_idx').on(t.action, t.occurredAt),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId),
  ],
)
