import type { RegistrationBody } from '../../pages/participants/types'

/** The Agen Perisai sync contract (/work/notes/agen-contract.md, POST /api/v1/agen/sync), as the phone sends it. */
export type RegisterPayload = Omit<RegistrationBody, 'sourceId'>

export interface CollectPayload {
  participantId?: string
  /** the clientId of a 'register' item (same or earlier sync) */
  participantClientId?: string
  months: number
  amountIdr: number
  collectedOn: string
}

export type OutboxItem =
  | { clientId: string; kind: 'register'; createdAt: string; payload: RegisterPayload }
  | { clientId: string; kind: 'collect'; createdAt: string; payload: CollectPayload }

export interface ItemResult {
  clientId: string
  state: 'done' | 'rejected'
  participantId?: string
  kpj?: string
  existing?: boolean
  paymentId?: string
  receiptNo?: string
  months?: string[]
  paidThrough?: string | null
  error?: { code: string; field?: string; message: string }
}

/** What the phone shows for an item while it waits (no server look-up needed). */
export interface ItemSummary {
  name: string
  /** collect: the months as `YYYY-MM` the device expects to cover */
  months?: string[]
  amountIdr?: number
  kpj?: string
}

export type EntryState = 'pending' | 'done' | 'rejected'

/** One outbox row on the device: the item as it will be sent (again and again, same clientId) and what came back. */
export interface OutboxEntry {
  seq?: number
  userId: string
  item: OutboxItem
  summary: ItemSummary
  state: EntryState
  result?: ItemResult
  attempts: number
  /** the last transient failure (offline, 5xx), for the outbox screen */
  lastError?: string
}
