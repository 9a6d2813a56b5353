import type { Month } from '../../../kernel/month.js'
import { SnapRefusal } from './codes.js'
import { snapAmount } from './money.js'

/** At most 12 months per payment, arrears included (contributions' MAX_MONTHS_PER_PAYMENT; channel-api.md §14 item 5). */
export const MAX_BILLS = 12

/** A month the worker owes or may pay ahead, in allocation order (arrears oldest first, then the current and next months). */
export interface OwedMonth {
  month: Month
  amountIdr: number
  arrears: boolean
}

/** A month's bill number: `YYYYMM` (billNo is String(18) in SNAP). */
export function billNoOf(month: Month): string {
  return month.replace('-', '')
}

export function monthOfBillNo(billNo: string): Month | null {
  const m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(billNo.trim())
  return m ? `${m[1]}-${m[2]}` : null
}

/** `paidBills`: the flags of the bills paid, one bit per bill, bill 1 the highest of 24 bits, as 6 hex digits. */
export function paidBillsFlags(count: number): string {
  const bits = ((1 << count) - 1) << (24 - count)
  return bits.toString(16).toUpperCase().padStart(6, '0')
}

/** How many bills a `paidBills` value flags, when they are the first ones in order; null otherwise. */
export function countOfPaidBills(flags: string): number | null {
  if (!/^[0-9A-Fa-f]{1,6}$/.test(flags)) return null
  const bits = parseInt(flags.padStart(6, '0'), 16)
  for (let n = 1; n <= 24; n++) if (bits === parseInt(paidBillsFlags(n), 16)) return n
  return null
}

/** What the worker pays for the first `n` months: their sum less the credit already held (never below 0). */
export function amountFor(owed: readonly OwedMonth[], n: number, creditIdr: number): number {
  return Math.max(0, owed.slice(0, n).reduce((t, m) => t + m.amountIdr, 0) - creditIdr)
}

/** One `billDetails` entry per month (channel-api.md §7.2): code, number, names, amount, label and PUEBI value. */
export function billDetails(months: readonly OwedMonth[]) {
  return months.map((m, i) => {
    const [year, month] = m.month.split('-') as [string, string]
    return {
      billCode: String(i + 1).padStart(2, '0'),
      billNo: billNoOf(m.month),
      billName: `Iuran BPU ${m.month}`,
      billShortName: m.month,
      billDescription: { english: `${m.arrears ? 'Arrears' : 'Contribution'} ${month}/${year}`, indonesia: `${m.arrears ? 'Tunggakan' : 'Iuran'} ${month}/${year}` },
      billAmount: snapAmount(m.amountIdr),
      billAmountLabel: 'Total Tagihan',
      billAmountValue: rupiah(m.amountIdr),
    }
  })
}

/** `Rp16.800` (PUEBI, channel-api.md §13.1), built without Intl so the domain stays free of locale data differences. */
export function rupiah(idr: number): string {
  return `Rp${String(idr).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`
}

/** What a payment asks to pay, as read from its body: the bill numbers echoed, the flags, the amount. */
export interface PaymentAsk {
  billNos: readonly string[]
  paidBills: string | undefined
  paidAmountIdr: number
}

/**
 * Which months a payment pays, checked against what is owed now (nothing is stored at inquiry: the bills are
 * computed again). The count comes from the bills echoed, else the flags, else the amount; the echoed bills must be
 * the first months owed in order. A month already paid → `404xx14`; a month no longer payable (written off, out of
 * the window, or the bills moved on since the inquiry) → `404xx19`; an amount that is not the bill's → `404xx13`.
 */
export function choosePaidMonths(owed: readonly OwedMonth[], paidMonths: ReadonlySet<Month>, ask: PaymentAsk, creditIdr: number): { count: number; amountIdr: number } {
  let count: number
  if (ask.billNos.length > 0) {
    if (ask.billNos.length > MAX_BILLS) throw new SnapRefusal('invalidFieldFormat', 'billDetails')
    const months = ask.billNos.map((no) => monthOfBillNo(no))
    if (months.some((m) => m === null)) throw new SnapRefusal('invalidFieldFormat', 'billDetails.billNo')
    if (months.some((m) => paidMonths.has(m as Month))) throw new SnapRefusal('paidBill')
    const inOrder = months.every((m, i) => owed[i]?.month === m)
    if (!inOrder) throw new SnapRefusal('expiredBill')
    count = months.length
  } else if (ask.paidBills !== undefined) {
    const n = countOfPaidBills(ask.paidBills)
    if (n === null || n > MAX_BILLS) throw new SnapRefusal('invalidFieldFormat', 'paidBills')
    count = n
  } else {
    const n = owed.findIndex((_, i) => amountFor(owed, i + 1, creditIdr) === ask.paidAmountIdr)
    if (n === -1) throw new SnapRefusal('invalidAmount')
    count = n + 1
  }
  if (count > owed.length) throw new SnapRefusal('expiredBill')
  const amountIdr = amountFor(owed, count, creditIdr)
  if (amountIdr !== ask.paidAmountIdr || amountIdr === 0) throw new SnapRefusal('invalidAmount')
  return { count, amountIdr }
}
