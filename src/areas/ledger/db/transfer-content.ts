import { hash } from 'node:crypto'
import type { Entry } from '../domain/entries.js'

export interface TransferContent {
  kind: string
  occurredAt: Date
  entries: readonly Entry[]
  reversesTransferId: string | null
  reasonCode: string | null
  refs: Readonly<Record<string, string>>
}

/**
 * sha-256 of what a transfer moves and why: kind, time, entries in order, the reversal link and refs. Free text
 * (reason) and the request id are left out, so a retry of the same transfer from another request is a replay.
 */
export function transferContentHash(content: TransferContent): string {
  const refs = Object.keys(content.refs).sort().map((key) => [key, content.refs[key]])
  const canonical = JSON.stringify([
    content.kind,
    content.occurredAt.toISOString(),
    content.reversesTransferId,
    content.reasonCode,
    refs,
    content.entries.map((e) => [e.account.kind, e.account.ref, e.amountIdr, e.dueId ?? null]),
  ])
  return hash('sha256', canonical, 'hex')
}
