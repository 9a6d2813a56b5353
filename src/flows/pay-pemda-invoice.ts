import { isLocalDate, type LocalDate } from '../kernel/dates.js'
import { DomainError } from '../kernel/errors.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { refreshContributionStates, settleDuesForPayer } from '../areas/contributions/index.js'
import { account, invoicePaid, postTransfers } from '../areas/ledger/index.js'
import { findPemdaInvoice, findPemdaInvoicePayment, insertPemdaInvoicePayment, listInvoiceItems, type StoredPemdaInvoice } from '../areas/pemda/index.js'
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
  /** Must be the invoice's amount when given. */
  amountIdr?: number | undefined
  /** The client's idempotency key; default `<invoiceNo>:r<revision>:<paidOn>`. */
  clientKey?: string | undefined
  actor: Actor | null
  requestId: string | null
}

export interface PemdaInvoicePaid {
  invoiceId: string
  invoiceNo: string
  paidOn: LocalDate
  amountIdr: number
  revision: number
  /** Members whose dues this payment settled, and how many of them are now aktif. */
  membersSettled: number
  membersAktif: number
  replayed: boolean
}

async function findInvoice(sql: Sql, ref: string): Promise<StoredPemdaInvoice | null> {
  return /^[0-9a-f-]{36}$/i.test(ref) ? findPemdaInvoice(sql, { id: ref }, true) : findPemdaInvoice(sql, { invoiceNo: ref }, true)
}

/**
 * Pays a pemda invoice in full (issue 8 item 3): `invoice_paid` from the collection bank clears the programme's
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
    const clientKey = cmd.clientKey ?? `${invoice.invoiceNo}:r${invoice.revision}:${cmd.paidOn}`
    const answer = (paidOn: LocalDate, settled: number, aktif: number, replayed: boolean): PemdaInvoicePaid => ({
      invoiceId: invoice.id, invoiceNo: invoice.invoiceNo, paidOn, amountIdr: invoice.amountIdr, revision: invoice.revision, membersSettled: settled, membersAktif: aktif, replayed,
    })
    const paid = await findPemdaInvoicePayment(tx, invoice.id)
    if (paid) {
      if (paid.clientKey === clientKey && paid.paidOn === cmd.paidOn) return answer(paid.paidOn, 0, 0, true)
      if (paid.clientKey === clientKey) throw new DomainError('idempotency_conflict', `Kunci ${clientKey} sudah dipakai untuk pembayaran lain tagihan ini.`, { field: 'clientKey' })
      throw new DomainError('invalid_state', `Tagihan ${invoice.invoiceNo} sudah dibayar pada ${paid.paidOn}.`, { field: 'invoice' })
    }
    if (cmd.amountIdr !== undefined && cmd.amountIdr !== invoice.amountIdr) {
      throw new DomainError('invalid_input', `Tagihan ${invoice.invoiceNo} harus dibayar penuh Rp${invoice.amountIdr.toLocaleString('id-ID')}.`, { field: 'amountIdr', neededIdr: invoice.amountIdr })
    }
    await insertPemdaInvoicePayment(tx, { invoiceId: invoice.id, clientKey, paidOn: cmd.paidOn, amountIdr: invoice.amountIdr, revision: invoice.revision }, now)
    if (invoice.amountIdr > 0) {
      await postTransfers(tx, [{
        id: ids.newId(), occurredAt: startOfLocalDate(cmd.paidOn, programme.regionCode),
        ...invoicePaid({ payer: { kind: 'pemda', id: programme.id }, amountIdr: invoice.amountIdr, via: account.bank(PEMDA_COLLECTION_BANK) }),
        refs: { invoiceId: invoice.id }, requestId: cmd.requestId,
      }])
    }
    const items = await listInvoiceItems(tx, invoice.id)
    const members = [...new Set(items.map((i) => i.participantId))]
    const settled = await settleDuesForPayer(tx, { payer: 'pemda', payerRef: programme.id }, items, {
      reference: invoice.invoiceNo, clientId: 'pemda-invoice', channel: 'pemda', via: `bank:${PEMDA_COLLECTION_BANK}`, paidOn: cmd.paidOn,
      requestId: cmd.requestId, actorId: cmd.actor?.userId ?? null, receivedAt: now,
    })
    const states = await refreshContributionStates(tx, members, cmd.paidOn, now)
    const aktif = [...states.values()].filter((s) => s.status === 'aktif').length
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: 'pemda.invoice.pay', subjectType: 'pemda_invoice', subjectId: invoice.id, requestId: cmd.requestId,
      details: { programmeId: programme.id, month: invoice.month, revision: invoice.revision, amountIdr: invoice.amountIdr, members: settled },
    })
    return answer(cmd.paidOn, settled, aktif, false)
  })
}
