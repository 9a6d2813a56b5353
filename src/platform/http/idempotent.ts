import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { DomainError } from '../../kernel/errors.js'
import type { Sql } from '../db/sql.js'
import { requestHash } from '../idempotency/request-hash.js'
import { isValidIdempotencyKey, withIdempotency, type StoredResponse } from '../idempotency/with-idempotency.js'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const REPLAYED_HEADER = 'idempotent-replayed'

/** Merge into a route's `schema.headers` so the OpenAPI document shows the header as required. */
export const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z.string().min(1).max(255).describe('Kunci unik per permintaan; mengulang dengan kunci yang sama tidak memproses dua kali.'),
})

export interface IdempotentOptions {
  /** Whose key space; by default the signed-in actor's user id (a channel partner's route passes its partner id). */
  clientId?: string
}

function keyOf(request: FastifyRequest): string {
  const header = request.headers[IDEMPOTENCY_HEADER]
  const key = Array.isArray(header) ? header[0] : header
  if (key === undefined || key === '') {
    throw new DomainError('invalid_input', 'Header Idempotency-Key wajib diisi untuk permintaan ini.', { field: 'Idempotency-Key' })
  }
  if (!isValidIdempotencyKey(key)) {
    throw new DomainError('invalid_input', 'Idempotency-Key harus 1–255 karakter ASCII tanpa spasi.', { field: 'Idempotency-Key' })
  }
  return key
}

/**
 * Runs a route's work once per Idempotency-Key, in one transaction with the key's claim, and sets the reply's
 * status (plus `Idempotent-Replayed: true` on a replay). Use in a handler:
 * `return idempotent(request, reply, async (tx) => ({ status: 201, body: await pay(tx, ...) }))`.
 */
export async function idempotent<Body>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (sql: Sql) => Promise<StoredResponse<Body>>,
  options: IdempotentOptions = {},
): Promise<Body> {
  const key = keyOf(request)
  const clientId = options.clientId ?? request.actor?.userId
  if (!clientId) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu.')
  const hash = requestHash({ method: request.method, url: request.url, body: request.body })
  const result = await withIdempotency(request.server.ctx.sql, { clientId, key, requestHash: hash }, work)
  reply.code(result.status)
  if (result.replayed) reply.header(REPLAYED_HEADER, 'true')
  return result.body
}
