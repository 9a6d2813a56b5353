import { describe, expect, it } from 'vitest'
import { choosePaidMonths, countOfPaidBills, paidBillsFlags, rupiah } from './bills.js'
import { snapCode, SnapRefusal } from './codes.js'
import { parseCustomerNo, samePartnerServiceId } from './customer.js'
import { parseSnapAmount } from './money.js'
import { parsePayment } from './requests.js'
import { reconcile, reportCsv, settlementRow } from './reconciliation.js'
import { transactionStringToSign, tokenStringToSign } from './signature.js'
import { parseSnapTimestamp, reversalAllowed, wibDate, withinSkew } from './time.js'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error instanceof SnapRefusal ? `${error.kase}${error.detail ? ` ${error.detail}` : ''}` : String(error)
  }
  return 'no refusal'
}

describe('SNAP domain rules', () => {
  it('codes: HTTP status + service + case, the status is the first three digits', () => {
    expect(snapCode('24', 'success')).toEqual({ httpStatus: 200, responseCode: '2002400', responseMessage: 'Successful' })
    expect(snapCode('25', 'inconsistentRequest').responseCode).toBe('4042518')
    expect(snapCode('25', 'conflict').responseCode).toBe('4092500')
    expect(snapCode('24', 'invalidFieldFormat', 'customerNo').responseMessage).toBe('Invalid Field Format customerNo')
    expect(snapCode('91', 'transactionExpired').responseCode).toBe('4039100')
  })

  it('strings to sign (§2, §4.1)', () => {
    expect(tokenStringToSign('test-client-id', '2025-02-01T10:15:30+07:00')).toBe('test-client-id|2025-02-01T10:15:30+07:00')
    expect(transactionStringToSign('post', '/p', 'tok', 'ABC', 'ts')).toBe('POST:/p:tok:abc:ts')
  })

  it('timestamps: with or without milliseconds, any offset, compact; impossible dates refused; skew window', () => {
    expect(parseSnapTimestamp('2025-02-01T10:15:30+07:00')?.toISOString()).toBe('2025-02-01T03:15:30.000Z')
    expect(parseSnapTimestamp('2025-02-01T10:15:30.123+07:00')?.toISOString()).toBe('2025-02-01T03:15:30.123Z')
    expect(parseSnapTimestamp('2025-02-01T03:15:30Z')?.toISOString()).toBe('2025-02-01T03:15:30.000Z')
    expect(parseSnapTimestamp('20201231T235959Z')?.toISOString()).toBe('2020-12-31T23:59:59.000Z')
    expect(parseSnapTimestamp('2025-02-30T10:00:00+07:00')).toBeNull()
    expect(parseSnapTimestamp('yesterday')).toBeNull()
    const now = new Date('2025-02-01T03:15:30Z')
    expect(withinSkew(new Date(now.getTime() - 299_000), now, 300_000)).toBe(true)
    expect(withinSkew(new Date(now.getTime() + 301_000), now, 300_000)).toBe(false)
  })

  it('WIB days and the reversal cut-off at 23:00 WIB the same day', () => {
    expect(wibDate(new Date('2026-02-10T16:59:59Z'))).toBe('2026-02-10')
    expect(wibDate(new Date('2026-02-10T17:00:00Z'))).toBe('2026-02-11')
    const paid = new Date('2026-02-10T03:00:00Z')
    expect(reversalAllowed(paid, new Date('2026-02-10T15:59:00Z'))).toBe(true)
    expect(reversalAllowed(paid, new Date('2026-02-10T16:00:00Z'))).toBe(false)
    expect(reversalAllowed(paid, new Date('2026-02-11T01:00:00Z'))).toBe(false)
  })

  it('customerNo is a KPJ (11) or a NIK (16); partnerServiceIds compare trimmed and numerically', () => {
    expect(parseCustomerNo('12345678901')).toEqual({ kind: 'kpj', value: '12345678901' })
    expect(parseCustomerNo('5171010101900001')).toEqual({ kind: 'nik', value: '5171010101900001' })
    expect(refusal(() => parseCustomerNo('123'))).toBe('invalidFieldFormat customerNo')
    expect(samePartnerServiceId('  088899', ' 88899')).toBe(true)
    expect(samePartnerServiceId('   10001', '10002')).toBe(false)
  })

  it('amounts are strings with two decimals in IDR; sen are refused', () => {
    expect(parseSnapAmount({ value: '16800.00', currency: 'IDR' }, 'paidAmount')).toBe(16800)
    expect(refusal(() => parseSnapAmount({ value: '16800.5', currency: 'IDR' }, 'paidAmount'))).toBe('invalidFieldFormat paidAmount.value')
    expect(refusal(() => parseSnapAmount({ value: '16800.50', currency: 'IDR' }, 'paidAmount'))).toBe('invalidFieldFormat paidAmount.value')
    expect(refusal(() => parseSnapAmount({ value: '16800.00', currency: 'USD' }, 'paidAmount'))).toBe('invalidFieldFormat paidAmount.currency')
    expect(refusal(() => parseSnapAmount(undefined, 'paidAmount'))).toBe('invalidMandatoryField paidAmount')
  })

  it('paidBills flags and the PUEBI rupiah', () => {
    expect(paidBillsFlags(1)).toBe('800000')
    expect(paidBillsFlags(3)).toBe('E00000')
    expect(countOfPaidBills('E00000')).toBe(3)
    expect(countOfPaidBills('A00000')).toBeNull()
    expect(rupiah(16800)).toBe('Rp16.800')
    expect(rupiah(1000000)).toBe('Rp1.000.000')
  })

  it('which months a payment pays: echoed bills first in order, paid → 14, moved on → 19, wrong amount → 13', () => {
    const owed = [{ month: '2026-01', amountIdr: 100, arrears: true }, { month: '2026-02', amountIdr: 100, arrears: false }, { month: '2026-03', amountIdr: 120, arrears: false }]
    const ask = (billNos: string[], paidAmountIdr: number, paidBills?: string) => ({ billNos, paidAmountIdr, paidBills })
    expect(choosePaidMonths(owed, new Set(), ask(['202601', '202602'], 200), 0)).toEqual({ count: 2, amountIdr: 200 })
    expect(choosePaidMonths(owed, new Set(), ask([], 320), 0)).toEqual({ count: 3, amountIdr: 320 })
    expect(choosePaidMonths(owed, new Set(), ask([], 170, 'C00000'), 30)).toEqual({ count: 2, amountIdr: 170 })
    expect(refusal(() => choosePaidMonths(owed, new Set(['2025-12']), ask(['202512'], 100), 0))).toBe('paidBill')
    expect(refusal(() => choosePaidMonths(owed, new Set(), ask(['202602'], 100), 0))).toBe('expiredBill')
    expect(refusal(() => choosePaidMonths(owed, new Set(), ask(['202601'], 99), 0))).toBe('invalidAmount')
    expect(refusal(() => choosePaidMonths(owed, new Set(), ask([], 150), 0))).toBe('invalidAmount')
  })

  it('a payment body: mandatory fields named, the VA number must be partnerServiceId + customerNo', () => {
    const body = { partnerServiceId: '   10001', customerNo: '12345678901', virtualAccountNo: '   1000112345678901', paymentRequestId: 'P1', paidAmount: { value: '16800.00', currency: 'IDR' } }
    expect(parsePayment(body, '   10001')).toMatchObject({ paidAmountIdr: 16800, customer: { kind: 'kpj' } })
    expect(refusal(() => parsePayment({ ...body, paymentRequestId: undefined }, '   10001'))).toBe('invalidMandatoryField paymentRequestId')
    expect(refusal(() => parsePayment({ ...body, virtualAccountNo: '   1000212345678901' }, '   10001'))).toBe('invalidFieldFormat virtualAccountNo')
    expect(refusal(() => parsePayment(body, '   10002'))).toBe('invalidFieldFormat partnerServiceId')
    expect(parsePayment({ ...body, customerNo: 12345678901 }, '   10001').customerNo).toBe('12345678901')
  })

  it('reconciliation: matched, only at the partner, only at Semesta, amount differs; report with trailer', () => {
    const rows = [settlementRow(2, { paymentRequestId: 'A', amount: '16800.00' }), settlementRow(3, { paymentRequestId: 'B', amount: '20000.00' }), settlementRow(4, { paymentRequestId: 'X', amount: '1.00' })]
    const booked = [{ paymentRequestId: 'A', customerNo: 'c', amountIdr: 16800, receiptNo: 'r1' }, { paymentRequestId: 'B', customerNo: 'c', amountIdr: 16800, receiptNo: 'r2' }, { paymentRequestId: 'C', customerNo: 'c', amountIdr: 5, receiptNo: 'r3' }]
    expect(reconcile(rows, booked)).toEqual({
      matched: 1,
      onlyAtPartner: [{ paymentRequestId: 'X', line: 4, amountIdr: 1 }],
      onlyAtSemesta: [{ paymentRequestId: 'C', amountIdr: 5, receiptNo: 'r3' }],
      amountDiffers: [{ paymentRequestId: 'B', line: 3, partnerAmountIdr: 20000, semestaAmountIdr: 16800 }],
    })
    expect(() => settlementRow(5, { paymentRequestId: 'Z', amount: '12.5' })).toThrow(/dua desimal/)
    const csv = reportCsv([{ trxDateTime: 't', partnerId: 'p', paymentRequestId: 'A', referenceNo: null, externalId: 'e', customerNo: 'c', kodeIuran: 'k', periods: ['2026-01', '2026-02'], amountIdr: 16800, feeIdr: 2500, status: '00', reversalOf: null }])
    expect(csv.trim().split('\n')).toEqual([
      'trxDateTime,partnerId,paymentRequestId,referenceNo,X-EXTERNAL-ID,customerNo,kodeIuran,periods,amount,fee,status,reversalOf',
      't,p,A,,e,c,k,2026-01;2026-02,16800.00,2500.00,00,',
      'TRAILER,1,16800.00',
    ])
  })
})
