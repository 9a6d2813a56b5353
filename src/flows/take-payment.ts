import type { LocalDate } from '../kernel/dates.js'
import { isLocalDate } from '../kernel/dates.js'
import { DomainError, isDomainError } from '../kernel/errors.js'
import { addMonths, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { requestHash, withIdempotency } from '../platform/idempotency/index.js'
import { writeAudit, type Role } from '../areas/access/index.js'
import {
  accountInputOf, allocatePayment, contributionStatus, ensureDues, insertPayment, loadAccountInput, saveContributionState, statusWithSince,
  type AccountInput, type Allocation, type PayableDue, type ParticipantContributions, type StoredDue,
} from '../areas/contributions/index.js'
import { account, accountName, allocation, dueRaised, moneyReceived, postTransfers, type AccountKey, type PostTransferInput, type Programme } from '../areas/ledger/index.js'
import { findParticipantById, findParticipantByKpj, findParticipantByNik, type ParticipantRecord } from '../areas/participants/index.js'
import { registrationToday } from './registration-context.js'

export interface TakePaymentCommand {
  /** Who pays: one of id, NIK or KPJ. */
  participant: { id?: string; nik?: string; kpj?: string }
  /** 1–12 months, arrears included; without amountIdr the result says what was charged. */
  months?: number
  amountIdr?: number
  /** The business date of the payment (may be before registration: a receipt entered late). */
  paidOn: LocalDate
  channel: string
  /** The account the money came through (default bank:counter). */
  via?: AccountKey
  sourceId?: string | null
  clientId: string
  clientKey: string
  requestId: string | null
  actor: { userId: string; role: Role } | null
}

export interface PaymentResult {
  paymentId: string
  receiptNo: string
  participantId: string
  amountIdr: number
  /** The contribution months paid, oldest first. */
  months: Month[]
  allocated: { month: Month; amountIdr: number; arrears: boolean }[]
  paidThrough: Month | null
  creditIdr: number
  status: string
}

export type TakenPayment = PaymentResult & { replayed: boolean }

/** Claims the client's key and takes the payment in ONE transaction; the same key again replays the first answer. */
export async function takePayment(sql: Sql, cmd: TakePaymentCommand, now: Date, ids: { newId(): string }): Promise<TakenPayment> {
  const hash = requestHash({ method: 'POST', url: 'take-payment', body: hashedBody(cmd) })
  const result = await withIdempotency(sql, { clientId: cmd.clientId, key: cmd.clientKey, requestHash: hash }, async (tx) => ({
    status: 201,
    body: await takePaymentIn(tx, cmd, now, ids),
  }))
  return { ...result.body, replayed: result.replayed }
}

function hashedBody(cmd: TakePaymentCommand) {
  return { participant: cmd.participant, months: cmd.months, amountIdr: cmd.amountIdr, paidOn: cmd.paidOn, channel: cmd.channel, via: cmd.via, sourceId: cmd.sourceId }
}

async function lockParticipant(tx: Sql, ref: TakePaymentCommand['participant']): Promise<ParticipantRecord> {
  let found: ParticipantRecord | null = null
  if (ref.id) found = await findParticipantById(tx, ref.id, { lock: true })
  else if (ref.nik) found = await findParticipantByNik(tx, ref.nik, { lock: true })
  else if (ref.kpj) {
    const byKpj = await findParticipantByKpj(tx, ref.kpj)
    found = byKpj && (await findParticipantById(tx, byKpj.id, { lock: true }))
  } else throw new DomainError('missing_field', 'give the participant id, NIK or KPJ', { field: 'participant' })
  if (!found) throw new DomainError('not_found', 'participant not found', { field: 'participant' })
  return found
}

/** The payable lines of a month: its open stored dues, or the engine's lines when nothing is billed for it yet. */
function linesOfMonth(c: ParticipantContributions, month: Month): PayableDue[] {
  const stored = c.dues.filter((d) => d.month === month)
  if (stored.length > 0) {
    return stored.filter((d) => d.paidOn === null).map((d) => ({ month, programme: d.programme, payer: d.payer as PayableDue['payer'], amountIdr: d.amountIdr, dueId: d.id }))
  }
  return c.linesOf(month).map((l) => ({ month, programme: l.programme, payer: l.payer, amountIdr: l.amountIdr }))
}

/**
 * What a payment on `paidOn` may settle: open arrears (oldest first), then 12 months from the next payable one, and the
 * credit held. The channel API quotes its bills from the same lines (src/flows/channel-bills.ts).
 */
export function payableLines(c: ParticipantContributions, paidOn: LocalDate): { arrears: PayableDue[]; upcoming: PayableDue[]; creditIdr: number } {
  if (c.input.rule === 'protection_period') return { arrears: [], upcoming: openProtectionLines(c, paidOn), creditIdr: c.input.creditIdr ?? 0 }
  const before = contributionStatus(c.input, paidOn)
  if (before.status === 'berhenti') throw new DomainError('invalid_state', 'the participant has ended their membership', { field: 'participant' })
  const from = before.nextPayableMonth
  if (from === null || !c.enrolment) throw new DomainError('invalid_state', 'nothing is the participant\'s to pay', { field: 'participant' })
  const arrears = before.arrears.flatMap((a) => linesOfMonth(c, a.month))
  const upcoming = Array.from({ length: 12 }, (_, i) => linesOfMonth(c, addMonths(from, i))).flat()
  return { arrears, upcoming, creditIdr: c.input.creditIdr ?? 0 }
}

/**
 * PMI/jakon: the open protection-period dues, each period one "month" (its first), oldest first. Whoever brings the money
 * to the counter pays them (the worker, or the contractor for a jakon project), so they are offered as the payer's own.
 */
function openProtectionLines(c: ParticipantContributions, paidOn: LocalDate): PayableDue[] {
  if (c.input.end && contributionStatus(c.input, paidOn).status === 'berhenti') throw new DomainError('invalid_state', 'the participant has ended their membership', { field: 'participant' })
  const open = c.dues.filter((d) => d.periodTo !== null && d.paidOn === null)
  if (open.length === 0 || !c.enrolment) throw new DomainError('invalid_state', 'no protection period is open: register one first', { field: 'participant' })
  return open.map((d) => ({ month: d.month, programme: d.programme, payer: 'self' as const, amountIdr: d.amountIdr, dueId: d.id }))
}

function allocate(c: ParticipantContributions, cmd: TakePaymentCommand): Allocation {
  const { arrears, upcoming, creditIdr } = payableLines(c, cmd.paidOn)
  try {
    return allocatePayment({
      arrears, upcoming, creditIdr,
      ...(cmd.amountIdr !== undefined ? { amountIdr: cmd.amountIdr } : {}),
      ...(cmd.months !== undefined ? { months: cmd.months } : {}),
    })
  } catch (error) {
    // An amount alone that pays no whole month is held as credit, never lost (issue 5 item 3); with `months` asked it stays refused.
    if (!(cmd.months === undefined && cmd.amountIdr !== undefined && cmd.amountIdr > 0 && isDomainError(error) && error.field === 'amountIdr' && error.code === 'invalid_input')) throw error
    return creditOnly(cmd.amountIdr, creditIdr)
  }
}

function creditOnly(amountIdr: number, creditIdr: number): Allocation {
  return { months: [], amountIdr, paidToDuesIdr: 0, creditUsedIdr: 0, cashToDuesIdr: 0, cashToCreditIdr: amountIdr, creditIdr: creditIdr + amountIdr, paidThrough: null }
}

/** When the money counts in the books: now for a payment dated today, else midday of its local date. */
function occurredAt(paidOn: LocalDate, today: LocalDate, now: Date): Date {
  return paidOn === today ? now : new Date(`${paidOn}T12:00:00+08:00`)
}

/**
 * The status engine's input after the payment, from what was loaded before it and what the payment wrote (no second
 * read): the dues it settled marked paid on `paidOn`, the dues it created, the start month it set, the credit left.
 * The same input loadAccountInput would read back in this transaction.
 */
function accountAfter(
  p: ParticipantRecord, c: ParticipantContributions,
  paid: { lines: PayableDue[]; dueIds: Map<PayableDue, string>; settled: { dueId: string; amountIdr: number }[]; paymentId: string; paidOn: LocalDate; firstMonth: Month | undefined; creditIdr: number },
): AccountInput {
  const enrolment = c.enrolment!
  const settled = new Map(paid.settled.map((s) => [s.dueId, s.amountIdr]))
  const settle = (d: StoredDue): StoredDue => {
    const amount = settled.get(d.id)
    return amount === undefined ? d : { ...d, paidOn: paid.paidOn, paidIdr: amount, paymentId: paid.paymentId }
  }
  const created: StoredDue[] = paid.lines.filter((l) => l.dueId === undefined).map((l) => ({
    id: paid.dueIds.get(l) as string, enrolmentId: enrolment.id, month: l.month, programme: l.programme, payer: l.payer, payerRef: enrolment.payerRef,
    amountIdr: l.amountIdr, dueDate: c.linesOf(l.month).find((x) => x.programme === l.programme)!.dueDate, paidOn: null, paidIdr: 0, paymentId: null, periodTo: null,
  }))
  const known = new Set(c.dues.map((d) => d.id))
  const dues = [...c.dues, ...created.filter((d) => !known.has(d.id))].map(settle)
    .sort((a, b) => (a.month === b.month ? (a.programme < b.programme ? -1 : a.programme > b.programme ? 1 : 0) : a.month < b.month ? -1 : 1))
  const startMonth = enrolment.startMonth ?? paid.firstMonth ?? null
  const employerDues = c.input.dues.slice(c.dues.length)
  return accountInputOf(p, [{ ...enrolment, startMonth }], dues, employerDues, paid.creditIdr).input
}

/** A payer the caller has already locked (findParticipant… with lock) and loaded at `asOf` in the same transaction. */
export interface LoadedPayer {
  participant: ParticipantRecord
  contributions: ParticipantContributions
  asOf: LocalDate
}

/**
 * The payment inside the caller's transaction (HTTP routes wrap it with idempotent()): lock the person, allocate
 * (arrears oldest first, then current and future months), create the months paid ahead, post money received, the
 * receivables of the dues settled and their allocation, store payment + allocations + receipt, re-evaluate the
 * status (and its next change date), audit.
 */
export async function takePaymentIn(tx: Sql, cmd: TakePaymentCommand, now: Date, ids: { newId(): string }, loaded?: LoadedPayer): Promise<PaymentResult> {
  if (!isLocalDate(cmd.paidOn)) throw new DomainError('invalid_input', 'paidOn must be YYYY-MM-DD', { field: 'paidOn' })
  const p = loaded?.participant ?? (await lockParticipant(tx, cmd.participant))
  const today = registrationToday(now, p.regencyCode)
  const statusDate = cmd.paidOn > today ? cmd.paidOn : today
  const c = loaded && loaded.asOf === statusDate ? loaded.contributions : await loadAccountInput(tx, p, statusDate)
  const alloc = allocate(c, cmd)
  if (alloc.amountIdr <= 0) throw new DomainError('invalid_input', 'the credit held already pays these months: nothing to charge', { field: 'amountIdr' })
  const enrolment = c.enrolment!
  const lines = alloc.months.flatMap((m) => m.dues)
  const missing = lines.filter((l) => l.dueId === undefined)
  const created = await ensureDues(
    tx,
    missing.map((l) => ({
      participantId: p.id, enrolmentId: enrolment.id, month: l.month, programme: l.programme, payer: l.payer, payerRef: enrolment.payerRef,
      amountIdr: l.amountIdr, dueDate: c.linesOf(l.month).find((x) => x.programme === l.programme)!.dueDate,
    })),
    now,
  )
  const dueIds = new Map(missing.map((l, i) => [l, created[i] as string]))
  const settled = lines.filter((l) => l.amountIdr > 0).map((l) => ({ dueId: l.dueId ?? (dueIds.get(l) as string), programme: l.programme as Programme, amountIdr: l.amountIdr }))
  if (enrolment.startMonth === null && alloc.months[0]) {
    await tx.query(`update enrolments set start_month = $2, updated_at = $3 where id = $1 and start_month is null`, [enrolment.id, alloc.months[0].month, now])
  }
  const paymentId = ids.newId()
  const via = cmd.via ?? account.bank('counter')
  const at = occurredAt(cmd.paidOn, today, now)
  const common = { occurredAt: at, refs: { paymentId, participantId: p.id }, requestId: cmd.requestId }
  const transfers: PostTransferInput[] = [{ id: ids.newId(), ...common, ...moneyReceived({ participantId: p.id, amountIdr: alloc.amountIdr, via }) }]
  if (settled.length > 0) {
    transfers.push({ id: ids.newId(), ...common, ...dueRaised({ participantId: p.id, lines: settled }) })
    transfers.push({ id: ids.newId(), ...common, ...allocation({ participantId: p.id, lines: settled }) })
  }
  await postTransfers(tx, transfers)
  const year = Number(today.slice(0, 4))
  const receipt = await insertPayment(
    tx,
    {
      id: paymentId, participantId: p.id, amountIdr: alloc.amountIdr, paidOn: cmd.paidOn, channel: cmd.channel, sourceId: cmd.sourceId ?? null,
      via: accountName(via), creditUsedIdr: alloc.creditUsedIdr, creditAfterIdr: alloc.creditIdr,
      clientId: cmd.clientId, clientKey: cmd.clientKey, requestId: cmd.requestId, actorId: cmd.actor?.userId ?? null, receivedAt: now,
    },
    settled.map((s) => ({ dueId: s.dueId, amountIdr: s.amountIdr })),
    year,
  )
  const { status: after, since } = statusWithSince(accountAfter(p, c, { lines, dueIds, settled, paymentId, paidOn: cmd.paidOn, firstMonth: alloc.months[0]?.month, creditIdr: alloc.creditIdr }), cmd.paidOn, statusDate)
  await saveContributionState(tx, p.id, after, since, now)
  await writeAudit(tx, {
    actor: cmd.actor, action: 'payment.take', subjectType: 'payment', subjectId: paymentId, requestId: cmd.requestId,
    details: { participantId: p.id, monthsCount: alloc.months.length, amountIdr: alloc.amountIdr },
  })
  return {
    paymentId, receiptNo: receipt.receiptNo, participantId: p.id, amountIdr: alloc.amountIdr,
    months: alloc.months.map((m) => m.month),
    allocated: alloc.months.map((m) => ({ month: m.month, amountIdr: m.amountIdr, arrears: m.arrears })),
    paidThrough: after.paidThrough, creditIdr: alloc.creditIdr, status: after.status,
  }
}

