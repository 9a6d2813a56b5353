import {
  loadAccountInput, saveContributionState, statesDueForChange, statusWithSince, writtenOffDueIds, type DueState, type Status,
} from '../areas/contributions/index.js'
import { dueRaised, postTransfers, writeOff, type PostTransferInput, type Programme } from '../areas/ledger/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { isLocalDate, localDateAt, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { startDailyJob, type DailyJob } from '../platform/jobs/index.js'

export interface RefreshStatusesResult {
  asOf: LocalDate
  evaluated: number
  changed: number
  /** The status each evaluated participant has now. */
  byStatus: Partial<Record<Status, number>>
  writtenOffIdr: number
  chunks: number
}

const DEFAULT_CHUNK = 1_000

/**
 * The daily status job (DESIGN.md §7 "Speed honesty"; issue 5 item 4): re-evaluates every participant whose next
 * change date has come (`contribution_states.next_change_on <= asOf`, indexed), in chunks of participants each
 * committed on its own, so statuses move when nothing is paid. A spell that lapsed has its open billed dues written
 * off in the ledger: the dues are recognised (`due_raised`) and written off (`write_off`: risk programmes to the
 * write-off expense, JHT/JP against their fund), once per due.
 */
export async function refreshStatuses(sql: Sql, cmd: { asOf?: LocalDate; chunkSize?: number; signal?: AbortSignal }, now: Date, ids: { newId(): string }): Promise<RefreshStatusesResult> {
  const asOf = cmd.asOf ?? localDateAt(now, 'Asia/Makassar')
  if (!isLocalDate(asOf)) throw new DomainError('invalid_date', `asOf ${asOf} is not a date (YYYY-MM-DD)`, { field: 'asOf' })
  const result: RefreshStatusesResult = { asOf, evaluated: 0, changed: 0, byStatus: {}, writtenOffIdr: 0, chunks: 0 }
  let cursor: string | null = null
  while (!cmd.signal?.aborted) {
    const last: string | null = await sql.transaction(async (tx) => {
      const states = await statesDueForChange(tx, asOf, cursor, cmd.chunkSize ?? DEFAULT_CHUNK)
      const transfers: PostTransferInput[] = []
      for (const state of states) await refreshOne(tx, state, asOf, now, ids, transfers, result)
      if (transfers.length > 0) await postTransfers(tx, transfers)
      return states.at(-1)?.participantId ?? null
    })
    if (last === null) break
    result.chunks++
    cursor = last
  }
  return result
}

async function refreshOne(tx: Sql, state: DueState, asOf: LocalDate, now: Date, ids: { newId(): string }, transfers: PostTransferInput[], result: RefreshStatusesResult): Promise<void> {
  const participant = await findParticipantById(tx, state.participantId, { lock: true })
  if (!participant) return
  const before = participant.status
  const c = await loadAccountInput(tx, participant, asOf)
  // Walk the engine's change dates from the stored one: a job that missed days still dates each change exactly.
  const { status, since } = statusWithSince(c.input, state.nextChangeOn, asOf)
  await saveContributionState(tx, participant.id, status, since, now)
  result.evaluated++
  if (status.status !== before) result.changed++
  result.byStatus[status.status] = (result.byStatus[status.status] ?? 0) + 1
  const months = new Set(status.writtenOff.map((m) => m.month))
  const open = c.dues.filter((d) => months.has(d.month) && d.paidOn === null && d.amountIdr > 0)
  if (open.length === 0) return
  const done = await writtenOffDueIds(tx, open.map((d) => d.id))
  const lines = open.filter((d) => !done.has(d.id)).map((d) => ({ dueId: d.id, programme: d.programme as Programme, amountIdr: d.amountIdr }))
  if (lines.length === 0) return
  const common = { occurredAt: now, refs: { participantId: participant.id }, reason: `lapsed spell written off (status ${status.status} at ${asOf})`, requestId: null }
  transfers.push({ id: ids.newId(), ...common, ...dueRaised({ participantId: participant.id, lines }) })
  transfers.push({ id: ids.newId(), ...common, ...writeOff({ participantId: participant.id, lines }) })
  result.writtenOffIdr += lines.reduce((sum, l) => sum + l.amountIdr, 0)
}

export type StatusSchedule = DailyJob

/**
 * The daily schedule `semesta start` runs (beside the billing schedule): on start and every `intervalMs` (default
 * 24 h) the job runner refreshes the statuses as of today (WITA); one run at a time, aborted between chunks on stop.
 */
export function startStatusSchedule(sql: Sql, options: { now?: () => Date; intervalMs?: number; newId: () => string; onError?: (e: unknown) => void; onDone?: (r: RefreshStatusesResult) => void }): StatusSchedule {
  const now = options.now ?? (() => new Date())
  return startDailyJob({
    now,
    keyOf: (at) => localDateAt(at, 'Asia/Makassar'),
    run: async (asOf, signal) => {
      const done = await refreshStatuses(sql, { asOf, signal }, now(), { newId: options.newId })
      options.onDone?.(done)
    },
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  })
}
