import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Worker self-service (issue 11 item 1): one-time sign-in codes (HMAC only, short-lived, few attempts) and worker
 * sessions (SHA-256 of the cookie token only). A worker session names one participant and nothing else; it is not a
 * staff session and no staff route accepts it.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const workerSignInCodes = pgTable(
  'worker_sign_in_codes',
  {
    /** The challenge id the browser sends back with the code. */
    id: uuid('id').primaryKey(),
    /** Null when the NIK/KPJ and birth date matched nobody: the same answer, a challenge that never verifies. */
    participantId: uuid('participant_id'),
    /** HMAC-SHA256 of the identifier (NIK or KPJ): the per-identifier rate limit without storing it. */
    identifierHash: text('identifier_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('worker_sign_in_codes_identifier_idx').on(t.identifierHash, t.createdAt), check('worker_sign_in_codes_attempts_check', sql`${t.attempts} >= 0`)],
)

export const workerSessions = pgTable(
  'worker_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    participantId: uuid('participant_id').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('worker_sessions_expires_idx').on(t.expiresAt)],
)
