import { DomainError } from '../../kernel/errors.js'
import type { Sql } from '../db/sql.js'

export interface IdempotencyClaim {
  /** Whose key space: the actor's user id, or the channel partner's id. */
  clientId: string
  key: string
  requestHash: string
}

export interface StoredResponse<Body = unknown> {
  status: number
  body: Body
}

export interface IdempotentResult<Body = unknown> extends StoredResponse<Body> {
  /** true when this is the stored answer of an earlier request, and the work did not run again. */
  replayed: boolean
}

/** Printable ASCII without spaces, at most 255 characters (as Stripe and the IETF draft allow). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key)
}

interface KeyRow {
  request_hash: string
  status: string
  response_status: number | null
  response_body: unknown
}

/**
 * Runs `work` at most once per (clientId, key), in one transaction with the claim of the key.
 *
 * The claim is `INSERT … ON CONFLICT DO NOTHING`. A concurrent duplicate blocks on the primary key until the
 * first transaction ends: if it committed, the insert does nothing and the stored response is read (same hash →
 * replayed; another hash → `idempotency_conflict`); if it rolled back, the duplicate's insert goes through and it
 * does the work itself. When `work` throws, everything rolls back, the key included, so a retry runs again; to
 * keep a refusal final, return it as a response instead of throwing.
 */
export async function withIdempotency<Body>(
  sql: Sql,
  claim: IdempotencyClaim,
  work: (sql: Sql) => Promise<StoredResponse<Body>>,
): Promise<IdempotentResult<Body>> {
  if (!isValidIdempotencyKey(claim.key)) {
    throw new DomainError('invalid_input', 'Idempotency-Key harus 1–255 karakter ASCII tanpa spasi.', { field: 'Idempotency-Key' })
  }
  return sql.transaction(async (tx) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const claimed = await tx.query(
        `INSERT INTO idempotency_keys (client_id, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
         ON CONFLICT (client_id, key) DO NOTHING`,
        [claim.clientId, claim.key, claim.requestHash],
      )
      if (claimed.rowCount === 1) return { ...(await runAndStore(tx, claim, work)), replayed: false }
      const existing = await tx.query<KeyRow>(
        'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE client_id = $1 AND key = $2',
        [claim.clientId, claim.key],
      )
      const row = existing.rows[0]
      if (row) return replay<Body>(row, claim)
      // the row went away between the two statements (a purge): claim again
    }
    throw new DomainError('unavailable', 'Idempotency-Key tidak dapat diklaim; coba lagi.')
  })
}

async function runAndStore<Body>(tx: Sql, claim: IdempotencyClaim, work: (sql: Sql) => Promise<StoredResponse<Body>>) {
  const response = await work(tx)
  await tx.query(
    `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4::jsonb
     WHERE client_id = $1 AND key = $2`,
    [claim.clientId, claim.key, response.status, JSON.stringify(response.body ?? null)],
  )
  return response
}

function replay<Body>(row: KeyRow, claim: IdempotencyClaim): IdempotentResult<Body> {
  if (row.request_hash !== claim.requestHash) {
    throw new DomainError('idempotency_conflict', 'Idempotency-Key ini sudah dipakai untuk permintaan lain.', { field: 'Idempotency-Key' })
  }
  if (row.status !== 'completed' || row.response_status === null) {
    throw new DomainError('idempotency_in_progress', 'Permintaan dengan Idempotency-Key ini masih diproses.', { field: 'Idempotency-Key' })
  }
  return { status: row.response_status, body: row.response_body as Body, replayed: true }
}

/** The stored response of a completed key, or null (unknown key): how a later request refers to an earlier one's result. */
export async function findStoredResponse<Body>(sql: Sql, clientId: string, key: string): Promise<StoredResponse<Body> | null> {
  const { rows } = await sql.query<KeyRow>(
    `SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND status = 'completed'`,
    [clientId, key],
  )
  const row = rows[0]
  return row && row.response_status !== null ? { status: row.response_status, body: row.response_body as Body } : null
}
