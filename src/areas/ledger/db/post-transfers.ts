import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { accountName } from '../domain/accounts.js'
import { assertBalancedEntries, type Entry } from '../domain/entries.js'
import { isTransferKind, type PostableKind, type ReversalReason, type TransferKind } from '../domain/transfer-kinds.js'
import { resolveAccountIds } from './accounts.js'
import { transferContentHash } from './transfer-content.js'

/** Ids the ledger links to. paymentId, invoiceId and participantId are indexed columns; every ref is kept in `refs`. */
export interface TransferRefs {
  paymentId?: string | undefined
  invoiceId?: string | undefined
  participantId?: string | undefined
  dueId?: string | undefined
  [key: string]: string | undefined
}

export interface PostTransferInput {
  /** The caller's id (UUIDv7, e.g. derived from the payment): the idempotency key of the transfer. */
  id: string
  kind: PostableKind
  occurredAt: Date
  entries: readonly Entry[]
  /** Free text for people; not part of a transfer's identity. */
  reason?: string | null | undefined
  refs?: TransferRefs | undefined
  requestId?: string | null | undefined
}

export interface PostedTransfer {
  id: string
  /** True when a transfer with this id and the same content was already there: nothing moved. */
  replayed: boolean
}

/** A validated transfer ready to write (reversals are built by reverseTransfer). */
export interface PreparedTransfer {
  id: string
  kind: TransferKind
  occurredAt: Date
  entries: readonly Entry[]
  reversesTransferId: string | null
  reasonCode: ReversalReason | null
  reason: string | null
  refs: Record<string, string>
  requestId: string | null
  contentHash: string
}

export const MAX_TRANSFERS_PER_CALL = 10_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const REF_VALUE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/
const UUID_REFS = new Set(['paymentId', 'invoiceId', 'participantId', 'dueId'])

function invalid(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { field })
}

export function assertUuid(value: string, field: string): void {
  if (!UUID.test(value)) throw invalid(`${field} must be a lowercase UUID`, field)
}

function cleanRefs(refs: TransferRefs | undefined): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [key, value] of Object.entries(refs ?? {})) {
    if (value === undefined) continue
    if (!/^[a-z][A-Za-z0-9]{0,39}$/.test(key)) throw invalid(`ref name ${key} is not an identifier`, 'refs')
    // ids only: refs are never personal data or free text
    if (UUID_REFS.has(key)) assertUuid(value, `refs.${key}`)
    else if (!REF_VALUE.test(value)) throw invalid(`refs.${key} must be an id`, `refs.${key}`)
    clean[key] = value
  }
  return clean
}

export function prepareTransfer(input: Omit<PreparedTransfer, 'contentHash' | 'refs'> & { refs?: TransferRefs | undefined }): PreparedTransfer {
  assertUuid(input.id, 'id')
  if (!isTransferKind(input.kind)) throw invalid(`unknown transfer kind ${String(input.kind)}`, 'kind')
  if (!(input.occurredAt instanceof Date) || Number.isNaN(input.occurredAt.getTime())) throw invalid('occurredAt must be a valid time', 'occurredAt')
  assertBalancedEntries(input.entries)
  input.entries.forEach((entry, index) => entry.dueId !== undefined && assertUuid(entry.dueId, `entries.${index}.dueId`))
  if (input.reason != null && input.reason.length > 500) throw invalid('reason is at most 500 characters', 'reason')
  const refs = cleanRefs(input.refs)
  const contentHash = transferContentHash({ ...input, refs })
  return { ...input, refs, contentHash }
}

/** Posts one transfer inside the caller's transaction (or its own); see postTransfers. */
export async function postTransfer(sql: Sql, input: PostTransferInput): Promise<PostedTransfer> {
  const [posted] = await postTransfers(sql, [input])
  return posted as PostedTransfer
}

/**
 * Posts transfers, all or none: accounts created on first use, then every transfer with its entries in ONE
 * statement (the database refuses anything unbalanced). Idempotent by transfer id: the same id with the same
 * content is a replay (`replayed: true`, nothing moves); the same id with other content is a `conflict`.
 */
export async function postTransfers(sql: Sql, inputs: readonly PostTransferInput[]): Promise<PostedTransfer[]> {
  const prepared = inputs.map((input) => {
    if ((input.kind as string) === 'reversal') throw invalid('a reversal is posted with reverseTransfer', 'kind')
    return prepareTransfer({ ...input, reason: input.reason ?? null, requestId: input.requestId ?? null, reversesTransferId: null, reasonCode: null })
  })
  return writeTransfers(sql, prepared)
}

export async function writeTransfers(sql: Sql, transfers: readonly PreparedTransfer[]): Promise<PostedTransfer[]> {
  if (transfers.length === 0) return []
  if (transfers.length > MAX_TRANSFERS_PER_CALL) throw new DomainError('out_of_range', `at most ${MAX_TRANSFERS_PER_CALL} transfers a call`, { field: 'transfers' })
  const ids = transfers.map((t) => t.id)
  if (new Set(ids).size !== ids.length) throw invalid('a transfer id appears twice in one call', 'id')
  return sql.transaction(async (tx) => {
    const accountIds = await resolveAccountIds(tx, transfers.flatMap((t) => t.entries.map((e) => e.account)))
    const inserted = await insertTransfers(tx, transfers, accountIds)
    const others = transfers.filter((t) => !inserted.has(t.id))
    if (others.length > 0) await assertReplays(tx, others)
    return transfers.map((t) => ({ id: t.id, replayed: !inserted.has(t.id) }))
  })
}

async function insertTransfers(sql: Sql, transfers: readonly PreparedTransfer[], accountIds: Map<string, number>): Promise<Set<string>> {
  const entryColumns = { transferId: [] as string[], line: [] as number[], accountId: [] as number[], amountIdr: [] as number[], dueId: [] as Array<string | null> }
  for (const t of transfers) {
    t.entries.forEach((entry, index) => {
      entryColumns.transferId.push(t.id)
      entryColumns.line.push(index + 1)
      entryColumns.accountId.push(accountIds.get(accountName(entry.account)) as number)
      entryColumns.amountIdr.push(entry.amountIdr)
      entryColumns.dueId.push(entry.dueId ?? null)
    })
  }
  const { rows } = await sql.query<{ id: string }>(
    `with input as (
       select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         as t(id, kind, occurred_at, reverses_transfer_id, reason_code, reason, refs, request_id, content_hash)),
     inserted as (
       insert into ledger_transfers (id, kind, occurred_at, reverses_transfer_id, reason_code, reason, payment_id, invoice_id, participant_id, refs, request_id, content_hash)
       select id, kind, occurred_at, reverses_transfer_id, reason_code, reason, (refs::jsonb->>'paymentId')::uuid, (refs::jsonb->>'invoiceId')::uuid,
              (refs::jsonb->>'participantId')::uuid, refs::jsonb, request_id, content_hash
       from input
       on conflict (id) do nothing
       returning id, occurred_at),
     entries as (
       insert into ledger_entries (transfer_id, line, account_id, amount_idr, occurred_at, due_id)
       select e.transfer_id, e.line, e.account_id, e.amount_idr, i.occurred_at, e.due_id
       from unnest($10::uuid[], $11::smallint[], $12::bigint[], $13::bigint[], $14::uuid[]) as e(transfer_id, line, account_id, amount_idr, due_id)
       join inserted i on i.id = e.transfer_id)
     select id from inserted`,
    [
      transfers.map((t) => t.id),
      transfers.map((t) => t.kind),
      transfers.map((t) => t.occurredAt.toISOString()),
      transfers.map((t) => t.reversesTransferId),
      transfers.map((t) => t.reasonCode),
      transfers.map((t) => t.reason),
      transfers.map((t) => JSON.stringify(t.refs)),
      transfers.map((t) => t.requestId),
      transfers.map((t) => t.contentHash),
      entryColumns.transferId, entryColumns.line, entryColumns.accountId, entryColumns.amountIdr, entryColumns.dueId,
    ],
  )
  return new Set(rows.map((row) => row.id))
}

async function assertReplays(sql: Sql, transfers: readonly PreparedTransfer[]): Promise<void> {
  const { rows } = await sql.query<{ id: string; content_hash: string }>(
    `select id, content_hash from ledger_transfers where id = any($1::uuid[])`,
    [transfers.map((t) => t.id)],
  )
  const stored = new Map(rows.map((row) => [row.id, row.content_hash]))
  for (const t of transfers) {
    if (stored.get(t.id) !== t.contentHash) {
      throw new DomainError('conflict', `ledger transfer ${t.id} was posted before with other content`, { field: 'id', transferId: t.id })
    }
  }
}
