import { writeAudit } from '../areas/access/index.js'
import {
  bpuTariffRows, contributionStatus, dueChunkUpperBound, loadAccountInput, refreshTariffRows, saveContributionState, setDueAmounts,
  staleDues, tariffMonthsFrom, type StaleDue,
} from '../areas/contributions/index.js'
import { creditHeld, dueRerated, postTransfers, type PostTransferInput, type Programme } from '../areas/ledger/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { loadHolidayCalendar, loadRegulationSet, type HolidayCalendar, type RegulationSet } from '../areas/programmes/index.js'
import { localDateAt, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import { isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'

export interface RerateCommand {
  from: Month
  /** The date statuses are re-evaluated at (default: today in WITA). */
  asOf?: LocalDate
  chunkSize?: number
  requestId?: string | null
  regs?: RegulationSet
  calendar?: HolidayCalendar
}

export interface RerateResult {
  from: Month
  tariffRows: number
  duesRerated: number
  openDues: number
  paidDues: number
  /** Overpayments moved to the participants' credit by this run (regulations.md §1.5(b)). */
  creditIdr: number
  /** Net change of what the re-rated dues ask for (negative: less is owed). */
  deltaIdr: number
  participants: number
}

const DEFAULT_CHUNK = 5_000

/**
 * Re-rating (issue 5 item 6): a dated rule that arrived after billing (PP 50/2025, signed 22 Dec 2025 for January
 * 2026) changes the amounts of months already billed. The tariff rows from `from` on are re-materialised from the
 * engine; every BPU due whose amount differs takes the new amount. An open due is not in the ledger yet (it is
 * raised when paid), so only its row changes; a paid due is corrected in the ledger (`due_rerated`), and what was
 * paid above the new amount becomes the participant's credit for the following months (`credit_held`). Chunked by
 * participant; running it again finds nothing to change.
 */
export async function rerate(sql: Sql, cmd: RerateCommand, now: Date, ids: { newId(): string }): Promise<RerateResult> {
  if (!isMonth(cmd.from)) throw new DomainError('invalid_month', 'from must be YYYY-MM', { field: 'from' })
  const regs = cmd.regs ?? loadRegulationSet()
  const calendar = cmd.calendar ?? loadHolidayCalendar()
  const asOf = cmd.asOf ?? localDateAt(now, 'Asia/Makassar')
  const result: RerateResult = { from: cmd.from, tariffRows: 0, duesRerated: 0, openDues: 0, paidDues: 0, creditIdr: 0, deltaIdr: 0, participants: 0 }
  result.tariffRows = await sql.transaction(async (tx) => refreshTariffRows(tx, bpuTariffRows(regs, calendar, await tariffMonthsFrom(tx, cmd.from))))
  let cursor: string | null = null
  for (;;) {
    const upper = await sql.transaction(async (tx) => {
      const bound = await dueChunkUpperBound(tx, cmd.from, cursor, cmd.chunkSize ?? DEFAULT_CHUNK)
      await rerateChunk(tx, cmd, cursor, bound, asOf, now, ids, result)
      return bound
    })
    if (upper === null) break
    cursor = upper
  }
  if (result.duesRerated > 0 || result.tariffRows > 0) {
    await writeAudit(sql, {
      actor: null, action: 'contribution.rerate', subjectType: 'rerate', subjectId: cmd.from, requestId: cmd.requestId ?? null, occurredAt: now,
      details: { tariffRows: result.tariffRows, duesRerated: result.duesRerated, openDues: result.openDues, paidDues: result.paidDues, creditIdr: result.creditIdr, participants: result.participants },
    })
  }
  return result
}

async function rerateChunk(tx: Sql, cmd: RerateCommand, cursor: string | null, upper: string | null, asOf: LocalDate, now: Date, ids: { newId(): string }, result: RerateResult): Promise<void> {
  const stale = await staleDues(tx, cmd.from, cursor, upper)
  if (stale.length === 0) return
  const byParticipant = new Map<string, StaleDue[]>()
  for (const due of stale) byParticipant.set(due.participantId, [...(byParticipant.get(due.participantId) ?? []), due])
  const transfers: PostTransferInput[] = []
  for (const [participantId, dues] of byParticipant) transfers.push(...ledgerCorrections(participantId, dues, cmd, now, ids, result))
  await setDueAmounts(tx, stale)
  if (transfers.length > 0) await postTransfers(tx, transfers)
  for (const participantId of byParticipant.keys()) {
    const participant = await findParticipantById(tx, participantId, { lock: true })
    if (!participant) continue
    const status = contributionStatus((await loadAccountInput(tx, participant, asOf)).input, asOf)
    await saveContributionState(tx, participantId, status, asOf, now)
  }
  result.participants += byParticipant.size
  result.duesRerated += stale.length
  for (const due of stale) result.deltaIdr += due.newIdr - due.oldIdr
}

/** Paid dues only: the receivable follows the new amount, and the overpaid part moves to the participant's credit. */
function ledgerCorrections(participantId: string, dues: readonly StaleDue[], cmd: RerateCommand, now: Date, ids: { newId(): string }, result: RerateResult): PostTransferInput[] {
  const rerated = []
  const credited = []
  for (const due of dues) {
    if (due.paidIdr === 0) {
      result.openDues++
      continue
    }
    result.paidDues++
    rerated.push(...dueRerated({ participantId, dueId: due.dueId, programme: due.programme as Programme, deltaIdr: due.newIdr - due.oldIdr }).entries)
    const overpaidIdr = due.paidIdr - due.newIdr
    if (overpaidIdr > 0) {
      credited.push(...creditHeld({ participantId, dueId: due.dueId, amountIdr: overpaidIdr }).entries)
      result.creditIdr += overpaidIdr
    }
  }
  const common = { occurredAt: now, refs: { participantId }, reason: `rerate from ${cmd.from}`, requestId: cmd.requestId ?? null }
  const out: PostTransferInput[] = []
  // A transfer holds at most 500 entries; each due adds 2, so split a long history.
  for (let i = 0; i < rerated.length; i += 480) out.push({ id: ids.newId(), kind: 'due_rerated', entries: rerated.slice(i, i + 480), ...common })
  for (let i = 0; i < credited.length; i += 480) out.push({ id: ids.newId(), kind: 'credit_held', entries: credited.slice(i, i + 480), ...common })
  return out
}
