import type { AgenCollectPayload, AgenRegisterPayload, ItemResult, OutboxItem } from '../../../../src/areas/agents/http/schemas'

/** The Agen Perisai sync contract (/work/notes/agen-contract.md, POST /api/v1/agen/sync): the server's own schemas. */
export type RegisterPayload = AgenRegisterPayload
export type CollectPayload = AgenCollectPayload
export type { ItemResult, OutboxItem }

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
