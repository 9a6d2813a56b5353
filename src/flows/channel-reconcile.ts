import { createHash } from 'node:crypto'
import { DomainError } from '../kernel/errors.js'
import { isLocalDate } from '../kernel/dates.js'
import type { Sql } from '../platform/db/sql.js'
import { openTable } from '../platform/tabular/index.js'
import { withIdempotency } from '../platform/idempotency/index.js'
import { digestFile } from './import-participants/file-digest.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { channelSettled, postTransfer } from '../areas/ledger/index.js'
import {
  channelRegistrationsOfDay, channelTransactionsOfDay, feesOfDay, findPartnerById, insertReconciliation, markDaySettled, reconcile, reportCsv, settlementRow, SETTLEMENT_COLUMNS, TRANSACTION_STATUS, wibTimestamp,
  type ChannelRegistrationOutcome, type DayFees, type Reconciliation, type ReportLine, type SettlementRow, type StoredReconciliation,
} from '../areas/channels/index.js'

async function partnerOf(sql: Sql, partnerId: string) {
  const partner = await findPartnerById(sql, partnerId)
  if (!partner) throw new DomainError('not_found', 'Mitra tidak ditemukan.', { field: 'partner' })
  return partner
}

function checkDate(date: string): void {
  if (!isLocalDate(date)) throw new DomainError('invalid_date', 'Tanggal harus YYYY-MM-DD (hari kerja WIB).', { field: 'date' })
}

export interface ChannelReport {
  partnerId: string
  date: string
  csv: string
  sha256: string
  records: number
  fees: DayFees
  /** The rows of the CSV (what the staff page shows, customerNo masked there). */
  lines: ReportLine[]
  /** The day's registrations at the partner's counter (service 90): not money, so not in the CSV, its trailer or the fees. */
  registrations: { trxDateTime: string; partnerReferenceNo: string; externalId: string; outcome: ChannelRegistrationOutcome; kpj: string | null }[]
}

/**
 * Semesta's daily report for a partner and WIB day (channel-api.md §11): one row per payment (status 00) and per
 * reversal (status 05, a negative amount, reversalOf = the payment's paymentRequestId), a trailer with the count and
 * the sum, and the SHA-256 of the file. The fees of the day's standing payments are netted at settlement. Beside the
 * file: the day's registrations at the counter (service 90), for the staff.
 */
export async function channelReport(sql: Sql, partnerId: string, date: string): Promise<ChannelReport> {
  checkDate(date)
  await partnerOf(sql, partnerId)
  const rows = await channelTransactionsOfDay(sql, partnerId, date)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const lines: ReportLine[] = rows.map((r) => ({
    trxDateTime: wibTimestamp(r.occurredAt), partnerId, paymentRequestId: r.kind === 'payment' ? r.reference : (r.reversalOf ? byId.get(r.reversalOf)?.reference ?? r.reference : r.reference),
    referenceNo: r.partnerReferenceNo, externalId: r.externalId, customerNo: r.customerNo, kodeIuran: r.receiptNo, periods: r.months,
    amountIdr: r.kind === 'payment' ? r.amountIdr : -r.amountIdr, feeIdr: r.feeIdr,
    status: r.kind === 'payment' ? TRANSACTION_STATUS.success : TRANSACTION_STATUS.canceled, reversalOf: r.kind === 'reversal' ? r.reference : null,
  }))
  const csv = reportCsv(lines)
  const registrations = (await channelRegistrationsOfDay(sql, partnerId, date)).map((r) => ({
    trxDateTime: wibTimestamp(r.occurredAt), partnerReferenceNo: r.partnerReferenceNo, externalId: r.externalId, outcome: r.outcome, kpj: r.kpj,
  }))
  return { partnerId, date, csv, sha256: createHash('sha256').update(csv).digest('hex'), records: lines.length, fees: await feesOfDay(sql, partnerId, date), lines, registrations }
}

/** Matches a partner's settlement rows against Semesta's standing (not reversed) payments of that WIB day. */
export async function reconcileChannel(sql: Sql, partnerId: string, date: string, rows: readonly SettlementRow[]): Promise<Reconciliation & { fees: DayFees }> {
  checkDate(date)
  await partnerOf(sql, partnerId)
  const booked = (await channelTransactionsOfDay(sql, partnerId, date))
    .filter((t) => t.kind === 'payment' && t.reversedBy === null)
    .map((t) => ({ paymentRequestId: t.reference, customerNo: t.customerNo, amountIdr: t.amountIdr, receiptNo: t.receiptNo }))
  return { ...reconcile(rows, booked), fees: await feesOfDay(sql, partnerId, date) }
}

/**
 * Staff reconcile a partner's uploaded settlement file (issue 9 item 7): the same matching as `semesta reconcile`,
 * kept (channel_reconciliations: counts and differences, no customer numbers, with the file's SHA-256, who and when)
 * and audited (counts only), in one transaction. A day reconciled again keeps both runs.
 */
export async function reconcileUploadedSettlement(
  sql: Sql, cmd: { partnerId: string; date: string; file: string; actor: Actor; requestId: string | null }, now: Date, ids: { newId(): string },
): Promise<StoredReconciliation & { fees: DayFees }> {
  checkDate(cmd.date)
  await partnerOf(sql, cmd.partnerId)
  const rows = await readSettlementFile(cmd.file)
  const { sha256: fileSha256 } = await digestFile(cmd.file)
  return sql.transaction(async (tx) => {
    const result = await reconcileChannel(tx, cmd.partnerId, cmd.date, rows)
    const stored: StoredReconciliation = {
      id: ids.newId(), partnerId: cmd.partnerId, date: cmd.date, fileSha256, rows: rows.length, actorId: cmd.actor.userId, reconciledAt: now,
      matched: result.matched, onlyAtPartner: result.onlyAtPartner, onlyAtSemesta: result.onlyAtSemesta, amountDiffers: result.amountDiffers,
    }
    await insertReconciliation(tx, stored)
    await writeAudit(tx, {
      actor: cmd.actor, action: 'channel.reconcile', subjectType: 'channel_partner', subjectId: cmd.partnerId, requestId: cmd.requestId, occurredAt: now,
      details: { reconciliationId: stored.id, date: cmd.date, rows: rows.length, matched: result.matched, onlyAtPartner: result.onlyAtPartner.length, onlyAtSemesta: result.onlyAtSemesta.length, amountDiffers: result.amountDiffers.length },
    })
    return { ...stored, fees: result.fees }
  })
}


/** Reads a settlement CSV (`trxDateTime, paymentRequestId, customerNo, amount`). */
export async function readSettlementFile(file: string): Promise<SettlementRow[]> {
  const table = await openTable(file, { requiredColumns: SETTLEMENT_COLUMNS.map((c) => c.toLowerCase()) })
  const out: SettlementRow[] = []
  for await (const row of table.rows) {
    const v = row.values
    out.push(settlementRow(row.line, { trxDateTime: v.trxdatetime ?? '', paymentRequestId: v.paymentrequestid ?? '', customerNo: v.customerno ?? '', amount: v.amount ?? '' }))
  }
  return out
}

export interface ChannelSettlement {
  partnerId: string
  date: string
  transferId: string
  grossIdr: number
  feeIdr: number
  netIdr: number
  replayed: boolean
}

/**
 * A partner settles a WIB day (channel-api.md §11, issue 6 item 5): what it collected for the day's standing payments
 * leaves its channel_in_transit account, the net (gross − fee) into the BPJS bank account and the fee to the
 * partner_fee expense. Once per partner and day (the same again replays).
 */
export async function settleChannelDay(sql: Sql, cmd: { partnerId: string; date: string; bankCode: string; requestId: string | null }, now: Date, ids: { newId(): string }): Promise<ChannelSettlement> {
  checkDate(cmd.date)
  await partnerOf(sql, cmd.partnerId)
  const stored = await withIdempotency(sql, { clientId: `settle:${cmd.partnerId}`, key: cmd.date, requestHash: cmd.bankCode }, async (tx) => {
    const fees = await feesOfDay(tx, cmd.partnerId, cmd.date)
    if (fees.grossIdr === 0) throw new DomainError('invalid_state', 'Tidak ada pembayaran mitra pada hari itu.', { field: 'date' })
    const transferId = ids.newId()
    await postTransfer(tx, {
      id: transferId, occurredAt: now, requestId: cmd.requestId, reason: `settlement ${cmd.date}`,
      ...channelSettled({ channelId: cmd.partnerId, bankCode: cmd.bankCode, grossIdr: fees.grossIdr, feeIdr: fees.feeIdr }),
    })
    await markDaySettled(tx, cmd.partnerId, cmd.date, transferId)
    await writeAudit(tx, {
      actor: null, action: 'channel.settle', subjectType: 'channel_partner', subjectId: cmd.partnerId, requestId: cmd.requestId,
      details: { transferId, grossIdr: fees.grossIdr, feeIdr: fees.feeIdr, payments: fees.payments },
    })
    return { status: 200, body: { partnerId: cmd.partnerId, date: cmd.date, transferId, grossIdr: fees.grossIdr, feeIdr: fees.feeIdr, netIdr: fees.netIdr } }
  })
  return { ...stored.body, replayed: stored.replayed }
}
