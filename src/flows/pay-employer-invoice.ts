import { contributionStatus, LAPSE_RULE, saveContributionState, type Due } from '../areas/contributions/index.js'
import {
  findEmployerById, findInvoice, findInvoicePayment, insertInvoicePayment, invoiceFines, listInvoiceLines, workerInvoiceLines, type StoredInvoice,
  type StoredInvoiceLine,
} from '../areas/employers/index.js'
import { findParticipantById } from '../areas/participants/index.js'
import { account, fineRaised, invoicePaid, postTransfers, type PostTransferInput } from '../areas/ledger/index.js'
import { loadRegulationSet, type RegulationSet } from '../areas/programmes/index.js'
import { isLocalDate, timeZoneOfRegion, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'

export interface PayEmployerInvoiceCommand {
  invoiceId: string
  paidOn: LocalDate
  /** What the employer pays: must be the contributions plus the fines at `paidOn`; omit to pay exactly that. */
  amountIdr?: number | undefined
  /** The client's idempotency key; default `<invoiceNo>:<paidOn>`. */
  clientKey?: string | undefined
  requestId?: string | null
}

export interface EmployerInvoicePaid {
  invoiceId: string
  invoiceNo: string
  paidOn: LocalDate
  amountIdr: number
  fineIdr: number
  totalIdr: number
  lateMonths: number
  fines: Array<{ lineNo: number; programme: string; lateMonths: number; fineIdr: number }>
  replayed: boolean
}

/** The account employer settlements arrive in (flagged: one collection account until banks are modelled). */
export const EMPLOYER_COLLECTION_BANK = 'pu-collections'

/** Business time of a local date: its start in the employer's zone (WITA, or WIT for the Papua provinces). */
export function startOfLocalDate(date: LocalDate, regencyCode: string): Date {
  return new Date(`${date}T00:00:00${timeZoneOfRegion(regencyCode) === 'Asia/Jayapura' ? '+09:00' : '+08:00'}`)
}

/**
 * Pays an employer invoice in full with its late fines (regulations.md §2.5: 2 % per started month of delay on each
 * late line, borne by the employer; E8). Idempotent: the same key replays the stored answer; another key or another
 * request for a paid invoice is refused. Ledger: `fine_raised` per programme, then `invoice_paid` of the total.
 */
export async function payEmployerInvoice(
  sql: Sql,
  cmd: PayEmployerInvoiceCommand,
  options: { now?: Date; newId?: () => string; regs?: RegulationSet } = {},
): Promise<EmployerInvoicePaid> {
  if (!isLocalDate(cmd.paidOn)) throw new DomainError('invalid_date', `paidOn ${cmd.paidOn} is not a date (YYYY-MM-DD)`, { field: 'paidOn' })
  const regs = options.regs ?? loadRegulationSet()
  const makeId = options.newId ?? newId
  return sql.transaction(async (tx) => {
    const invoice = await findInvoice(tx, { id: cmd.invoiceId }, true)
    if (!invoice) throw new DomainError('not_found', `no employer invoice ${cmd.invoiceId}`, { field: 'invoiceId' })
    const clientKey = cmd.clientKey ?? `${invoice.invoiceNo}:${cmd.paidOn}`
    const lines = await listInvoiceLines(tx, invoice.id)
    const fines = invoiceFines({ ...invoice, lines }, cmd.paidOn, regs)
    const fineIdr = fines.reduce((sum, f) => sum + f.fineIdr, 0)
    const answer = (replayed: boolean, paidOn = cmd.paidOn, shown = fines): EmployerInvoicePaid => {
      const shownFineIdr = shown.reduce((sum, f) => sum + f.fineIdr, 0)
      return {
        invoiceId: invoice.id, invoiceNo: invoice.invoiceNo, paidOn, amountIdr: invoice.amountIdr, fineIdr: shownFineIdr,
        totalIdr: invoice.amountIdr + shownFineIdr, lateMonths: shown[0]?.lateMonths ?? 0, fines: shown, replayed,
      }
    }
    const paid = await findInvoicePayment(tx, invoice.id)
    if (paid) {
      const sameRequest = paid.paidOn === cmd.paidOn && (cmd.amountIdr === undefined || cmd.amountIdr === paid.totalIdr)
      if (paid.clientKey === clientKey && sameRequest) return answer(true, paid.paidOn, invoiceFines({ ...invoice, lines }, paid.paidOn, regs))
      if (paid.clientKey === clientKey) throw new DomainError('idempotency_conflict', `key ${clientKey} was used for another payment of ${invoice.invoiceNo}`, { field: 'clientKey' })
      throw new DomainError('invalid_state', `invoice ${invoice.invoiceNo} was already paid on ${paid.paidOn}`, { field: 'invoiceId' })
    }
    const totalIdr = invoice.amountIdr + fineIdr
    if (cmd.amountIdr !== undefined && cmd.amountIdr !== totalIdr) {
      throw new DomainError('invalid_input', `invoice ${invoice.invoiceNo} paid on ${cmd.paidOn} needs Rp${totalIdr} (contributions ${invoice.amountIdr} + fines ${fineIdr})`, {
        field: 'amountIdr', neededIdr: totalIdr,
      })
    }
    const paymentId = makeId()
    await insertInvoicePayment(tx, { id: paymentId, invoiceId: invoice.id, clientKey, paidOn: cmd.paidOn, amountIdr: invoice.amountIdr, fineIdr, totalIdr }, options.now ?? new Date())
    await postTransfers(tx, await paymentTransfers(tx, invoice, fines, totalIdr, cmd, paymentId, makeId))
    await activateNewWorkers(tx, lines, cmd.paidOn, options.now ?? new Date())
    return answer(false)
  })
}

async function paymentTransfers(
  sql: Sql, invoice: StoredInvoice, fines: ReturnType<typeof invoiceFines>, totalIdr: number, cmd: PayEmployerInvoiceCommand, paymentId: string, makeId: () => string,
): Promise<PostTransferInput[]> {
  const employer = await findEmployerById(sql, invoice.employerId)
  const occurredAt = startOfLocalDate(cmd.paidOn, employer?.regencyCode ?? '51.71')
  const payer = { kind: 'employer' as const, id: invoice.employerId }
  const refs = { invoiceId: invoice.id, paymentId }
  const byProgramme = new Map<string, number>()
  for (const f of fines) byProgramme.set(f.programme, (byProgramme.get(f.programme) ?? 0) + f.fineIdr)
  const transfers: PostTransferInput[] = []
  for (const [programme, amountIdr] of byProgramme) {
    if (amountIdr === 0) continue
    transfers.push({ id: makeId(), occurredAt, ...fineRaised({ payer, programme: programme.toUpperCase() as 'JKK', amountIdr }), refs, requestId: cmd.requestId ?? null })
  }
  if (totalIdr > 0) transfers.push({ id: makeId(), occurredAt, ...invoicePaid({ payer, amountIdr: totalIdr, via: account.bank(EMPLOYER_COLLECTION_BANK) }), refs, requestId: cmd.requestId ?? null })
  return transfers
}

/**
 * A PU worker is `terdaftar` until their employer's first contribution is paid, then `aktif` while employed whatever the
 * employer owes (DESIGN.md §7): the first paid invoice moves its new workers. Others are left alone (an ended worker
 * stays `berhenti`; an aktif one stays aktif).
 */
async function activateNewWorkers(sql: Sql, lines: readonly StoredInvoiceLine[], paidOn: LocalDate, now: Date): Promise<void> {
  for (const participantId of new Set(lines.map((l) => l.participantId))) {
    const participant = await findParticipantById(sql, participantId, { lock: true })
    if (participant?.status !== 'terdaftar') continue
    const billed = await workerInvoiceLines(sql, participantId)
    const dues: Due[] = billed.map((l) => ({ month: l.month, programme: l.programme, payer: 'employer', amountIdr: l.amountIdr, dueDate: l.dueDate, paidOn: l.paidOn }))
    const status = contributionStatus({ rule: 'employer_carries', lapse: LAPSE_RULE, firstDueMonth: billed[0]?.month ?? null, dues }, paidOn)
    await saveContributionState(sql, participantId, status, paidOn, now)
  }
}
