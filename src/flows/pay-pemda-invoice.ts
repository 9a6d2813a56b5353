import { isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { refreshContributionStates, settleDuesForPayer } from '../areas/contributions/index.js'
import { account, invoicePaid, postTransfers } from '../areas/ledger/index.js'
import { coveredMemberMonths, findPemdaInvoice, findPemdaInvoicePayment, insertPemdaInvoicePayment, listInvoiceItems, type StoredPemdaInvoice } from '../areas/pemda/index.js'
import { auditActor } from './participant-guard.js'
import { startOfLocalDate } from './pay-employer-invoice.js'
import { programmeFor } from './pemda-programmes.js'
import type { IdSource } from './register-participant.js'

/** The account APBD transfers for pemda invoices arrive in (flagged: one collection account until banks are modelled). */
export const PEMDA_COLLECTION_BANK = 'pemda-collections'

export interface PayPemdaInvoiceCommand {
  /** The invoice id or number. */
  invoice: string
  paidOn: LocalDate
  /** Default: what is still open; less pays part of the invoice (coveredMemberMonths), more is refused. */
  amountIdr?: number | undefined
  /** The client's idempotency key; default `<invoiceNo>:r<revision>:<paidOn>` (two part payments on one day need their own keys). */
  clientKey?: string | undefined
  actor: Actor | null
  requestId: string | null
}

export interface PemdaInvoicePaid {
  invoiceId: string
  invoiceNo: string
  paidOn: LocalDate
  /** This payment's amount; paidIdr the invoice's total paid after it, openIdr what is left. */
  amountIdr: number
  revision: number
  paidIdr: number
  openIdr: number
  fullyPaid: boolean
  /** Members whose dues this payment settled, and how many of them are now aktif. */
  membersSettled: number
  membersAktif: number
  replayed: boolean
}

async function findInvoice(sql: Sql, ref: string): Promise<StoredPemdaInvoice | null> {
  return /^[0-9a-f-]{36}$/i.test(ref) ? findPemdaInvoice(sql, { id: ref }, true) : findPemdaInvoice(sql, { invoiceNo: ref }, true)
}

/**
 * Pays a pemda invoice, in full or in part (issue 8 item 3): `invoice_paid` from the collection bank clears the programme's
 * payer_receivable; the members' dues on the invoice are settled (one payment per member, no bukti bayar: the
 * invoice is the document), and their statuses are re-evaluated by the contributions rules at the payment date
 * (terdaftar → aktif on the first paid invoice; arrears cleared). Idempotent on the client key.
 */
export async function payPemdaInvoice(sql: Sql, cmd: PayPemdaInvoiceCommand, now: Date, ids: IdSource): Promise<PemdaInvoicePaid> {
  if (!isLocalDate(cmd.paidOn)) throw new DomainError('invalid_date', `Tanggal bayar ${cmd.paidOn} bukan tanggal (YYYY-MM-DD).`, { field: 'paidOn' })
  const found = await findPemdaInvoice(sql, /^[0-9a-f-]{36}$/i.test(cmd.invoice) ? { id: cmd.invoice } : { invoiceNo: cmd.invoice })
  if (!found) throw new DomainError('not_found', `Tagihan ${cmd.invoice} tidak ditemukan.`, { field: 'invoice' })
  const programme = await programmeFor(sql, found.programmeId, cmd.actor, 'pemda.write', cmd.requestId)
  return sql.transaction(async (tx) => {
    const invoice = (await findInvoice(tx, found.id))!
    const before = await findPemdaInvoicePayment(tx, invoice.id)
    const paidBefore = before?.paidIdr ?? 0
    const clientKey = cmd.clientKey ?? `${invoice.invoiceNo}:r${invoice.revision}:${cmd.paidOn}`
    const answer = (paidOn: LocalDate, amountIdr: number, paidIdr: number, settled: number, aktif: number, replayed: boolean): PemdaInvoicePaid => ({
      invoiceId: invoice.id, invoiceNo: invoice.invoiceNo, paidOn, amountIdr, revision: invoice.revision, paidIdr, openIdr: invoice.amountIdr - paidIdr,
      fullyPaid: paidIdr >= invoice.amountIdr, membersSettled: settled, membersAktif: aktif, replayed,
    })
    const same = before?.payments.find((p) => p.clientKey === clientKey)
    if (same) {
      if (same.paidOn === cmd.paidOn && (cmd.amountIdr === undefined || cmd.amountIdr === same.amountIdr)) return answer(same.paidOn, same.amountIdr, paidBefore, 0, 0, true)
      throw new DomainError('idempotency_conflict', `Kunci ${clientKey} sudah dipakai untuk pembayaran lain tagihan ini.`, { field: 'clientKey' })
    }
    const openIdr = invoice.amountIdr - paidBefore
    if (before && openIdr <= 0) throw new DomainError('invalid_state', `Tagihan ${invoice.invoiceNo} sudah lunas pada ${before.paidOn}.`, { field: 'invoice' })
    const amountIdr = cmd.amountIdr ?? openIdr
    if (!Number.isSafeInteger(amountIdr) || amountIdr < (openIdr > 0 ? 1 : 0) || amountIdr > openIdr) {
      throw new DomainError('invalid_input', `Tagihan ${invoice.invoiceNo}: bayar paling banyak sisa Rp${openIdr.toLocaleString('id-ID')}.`, { field: 'amountIdr', neededIdr: openIdr })
    }
    await insertPemdaInvoicePayment(tx, { invoiceId: invoice.id, clientKey, paidOn: cmd.paidOn, amountIdr, revision: invoice.revision }, now)
    if (amountIdr > 0) {
      await postTransfers(tx, [{
        id: ids.newId(), occurredAt: startOfLocalDate(cmd.paidOn, programme.regionCode),
        ...invoicePaid({ payer: { kind: 'pemda', id: programme.id }, amountIdr, via: account.bank(PEMDA_COLLECTION_BANK) }),
        refs: { invoiceId: invoice.id }, requestId: cmd.requestId,
      }])
    }
    const paidIdr = paidBefore + amountIdr
    // what the money so far covers, in the documented order; the member-months already settled are skipped by settleDuesForPayer
    const items = coveredMemberMonths(await listInvoiceItems(tx, invoice.id), programme.groups.map((g) => g.code), paidIdr)
    const members = [...new Set(items.map((i) => i.participantId))]
    const nth = (before?.payments.length ?? 0) + 1
    const settled = await settleDuesForPayer(tx, { payer: 'pemda', payerRef: programme.id }, items, {
      reference: nth === 1 ? invoice.invoiceNo : `${invoice.invoiceNo}-${nth}`, clientId: 'pemda-invoice', channel: 'pemda', via: `bank:${PEMDA_COLLECTION_BANK}`, paidOn: cmd.paidOn,
      requestId: cmd.requestId, actorId: cmd.actor?.userId ?? null, receivedAt: now,
    })
    const states = await refreshContributionStates(tx, members, cmd.paidOn, now)
    const aktif = [...states.values()].filter((s) => s.status === 'aktif').length
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'pemda.invoice.pay', subjectType: 'pemda_invoice', subjectId: invoice.id, requestId: cmd.requestId,
      details: { programmeId: programme.id, month: invoice.month, revision: invoice.revision, amountIdr, paidIdr, members: settled },
    })
    return answer(cmd.paidOn, amountIdr, paidIdr, settled, aktif, false)
  })
}
