import { DomainError } from '../../../kernel/errors.js'

/** One line of Semesta's daily report per partner (channel-api.md §11). */
export interface ReportLine {
  trxDateTime: string
  partnerId: string
  paymentRequestId: string
  referenceNo: string | null
  externalId: string
  customerNo: string
  kodeIuran: string
  periods: readonly string[]
  amountIdr: number
  feeIdr: number
  status: string
  reversalOf: string | null
}

export const REPORT_COLUMNS = [
  'trxDateTime', 'partnerId', 'paymentRequestId', 'referenceNo', 'X-EXTERNAL-ID', 'customerNo', 'kodeIuran', 'periods', 'amount', 'fee', 'status', 'reversalOf',
] as const

/** `16800` → `16800.00`, `-16800` → `-16800.00`. */
export function decimalIdr(idr: number): string {
  return `${idr}.00`
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The report as CSV text: header, one row per transaction, then the trailer row `TRAILER,<count>,<sum of amount>`. */
export function reportCsv(lines: readonly ReportLine[]): string {
  const rows = lines.map((l) => [
    l.trxDateTime, l.partnerId, l.paymentRequestId, l.referenceNo ?? '', l.externalId, l.customerNo, l.kodeIuran, l.periods.join(';'),
    decimalIdr(l.amountIdr), decimalIdr(l.feeIdr), l.status, l.reversalOf ?? '',
  ])
  const total = lines.reduce((t, l) => t + l.amountIdr, 0)
  return [[...REPORT_COLUMNS], ...rows, ['TRAILER', String(lines.length), decimalIdr(total)]].map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
}

/** A row of the partner's settlement file: `trxDateTime, paymentRequestId, customerNo, amount` (amount `16800.00`). */
export interface SettlementRow {
  line: number
  trxDateTime: string
  paymentRequestId: string
  customerNo: string
  amountIdr: number
}

export const SETTLEMENT_COLUMNS = ['trxDateTime', 'paymentRequestId', 'customerNo', 'amount'] as const

/** Reads one settlement row (cells by column name); a bad amount or a missing id names the line. */
export function settlementRow(line: number, cells: Readonly<Record<string, string>>): SettlementRow {
  const paymentRequestId = (cells.paymentRequestId ?? '').trim()
  if (!paymentRequestId) throw new DomainError('missing_field', `baris ${line}: paymentRequestId kosong`, { field: 'paymentRequestId', row: line })
  const m = /^(-?\d{1,14})(?:\.(\d{2}))?$/.exec((cells.amount ?? '').trim())
  if (!m || (m[2] !== undefined && m[2] !== '00')) throw new DomainError('invalid_input', `baris ${line}: amount harus rupiah dengan dua desimal, mis. 16800.00`, { field: 'amount', row: line })
  return { line, trxDateTime: (cells.trxDateTime ?? '').trim(), paymentRequestId, customerNo: (cells.customerNo ?? '').trim(), amountIdr: Number(m[1]) }
}

/** A payment Semesta booked for the partner that day (reversed payments are left out by the caller). */
export interface BookedPayment {
  paymentRequestId: string
  customerNo: string
  amountIdr: number
  receiptNo: string
}

export interface Reconciliation {
  matched: number
  onlyAtPartner: { paymentRequestId: string; line: number; amountIdr: number }[]
  onlyAtSemesta: { paymentRequestId: string; amountIdr: number; receiptNo: string }[]
  amountDiffers: { paymentRequestId: string; line: number; partnerAmountIdr: number; semestaAmountIdr: number }[]
}

/** Matches the partner's file against Semesta's bookings of the same WIB day on paymentRequestId (channel-api.md §11). */
export function reconcile(partner: readonly SettlementRow[], booked: readonly BookedPayment[]): Reconciliation {
  const ours = new Map(booked.map((b) => [b.paymentRequestId, b]))
  const seen = new Set<string>()
  const out: Reconciliation = { matched: 0, onlyAtPartner: [], onlyAtSemesta: [], amountDiffers: [] }
  for (const row of partner) {
    const mine = ours.get(row.paymentRequestId)
    if (!mine || seen.has(row.paymentRequestId)) {
      out.onlyAtPartner.push({ paymentRequestId: row.paymentRequestId, line: row.line, amountIdr: row.amountIdr })
      continue
    }
    seen.add(row.paymentRequestId)
    if (mine.amountIdr === row.amountIdr) out.matched++
    else out.amountDiffers.push({ paymentRequestId: row.paymentRequestId, line: row.line, partnerAmountIdr: row.amountIdr, semestaAmountIdr: mine.amountIdr })
  }
  for (const b of booked) if (!seen.has(b.paymentRequestId)) out.onlyAtSemesta.push({ paymentRequestId: b.paymentRequestId, amountIdr: b.amountIdr, receiptNo: b.receiptNo })
  return out
}
