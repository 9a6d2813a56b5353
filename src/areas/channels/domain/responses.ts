import { snapCode, type SnapCase, type SnapService } from './codes.js'
import { billDetails, paidBillsFlags, rupiah, type OwedMonth } from './bills.js'
import type { VaIdentity } from './customer.js'
import { snapAmount } from './money.js'

/** A SNAP answer: the HTTP status (the code's first three digits) and the body. */
export interface SnapAnswer {
  httpStatus: number
  body: { responseCode: string; responseMessage: string; [key: string]: unknown }
}

export function snapAnswer(service: SnapService, kase: SnapCase, detail?: string, extra: Record<string, unknown> = {}): SnapAnswer {
  const code = snapCode(service, kase, detail)
  return { httpStatus: code.httpStatus, body: { responseCode: code.responseCode, responseMessage: code.responseMessage, ...extra } }
}

const SUCCESS_REASON = { english: 'Success', indonesia: 'Sukses' }

function echo(id: VaIdentity) {
  return { partnerServiceId: id.partnerServiceId, customerNo: id.customerNo, virtualAccountNo: id.virtualAccountNo }
}

/** `virtualAccountData` of an inquiry (§7.2): closed bills (`C`), the masked name, no fee for the worker. */
export function inquiryData(input: { identity: VaIdentity; inquiryRequestId: string; maskedName: string; months: readonly OwedMonth[]; totalIdr: number; creditUsedIdr: number }) {
  const freeTexts = [{ english: 'BPJS Ketenagakerjaan BPU', indonesia: 'BPJS Ketenagakerjaan BPU' }]
  if (input.creditUsedIdr > 0) freeTexts.push({ english: `Balance used ${rupiah(input.creditUsedIdr)}`, indonesia: `Saldo dipakai ${rupiah(input.creditUsedIdr)}` })
  return {
    inquiryStatus: '00',
    inquiryReason: SUCCESS_REASON,
    ...echo(input.identity),
    virtualAccountName: input.maskedName,
    inquiryRequestId: input.inquiryRequestId,
    totalAmount: snapAmount(input.totalIdr),
    billDetails: billDetails(input.months),
    freeTexts,
    virtualAccountTrxType: 'C',
    feeAmount: snapAmount(0),
    additionalInfo: { months: input.months.length, creditUsed: snapAmount(input.creditUsedIdr) },
  }
}

/** What a booked payment shows in Payment (25), Inquiry Status (26) and `4042518`. */
export interface BookedView {
  identity: Pick<VaIdentity, 'partnerServiceId' | 'customerNo' | 'virtualAccountNo'>
  paymentRequestId: string
  maskedName: string
  months: readonly OwedMonth[]
  amountIdr: number
  trxDateTime: string
  referenceNo: string | null
  receiptNo: string
  paidThrough: string | null
  flagStatus: string
}

export function paymentData(v: BookedView) {
  return {
    paymentFlagReason: v.flagStatus === '00' ? SUCCESS_REASON : { english: 'Reversed', indonesia: 'Dibatalkan' },
    ...v.identity,
    virtualAccountName: v.maskedName,
    paymentRequestId: v.paymentRequestId,
    paidAmount: snapAmount(v.amountIdr),
    totalAmount: snapAmount(v.amountIdr),
    paidBills: paidBillsFlags(v.months.length),
    trxDateTime: v.trxDateTime,
    ...(v.referenceNo ? { referenceNo: v.referenceNo } : {}),
    paymentFlagStatus: v.flagStatus,
    billDetails: billDetails(v.months).map((b) => ({ ...b, billerReferenceId: v.receiptNo, status: v.flagStatus, reason: v.flagStatus === '00' ? SUCCESS_REASON : { english: 'Reversed', indonesia: 'Dibatalkan' } })),
    additionalInfo: { receiptNo: v.receiptNo, paidThrough: v.paidThrough },
  }
}
