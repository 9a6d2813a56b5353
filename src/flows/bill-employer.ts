import {
  draftInvoice, findEmployersByNpp, findInvoice, insertInvoice, invoiceNumber, listInvoiceLines, normaliseNpp, workerWagesInMonth,
  type EmployerRecord, type StoredInvoice, type StoredInvoiceLine,
} from '../areas/employers/index.js'
import { dueRaised, invoiceRaised, postTransfers, type PostTransferInput } from '../areas/ledger/index.js'
import { loadHolidayCalendar, loadRegulationSet, type HolidayCalendar, type RegulationSet } from '../areas/programmes/index.js'
import { DomainError } from '../kernel/errors.js'
import { checkMonth } from '../areas/employers/index.js'
import type { Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'

export { payEmployerInvoice, type PayEmployerInvoiceCommand, type EmployerInvoicePaid } from './pay-employer-invoice.js'
export { employerArrears, type EmployerArrears } from './employer-arrears.js'

export interface EngineOptions {
  regs?: RegulationSet
  calendar?: HolidayCalendar
}

export interface BilledEmployerInvoice {
  invoiceId: string
  invoiceNo: string
  employer: { id: string; npp: string; name: string }
  month: Month
  workers: number
  amountIdr: number
  dueDate: string
  lines: Array<Pick<StoredInvoiceLine, 'lineNo' | 'participantId' | 'programme' | 'payer' | 'wageIdr' | 'baseIdr' | 'rateppm' | 'amountIdr'>>
  replayed: boolean
}

/** Lines per invoice_raised transfer (a transfer holds at most 500 entries). */
const LINES_PER_TRANSFER = 400

export async function findEmployerByNpp(sql: Sql, npp: string): Promise<EmployerRecord> {
  const normalised = normaliseNpp(npp)
  const [employer] = await findEmployersByNpp(sql, [normalised])
  if (!employer) throw new DomainError('not_found', `no employer with NPP ${normalised}`, { field: 'npp' })
  return employer
}

/**
 * The monthly PU invoice of one employer (issue 5 item 5): the engine's quote per worker from the wages in force,
 * stored with its lines and raised in the ledger (each line a due of its worker taken over by the employer's
 * payer_receivable). Billing a month already billed returns that invoice (`replayed`), so the run is idempotent.
 */
export async function billEmployer(
  sql: Sql,
  cmd: { npp: string; month: string; requestId?: string | null },
  now: Date,
  ids: { newId(): string },
  engine: EngineOptions = {},
): Promise<BilledEmployerInvoice> {
  const month = checkMonth(cmd.month)
  const regs = engine.regs ?? loadRegulationSet()
  const calendar = engine.calendar ?? loadHolidayCalendar()
  return sql.transaction(async (tx) => {
    const employer = await findEmployerByNpp(tx, cmd.npp)
    const existing = await findInvoice(tx, { employerId: employer.id, month })
    if (existing) return present(employer, existing, await listInvoiceLines(tx, existing.id), true)
    const draft = draftInvoice(employer, month, await workerWagesInMonth(tx, employer.id, month), regs, calendar)
    const invoiceId = ids.newId()
    const lines: StoredInvoiceLine[] = draft.lines.map((l) => ({ ...l, id: ids.newId(), invoiceId }))
    const transfers = invoiceTransfers(employer.id, invoiceId, lines, now, ids, cmd.requestId ?? null)
    const invoice: StoredInvoice = {
      id: invoiceId, invoiceNo: invoiceNumber(employer.npp, month), employerId: employer.id, month, dueDate: draft.dueDate,
      workers: draft.workers, amountIdr: draft.amountIdr, transferId: transfers.at(-1)!.id, createdAt: now,
    }
    const stored = await insertInvoice(tx, invoice, lines)
    if (!stored) {
      const raced = await findInvoice(tx, { employerId: employer.id, month })
      if (!raced) throw new DomainError('conflict', `invoice ${invoice.invoiceNo} is being written by another request`)
      return present(employer, raced, await listInvoiceLines(tx, raced.id), true)
    }
    await postTransfers(tx, transfers)
    return present(employer, stored, lines, false)
  })
}

/** Each worker's lines become their dues (receivable ← programme), then the employer takes them over (payer_receivable). */
function invoiceTransfers(employerId: string, invoiceId: string, lines: readonly StoredInvoiceLine[], now: Date, ids: { newId(): string }, requestId: string | null): PostTransferInput[] {
  const byWorker = new Map<string, StoredInvoiceLine[]>()
  for (const line of lines) byWorker.set(line.participantId, [...(byWorker.get(line.participantId) ?? []), line])
  const transfers: PostTransferInput[] = []
  for (const [participantId, own] of byWorker) {
    const draft = dueRaised({ participantId, lines: own.map((l) => ({ dueId: l.id, programme: ledgerProgramme(l.programme), amountIdr: l.amountIdr })) })
    transfers.push({ id: ids.newId(), occurredAt: now, ...draft, refs: { invoiceId, participantId }, requestId })
  }
  for (let i = 0; i < lines.length; i += LINES_PER_TRANSFER) {
    const chunk = lines.slice(i, i + LINES_PER_TRANSFER)
    const draft = invoiceRaised({ payer: { kind: 'employer', id: employerId }, lines: chunk.map((l) => ({ participantId: l.participantId, dueId: l.id, amountIdr: l.amountIdr })) })
    transfers.push({ id: ids.newId(), occurredAt: now, ...draft, refs: { invoiceId }, requestId })
  }
  return transfers
}

export function ledgerProgramme(programme: string): 'JKK' | 'JKM' | 'JHT' | 'JP' {
  return programme.toUpperCase() as 'JKK' | 'JKM' | 'JHT' | 'JP'
}

function present(employer: EmployerRecord, invoice: StoredInvoice, lines: readonly StoredInvoiceLine[], replayed: boolean): BilledEmployerInvoice {
  return {
    invoiceId: invoice.id,
    invoiceNo: invoice.invoiceNo,
    employer: { id: employer.id, npp: employer.npp, name: employer.name },
    month: invoice.month,
    workers: invoice.workers,
    amountIdr: invoice.amountIdr,
    dueDate: invoice.dueDate,
    lines: lines.map(({ lineNo, participantId, programme, payer, wageIdr, baseIdr, rateppm, amountIdr }) => ({ lineNo, participantId, programme, payer, wageIdr, baseIdr, rateppm, amountIdr })),
    replayed,
  }
}
