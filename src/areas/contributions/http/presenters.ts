import { formatDateId } from '../../../kernel/dates.js'
import { maskName, maskNik, maskPhone } from '../../../kernel/mask.js'
import type { ParticipantRecord } from '../../participants/index.js'
import type { RegulationSet } from '../../programmes/index.js'
import type { ReceiptView } from '../db/payments.js'
import { protectionNote } from '../documents/protection-note.js'
import { receiptZoneOf, type ReceiptDocument } from '../documents/receipt-document.js'

export interface PresentOptions {
  /** Name and phone in clear (policy.ts decides); NIK is masked on receipts and lists whatever the role. */
  personalData: boolean
}

export interface Collector {
  sourceId: string | null
  sourceName: string | null
  sourceKind: string | null
}

export const receiptUrl = (receiptNo: string) => `/api/v1/receipts/${receiptNo}`

function monthsOf(view: ReceiptView) {
  const byMonth = new Map<string, { programme: string; amountIdr: number }[]>()
  for (const l of view.lines) byMonth.set(l.month, [...(byMonth.get(l.month) ?? []), { programme: l.programme, amountIdr: l.amountIdr }])
  return [...byMonth].map(([month, lines]) => ({ month, lines, totalIdr: lines.reduce((t, l) => t + l.amountIdr, 0) }))
}

/** What part of the money did not make a whole month and was held as credit. */
function creditAddedIdr(view: ReceiptView): number {
  const settledIdr = view.lines.reduce((t, l) => t + l.amountIdr, 0)
  return Math.max(0, view.amountIdr + view.creditUsedIdr - settledIdr)
}

/** The receipt as JSON: NIK always masked (a receipt is shown and printed), the name as the policy allows. */
export function presentReceipt(view: ReceiptView, p: ParticipantRecord, collector: Collector, { personalData }: PresentOptions) {
  return {
    receiptNo: view.receiptNo,
    paymentId: view.paymentId,
    issuedAt: view.issuedAt.toISOString(),
    paidOn: view.paidOn,
    zone: receiptZoneOf(p.regencyCode),
    participant: { id: p.id, kpj: p.kpj, nik: maskNik(p.nik), name: personalData ? p.name : maskName(p.name), regencyCode: p.regencyCode, personalDataMasked: !personalData },
    months: monthsOf(view),
    amountIdr: view.amountIdr,
    creditUsedIdr: view.creditUsedIdr,
    creditIdr: view.creditAfterIdr,
    channel: view.channel,
    collector,
    reversedAt: view.reversedAt ? view.reversedAt.toISOString() : null,
  }
}

/** The printable bukti bayar's content (receipt-pdf.ts lays it out). */
export function receiptDocument(
  view: ReceiptView, p: ParticipantRecord, context: { collector: Collector; regencyName: string | null; regs: RegulationSet; programmes: readonly string[] }, options: PresentOptions,
): ReceiptDocument {
  const json = presentReceipt(view, p, context.collector, options)
  const months = json.months.map(({ month, lines }) => ({ month, lines }))
  return {
    receiptNo: view.receiptNo,
    paidOn: view.paidOn,
    recordedAt: view.issuedAt,
    zone: json.zone,
    participant: { kpj: p.kpj, nikMasked: json.participant.nik, name: json.participant.name, regencyCode: p.regencyCode, regencyName: context.regencyName },
    months,
    totalIdr: view.amountIdr,
    creditAddedIdr: view.reversedAt ? 0 : creditAddedIdr(view),
    creditIdr: view.creditAfterIdr,
    paidThrough: months.at(-1)?.month ?? null,
    collector: { sourceName: context.collector.sourceName, sourceKind: context.collector.sourceKind ?? (view.channel === 'office' ? 'office' : null), recordedBy: null },
    note: view.reversedAt ? `DIBATALKAN: pembayaran ini dibatalkan oleh mitra kanal pada ${formatDateId(new Date(view.reversedAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 10))} WIB dan tidak melunasi iuran.` : null,
    protection: protectionNote(context.regs, view.paidOn, context.programmes),
  }
}

export interface WorklistItemInput {
  name: string
  phone: string | null
  sourceId: string
}

/** A worklist row: name and phone in clear only when the policy allows it for that row. */
export function presentWorklistItem<T extends WorklistItemInput>(item: T, { personalData }: PresentOptions) {
  const { sourceId: _sourceId, ...rest } = item
  return {
    ...rest,
    name: personalData ? item.name : maskName(item.name),
    phone: item.phone === null ? null : personalData ? item.phone : maskPhone(item.phone),
    personalDataMasked: !personalData,
  }
}
