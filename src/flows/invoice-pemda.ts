import type { Writable } from 'node:stream'
import { DomainError } from '../kernel/errors.js'
import { isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { writeTable } from '../platform/tabular/index.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { contributionDueDate, dueKindOf, removeOpenPayerDues, upsertPayerDues, type NewDue } from '../areas/contributions/index.js'
import { reverseTransfer } from '../areas/ledger/index.js'
import {
  billedElsewhere, chargeTable, draftInvoice, DUES_PER_RAISED_TRANSFER, raiseInvoiceInLedger, findPemdaInvoice, findPemdaInvoicePayment, findProgramme, insertPemdaInvoice, invoiceMemberList,
  invoiceNumber, listBillableMembers, listInvoiceItems, listPemdaInvoiceLines, memberMonthsThrough, revisePemdaInvoice, sameItems,
  type MemberMonth, type StoredInvoiceItem, type StoredPemdaInvoice, type StoredPemdaInvoiceLine,
} from '../areas/pemda/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../areas/programmes/index.js'
import { auditActor } from './participant-guard.js'
import { programmeFor, type EngineOptions } from './pemda-programmes.js'
import type { IdSource } from './register-participant.js'

export interface PemdaInvoiceView {
  invoiceId: string
  invoiceNo: string
  programme: string
  month: Month
  revision: number
  workers: number
  memberMonths: number
  amountIdr: number
  /** FLAGGED: the 15th of the month (the BPU JKK/JKM rule, moved past holidays). */
  dueDate: string
  lines: Array<{ group: string; workers: number; memberMonths: number; amountIdr: number }>
  paidOn: string | null
  /** true when the stored invoice was returned unchanged (same member-months as before). */
  replayed: boolean
  revised: boolean
}

export function present(invoice: StoredPemdaInvoice, lines: readonly StoredPemdaInvoiceLine[], paidOn: string | null, flags: { replayed: boolean; revised: boolean }): PemdaInvoiceView {
  return {
    invoiceId: invoice.id, invoiceNo: invoice.invoiceNo, programme: invoice.programmeId, month: invoice.month, revision: invoice.revision,
    workers: invoice.workers, memberMonths: invoice.memberMonths, amountIdr: invoice.amountIdr, dueDate: invoice.dueDate,
    lines: lines.map(({ group, workers, memberMonths, amountIdr }) => ({ group, workers, memberMonths, amountIdr })), paidOn, ...flags,
  }
}

export interface InvoicePemdaCommand {
  programmeId: string
  month: string
  actor: Actor | null
  requestId: string | null
}

/**
 * `semesta pemda invoice`: the programme's invoice for a month (issue 8 item 3). Every member enrolled for the month
 * is billed whatever their status, with the back months of a late enrolment not billed before; one line per group.
 * Each member-month becomes the member's dues (payer pemda, ref the programme), raised in the ledger and taken over by
 * the programme's payer_receivable, as employer invoices are. Re-running returns the same invoice; a changed cohort
 * (members joined or left) revises an unpaid invoice: the old ledger transfers are reversed and the new ones posted.
 */
export async function invoicePemdaProgramme(sql: Sql, cmd: InvoicePemdaCommand, now: Date, ids: IdSource, engine: EngineOptions = {}): Promise<PemdaInvoiceView> {
  if (!isMonth(cmd.month)) throw new DomainError('invalid_month', 'month harus bulan YYYY-MM.', { field: 'month' })
  const month = cmd.month
  const checked = await programmeFor(sql, cmd.programmeId, cmd.actor, 'pemda.write', cmd.requestId)
  if (month < checked.startMonth || month > checked.endMonth) {
    throw new DomainError('out_of_range', `Bulan ${month} di luar masa program (${checked.startMonth} s.d. ${checked.endMonth}).`, { field: 'month' })
  }
  const regs = engine.regs ?? loadRegulationSet()
  const calendar = engine.calendar ?? loadHolidayCalendar()
  return sql.transaction(async (tx) => {
    const programme = (await findProgramme(tx, checked.id, { lock: true }))!
    const existing = await findPemdaInvoice(tx, { programmeId: programme.id, month }, true)
    if (existing) {
      const paid = await findPemdaInvoicePayment(tx, existing.id)
      if (paid) return present(existing, await listPemdaInvoiceLines(tx, existing.id), paid.paidOn, { replayed: true, revised: false })
    }
    const members = await listBillableMembers(tx, programme.id, month)
    const elsewhere = await billedElsewhere(tx, programme.id, month, existing?.id ?? null)
    const memberMonths: MemberMonth[] = []
    for (const m of members) {
      for (const mm of memberMonthsThrough(m, programme.endMonth, month)) {
        if (!elsewhere.has(`${m.participantId}|${mm}`)) memberMonths.push({ participantId: m.participantId, groupCode: m.groupCode, month: mm })
      }
    }
    const chargeOf = chargeTable(programme.programmes, regs, calendar)
    const draft = draftInvoice(programme.groups, memberMonths, chargeOf)
    const oldItems = existing ? await listInvoiceItems(tx, existing.id) : []
    if (existing && sameItems(oldItems, draft.items)) return present(existing, await listPemdaInvoiceLines(tx, existing.id), null, { replayed: true, revised: false })

    const invoiceId = existing?.id ?? ids.newId()
    const enrolmentOf = new Map(members.map((m) => [m.participantId, m.enrolmentId]))
    const groupOf = new Map(programme.groups.map((g) => [g.code, g]))
    const dues: NewDue[] = draft.items.flatMap((item) => chargeOf(groupOf.get(item.groupCode)!, item.month).lines.filter((l) => l.amountIdr > 0).map((l) => ({
      participantId: item.participantId, enrolmentId: enrolmentOf.get(item.participantId)!, month: item.month, programme: l.programme, payer: 'pemda',
      payerRef: programme.id, amountIdr: l.amountIdr,
      dueDate: contributionDueDate(item.month, groupOf.get(item.groupCode)!.category === 'bpu' ? dueKindOf('bpu', l.programme) : 'employer', regs.due, calendar).date,
    })))
    if (existing) {
      await reverseOldTransfers(tx, existing, oldItems, now, ids, cmd.requestId)
      const kept = new Set(draft.items.map((i) => `${i.participantId}|${i.month}`))
      await removeOpenPayerDues(tx, { payer: 'pemda', payerRef: programme.id }, oldItems.filter((i) => !kept.has(`${i.participantId}|${i.month}`)))
    }
    await upsertPayerDues(tx, dues, now)
    const transferOf = new Map(members.map((m) => [m.participantId, ids.newId()]))
    const raised = Array.from({ length: Math.ceil(dues.filter((d) => d.amountIdr > 0).length / DUES_PER_RAISED_TRANSFER) }, () => ids.newId())
    const items: StoredInvoiceItem[] = draft.items.map((i) => ({ ...i, transferId: transferOf.get(i.participantId)! }))
    const lines = draft.lines.map((l) => ({ group: l.group, position: l.position, workers: l.workers, memberMonths: l.memberMonths, amountIdr: l.amountIdr }))
    const invoice = {
      id: invoiceId, programmeId: programme.id, month, invoiceNo: invoiceNumber(programme.regionCode, programme.id, month), revision: (existing?.revision ?? 0) + 1,
      workers: draft.workers, memberMonths: draft.memberMonths, amountIdr: draft.amountIdr,
      dueDate: contributionDueDate(month, 'bpu_jkk_jkm', regs.due, calendar).date, raisedTransferIds: raised,
    }
    if (existing) {
      await revisePemdaInvoice(tx, existing, await listPemdaInvoiceLines(tx, existing.id), { invoice, lines, items }, now)
    } else if (!(await insertPemdaInvoice(tx, { invoice, lines, items }, now))) {
      throw new DomainError('conflict', `Tagihan ${invoice.invoiceNo} sedang dibuat oleh permintaan lain; ulangi.`, { field: 'month' })
    }
    await raiseInvoiceInLedger(tx, invoice, now, cmd.requestId)
    await writeAudit(tx, {
      actor: auditActor(cmd.actor), action: existing ? 'pemda.invoice.revise' : 'pemda.invoice.create', subjectType: 'pemda_invoice', subjectId: invoiceId,
      requestId: cmd.requestId, details: { programmeId: programme.id, month, revision: invoice.revision, workers: invoice.workers, amountIdr: invoice.amountIdr },
    })
    const stored = { ...invoice, createdAt: existing?.createdAt ?? now, updatedAt: now }
    return present(stored, lines, null, { replayed: false, revised: existing !== null })
  })
}

async function reverseOldTransfers(sql: Sql, invoice: StoredPemdaInvoice, items: readonly StoredInvoiceItem[], now: Date, ids: IdSource, requestId: string | null): Promise<void> {
  const old = [...invoice.raisedTransferIds, ...new Set(items.map((i) => i.transferId))]
  for (const transferId of old) {
    await reverseTransfer(sql, { id: ids.newId(), transferId, reasonCode: 'rerate', occurredAt: now, reason: 'pemda invoice revised: cohort changed', requestId })
  }
}

/** The invoice's member list as an XLSX (or CSV): one row per member with the months billed and the amount. */
export async function writeInvoiceMemberList(sql: Sql, invoiceId: string, output: Writable, format: 'xlsx' | 'csv' = 'xlsx'): Promise<number> {
  const rows = await invoiceMemberList(sql, invoiceId)
  await writeTable(output, format, [{
    name: 'Peserta',
    columns: ['kelompok', 'nik', 'kpj', 'nama', 'kode_wilayah', 'status', 'bulan', 'jumlah_iuran'],
    rows: rows.map((r) => [r.groupCode, r.nik, r.kpj, r.name, r.regencyCode, r.status, r.months.join(' '), String(r.amountIdr)]),
    widths: [14, 19, 14, 30, 12, 12, 24, 14],
  }])
  return rows.length
}
