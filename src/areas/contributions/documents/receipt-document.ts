import type { LocalDate } from '../../../kernel/dates.js'
import { localDateAt } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'

/** Everything printed on one bukti bayar; the presenter decides what is masked before it gets here. */
export interface ReceiptDocument {
  readonly receiptNo: string
  readonly paidOn: LocalDate
  /** When the payment was recorded (an instant); printed in the participant's zone (WITA/WIT). */
  readonly recordedAt: Date
  readonly zone: ReceiptZone
  readonly participant: {
    readonly kpj: string
    /** Always masked on a receipt: a printed slip travels. */
    readonly nikMasked: string
    /** In clear or masked, as the policy allows the caller. */
    readonly name: string
    readonly regencyCode: string
    readonly regencyName: string | null
  }
  readonly months: readonly ReceiptMonth[]
  readonly totalIdr: number
  /** Part of the amount that did not make a whole month, held for the next payment. */
  readonly creditAddedIdr: number
  /** Credit held after this payment. */
  readonly creditIdr: number
  readonly paidThrough: Month | null
  readonly collector: { readonly sourceName: string | null; readonly sourceKind: string | null; readonly recordedBy: string | null }
  readonly note: string | null
  readonly protection: readonly string[]
}

export interface ReceiptMonth {
  readonly month: Month
  readonly lines: readonly { readonly programme: string; readonly amountIdr: number }[]
}

export type ReceiptZone = 'WITA' | 'WIT'

const IANA: Readonly<Record<ReceiptZone, string>> = { WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' }

/** Banuspa's zones: the Papua provinces (9x) are WIT, Bali and Nusa Tenggara WITA (Keppres 41/1987). */
export function receiptZoneOf(regencyCode: string): ReceiptZone {
  return regencyCode.startsWith('9') ? 'WIT' : 'WITA'
}

/** `14/03/2025 10.00 WITA`: the local date and time of an instant in the participant's zone. */
export function formatInstantId(instant: Date, zone: ReceiptZone): string {
  const date = localDateAt(instant, IANA[zone])
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: IANA[zone], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant)
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${time.replace(':', '.')} ${zone}`
}

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']

/** `2025-03` → `Maret 2025`. */
export function formatMonthId(month: Month): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`
}

/** The programmes of a receipt in a fixed order (the columns of its table). */
export function receiptProgrammes(months: readonly ReceiptMonth[]): string[] {
  const order = ['JKK', 'JKM', 'JHT', 'JP', 'JKP']
  const seen = new Set(months.flatMap((m) => m.lines.map((l) => l.programme)))
  return [...order.filter((p) => seen.has(p)), ...[...seen].filter((p) => !order.includes(p)).sort()]
}
