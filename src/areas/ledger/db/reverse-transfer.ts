import { DomainError } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'
import { mirrorEntries } from '../domain/entries.js'
import { isReversalReason, type ReversalReason } from '../domain/transfer-kinds.js'
import { assertUuid, prepareTransfer, writeTransfers, type PostedTransfer } from './post-transfers.js'
import { findTransfer } from './transfers.js'

export interface ReverseTransferInput {
  /** The reversal's own id (idempotency key, like any transfer). */
  id: string
  transferId: string
  reasonCode: ReversalReason
  occurredAt: Date
  reason?: string | null | undefined
  requestId?: string | null | undefined
}

const REVERSES_KEY = 'ledger_transfers_reverses_key'

/**
 * Posts the mirror of a transfer (same accounts and dues, opposite signs) linked to it with a reason code. A transfer
 * is reversed at most once (a unique index backs this up under concurrency); a reversal itself is not reversed:
 * post the original movement again under a new id instead.
 */
export async function reverseTransfer(sql: Sql, input: ReverseTransferInput): Promise<PostedTransfer> {
  assertUuid(input.transferId, 'transferId')
  if (!isReversalReason(input.reasonCode)) {
    throw new DomainError('invalid_input', `unknown reversal reason ${String(input.reasonCode)}`, { field: 'reasonCode' })
  }
  return sql.transaction(async (tx) => {
    const original = await findTransfer(tx, input.transferId)
    if (!original) throw new DomainError('not_found', `ledger transfer ${input.transferId} does not exist`, { field: 'transferId' })
    if (original.kind === 'reversal') {
      throw new DomainError('invalid_state', 'a reversal is not reversed; post the movement again under a new id', { field: 'transferId' })
    }
    if (original.reversedBy !== null && original.reversedBy !== input.id) {
      throw new DomainError('invalid_state', `ledger transfer ${original.id} is already reversed`, { field: 'transferId', reversedBy: original.reversedBy })
    }
    if (input.occurredAt.getTime() < original.occurredAt.getTime()) {
      throw new DomainError('invalid_input', 'a reversal cannot take effect before the transfer it reverses', { field: 'occurredAt' })
    }
    const prepared = prepareTransfer({
      id: input.id,
      kind: 'reversal',
      occurredAt: input.occurredAt,
      entries: mirrorEntries(original.entries),
      reversesTransferId: original.id,
      reasonCode: input.reasonCode,
      reason: input.reason ?? null,
      refs: original.refs,
      requestId: input.requestId ?? null,
    })
    try {
      const [posted] = await writeTransfers(tx, [prepared])
      return posted as PostedTransfer
    } catch (error) {
      if ((error as { constraint?: string }).constraint === REVERSES_KEY) {
        throw new DomainError('invalid_state', `ledger transfer ${original.id} is already reversed`, { field: 'transferId' })
      }
      throw error
    }
  })
}
