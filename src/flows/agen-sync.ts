import { z } from 'zod'
import { isDomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { findStoredResponse, requestHash, withIdempotency } from '../platform/idempotency/index.js'
import { assertAuthorized, type Actor } from '../areas/access/index.js'
import { insertCollection, outboxItem, type AgentRecord, type AgenCollectPayload, type AgenRegisterPayload, type ItemResult, type OutboxItem } from '../areas/agents/index.js'
import { account } from '../areas/ledger/index.js'
import { apiFieldOf, findParticipantById, registrationRow } from '../areas/participants/index.js'
import { tryRegisterParticipant, type IdSource } from './register-participant.js'
import { registrationToday } from './registration-context.js'
import { takePaymentIn } from './take-payment.js'

export interface AgenSyncContext {
  agent: AgentRecord
  actor: Actor
  requestId: string | null
}

/** Refusals that are no verdict on the item (the database or a lock): the whole request fails and the phone retries. */
const TRANSIENT = new Set(['unavailable', 'internal', 'idempotency_in_progress'])

/** An item's refusal: final, stored with its clientId like a success. */
class ItemRefusal extends Error {
  constructor(readonly code: string, message: string, readonly field?: string) {
    super(message)
  }
}

/** Whose key space the phone's clientIds live in: the agent's user (a payment's client_key is the clientId too). */
export const agenClientOf = (actor: Pick<Actor, 'userId'>): string => `agen:${actor.userId}`

/**
 * Drains a phone's outbox (issue 10 item 2, agen-contract.md): items in order, each in its own transaction with its
 * clientId claimed (platform idempotency, client = the agent's user), so a replay returns the stored result and does
 * nothing, also under concurrency. A refusal is stored as the item's final result (the agent fixes the data and sends
 * a new clientId); a transient failure throws and the whole request answers 5xx, the done items staying done.
 */
export async function syncOutbox(sql: Sql, ctx: AgenSyncContext, items: readonly unknown[], now: Date, ids: IdSource): Promise<ItemResult[]> {
  const results: ItemResult[] = []
  for (const raw of items) results.push(await syncRaw(sql, ctx, raw, now, ids))
  return results
}

/**
 * One item as the phone sent it: checked against the item schema on its own, so one malformed item is refused alone
 * (`invalid_input` naming the field, e.g. `payload.months`) and the others go on. A malformed item with a usable
 * clientId is claimed like any item (a replay answers the same refusal; the corrected item needs a new clientId);
 * one without a usable clientId cannot be claimed and is answered, not stored.
 */
async function syncRaw(sql: Sql, ctx: AgenSyncContext, raw: unknown, now: Date, ids: IdSource): Promise<ItemResult> {
  const parsed = outboxItem.safeParse(raw)
  if (parsed.success) return syncItem(sql, ctx, parsed.data, now, ids)
  const given = (raw as { clientId?: unknown } | null)?.clientId
  const clientId = z.string().uuid().safeParse(given)
  if (!clientId.success) return rejected(typeof given === 'string' ? given : '', 'invalid_input', 'clientId: harus UUID (dibuat HP untuk setiap item).', 'clientId')
  const issue = parsed.error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'item'
  const refusal = rejected(clientId.data, 'invalid_input', `${field}: ${issue?.message ?? 'tidak valid'}`, field)
  return claimed(sql, ctx, clientId.data, raw, async () => refusal)
}

async function syncItem(sql: Sql, ctx: AgenSyncContext, item: OutboxItem, now: Date, ids: IdSource): Promise<ItemResult> {
  return claimed(sql, ctx, item.clientId, item, (tx) => attempt(tx, ctx, item, now, ids))
}

/** The item's clientId claimed with its result (platform idempotency): the same clientId again answers the stored result. */
async function claimed(sql: Sql, ctx: AgenSyncContext, clientId: string, body: unknown, work: (tx: Sql) => Promise<ItemResult>): Promise<ItemResult> {
  const hash = requestHash({ method: 'POST', url: '/api/v1/agen/sync#item', body })
  try {
    const stored = await withIdempotency<ItemResult>(sql, { clientId: agenClientOf(ctx.actor), key: clientId, requestHash: hash }, async (tx) => ({
      status: 200, body: await work(tx),
    }))
    return stored.body
  } catch (error) {
    if (isDomainError(error) && error.code === 'idempotency_conflict') {
      return rejected(clientId, 'idempotency_conflict', 'clientId ini sudah dipakai untuk data lain; kirim sebagai item baru.', 'clientId')
    }
    throw error
  }
}

/** The item's work behind a savepoint: a refusal rolls back what the item did, yet the claim of its clientId stays. */
async function attempt(tx: Sql, ctx: AgenSyncContext, item: OutboxItem, now: Date, ids: IdSource): Promise<ItemResult> {
  await tx.query('savepoint agen_item')
  try {
    const result = item.kind === 'register' ? await register(tx, ctx, item.clientId, item.createdAt, item.payload, now, ids) : await collect(tx, ctx, item.clientId, item.payload, now, ids)
    await tx.query('release savepoint agen_item')
    return result
  } catch (error) {
    const refusal = refusalOf(error, item)
    if (!refusal) throw error
    await tx.query('rollback to savepoint agen_item')
    return refusal
  }
}

function refusalOf(error: unknown, item: OutboxItem): ItemResult | null {
  if (error instanceof ItemRefusal) return rejected(item.clientId, error.code, error.message, error.field)
  if (!isDomainError(error) || TRANSIENT.has(error.code)) return null
  if (item.kind === 'collect' && error.field === 'amountIdr') return rejected(item.clientId, 'amount_mismatch', `Jumlah tidak sama dengan iuran bulan yang dibayar: ${error.message}`, 'amountIdr')
  const field = error.field === undefined ? undefined : item.kind === 'register' ? apiFieldOf(error.field) : error.field
  return rejected(item.clientId, error.code, error.message, field)
}

function rejected(clientId: string, code: string, message: string, field?: string): ItemResult {
  return { clientId, state: 'rejected', error: { code, message, ...(field ? { field } : {}) } }
}

async function register(tx: Sql, ctx: AgenSyncContext, clientId: string, createdAt: string, payload: AgenRegisterPayload, now: Date, ids: IdSource): Promise<ItemResult> {
  const sourceId = ctx.agent.sourceId
  assertAuthorized(ctx.actor, 'participant.write', { regionCode: payload.regencyCode, sourceId })
  const outcome = await tryRegisterParticipant(tx, {
    row: registrationRow({ ...payload, sourceId }), sourceId, payer: payload.payer, payerRef: payload.payerRef, employerId: payload.employerId,
    consent: { purpose: payload.consent.purpose, givenAt: new Date(createdAt) }, actor: { userId: ctx.actor.userId, role: ctx.actor.role }, requestId: ctx.requestId,
  }, now, ids)
  // the identity review row commits with the refusal: an officer looks at it
  if (outcome.kind === 'identity_mismatch') return rejected(clientId, 'nik_identity_mismatch', outcome.error.message, 'nik')
  return { clientId, state: 'done', participantId: outcome.participant.id, kpj: outcome.participant.kpj, existing: outcome.alreadyRegistered }
}

/** The participant a collect is for: by id, or through the stored result of the agent's own register item. */
async function payerOf(tx: Sql, ctx: AgenSyncContext, payload: AgenCollectPayload): Promise<{ id: string; registeredByAgent: boolean }> {
  if (payload.participantClientId) {
    const stored = await findStoredResponse<ItemResult>(tx, agenClientOf(ctx.actor), payload.participantClientId)
    if (!stored) throw new ItemRefusal('not_found', 'Pendaftaran yang dirujuk (participantClientId) belum diterima server.', 'participantClientId')
    if (stored.body.state !== 'done' || !stored.body.participantId) throw new ItemRefusal('invalid_state', 'Pendaftaran yang dirujuk ditolak; iuran tidak dapat dicatat untuknya.', 'participantClientId')
    return { id: stored.body.participantId, registeredByAgent: true }
  }
  if (!payload.participantId) throw new ItemRefusal('missing_field', 'Sebutkan peserta (participantId atau participantClientId).', 'participantId')
  return { id: payload.participantId, registeredByAgent: false }
}

async function collect(tx: Sql, ctx: AgenSyncContext, clientId: string, payload: AgenCollectPayload, now: Date, ids: IdSource): Promise<ItemResult> {
  const ref = await payerOf(tx, ctx, payload)
  const participant = await findParticipantById(tx, ref.id, { lock: true })
  // an agent collects for its own portfolio, or for someone it just met (its register item found them already registered)
  if (!participant || (!ref.registeredByAgent && participant.sourceId !== ctx.agent.sourceId)) {
    throw new ItemRefusal('not_found', 'Peserta tidak ditemukan di portofolio Anda.', 'participantId')
  }
  if (payload.collectedOn > registrationToday(now, participant.regencyCode)) throw new ItemRefusal('invalid_date', 'Tanggal pungut tidak boleh di masa depan.', 'collectedOn')
  const paid = await takePaymentIn(tx, {
    participant: { id: participant.id }, months: payload.months, amountIdr: payload.amountIdr, paidOn: payload.collectedOn, channel: 'agen',
    via: account.agentCash(ctx.agent.id), sourceId: ctx.agent.sourceId, clientId: agenClientOf(ctx.actor), clientKey: clientId, requestId: ctx.requestId,
    actor: { userId: ctx.actor.userId, role: ctx.actor.role },
  }, now, ids)
  if (paid.creditIdr > 0) {
    throw new ItemRefusal('amount_mismatch', `Jumlah Rp${payload.amountIdr} melebihi iuran ${payload.months} bulan (Rp${payload.amountIdr - paid.creditIdr}).`, 'amountIdr')
  }
  await insertCollection(tx, { agentId: ctx.agent.id, paymentId: paid.paymentId, participantId: participant.id, collectedOn: payload.collectedOn, amountIdr: paid.amountIdr, clientId, createdAt: now })
  return { clientId, state: 'done', participantId: participant.id, paymentId: paid.paymentId, receiptNo: paid.receiptNo, months: paid.months, paidThrough: paid.paidThrough }
}
