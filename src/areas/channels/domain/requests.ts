import { SnapRefusal } from './codes.js'
import { parseVaIdentity, type VaIdentity } from './customer.js'
import { asBody, optionalObject, optionalString, requiredString, type Body } from './fields.js'
import { MAX_BILLS } from './bills.js'
import { parseSnapAmount } from './money.js'

/** Ids that key idempotency (paymentRequestId, partnerReferenceNo): printable ASCII without spaces. */
const KEY_ID = /^[\x21-\x7e]+$/

/** VA Inquiry (24), channel-api.md §7.1; `additionalInfo.months` (1–12) is Semesta's: how many months the channel asks for. */
export interface InquiryRequest extends VaIdentity {
  inquiryRequestId: string
  months: number
}

export function parseInquiry(raw: unknown, partnerServiceId: string): InquiryRequest {
  const body = asBody(raw)
  const identity = parseVaIdentity(body, partnerServiceId)
  const inquiryRequestId = requiredString(body, 'inquiryRequestId', 128)
  const info = optionalObject(body, 'additionalInfo')
  const months = info?.months === undefined || info.months === null ? 1 : info.months
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_BILLS) throw new SnapRefusal('invalidFieldFormat', 'additionalInfo.months')
  return { ...identity, inquiryRequestId, months }
}

/** VA Payment (25), channel-api.md §7.3. */
export interface PaymentRequest extends VaIdentity {
  paymentRequestId: string
  paidAmountIdr: number
  paidBills: string | undefined
  billNos: string[]
  referenceNo: string | undefined
  trxDateTime: string | undefined
  flagAdvise: string | undefined
}

export function parsePayment(raw: unknown, partnerServiceId: string): PaymentRequest {
  const body = asBody(raw)
  const identity = parseVaIdentity(body, partnerServiceId)
  const paymentRequestId = requiredString(body, 'paymentRequestId', 128, KEY_ID)
  const paidAmountIdr = parseSnapAmount(body.paidAmount, 'paidAmount')
  const paidBills = optionalString(body, 'paidBills', 6, /^[0-9A-Fa-f]{1,6}$/)
  const bills = body.billDetails
  if (bills !== undefined && bills !== null && (!Array.isArray(bills) || bills.length > 24)) throw new SnapRefusal('invalidFieldFormat', 'billDetails')
  const billNos = (Array.isArray(bills) ? bills : []).map((bill: unknown) => {
    if (bill === null || typeof bill !== 'object') throw new SnapRefusal('invalidFieldFormat', 'billDetails')
    return requiredString(bill as Body, 'billNo', 18)
  })
  return {
    ...identity, paymentRequestId, paidAmountIdr, paidBills, billNos,
    referenceNo: optionalString(body, 'referenceNo', 64),
    trxDateTime: optionalString(body, 'trxDateTime', 25),
    flagAdvise: optionalString(body, 'flagAdvise', 1, /^[YN]$/),
  }
}

/**
 * What defines what a payment pays (channel-api.md §5.2 item 2): the hash of these is compared on a retry, not the
 * raw body (a retry sets flagAdvise and may be serialised differently). Identifiers are normalised (§9).
 */
export function paymentFingerprint(p: PaymentRequest): Record<string, unknown> {
  return {
    partnerServiceId: Number(p.partnerServiceId.trim()), customerNo: p.customer.value, virtualAccountNo: p.virtualAccountNo.trim().replace(/^0+/, ''),
    paidAmountIdr: p.paidAmountIdr, paidBills: p.paidBills?.toUpperCase().padStart(6, '0') ?? null, billNos: p.billNos.map((b) => b.trim()),
  }
}

/** VA Inquiry Status (26), channel-api.md §7.5: by paymentRequestId, else inquiryRequestId (the same id in a VA flow). */
export interface StatusRequest extends VaIdentity {
  inquiryRequestId: string | undefined
  paymentRequestId: string | undefined
}

export function parseStatus(raw: unknown, partnerServiceId: string): StatusRequest {
  const body = asBody(raw)
  const identity = parseVaIdentity(body, partnerServiceId)
  const inquiryRequestId = optionalString(body, 'inquiryRequestId', 128)
  const paymentRequestId = optionalString(body, 'paymentRequestId', 128)
  if (!inquiryRequestId && !paymentRequestId) throw new SnapRefusal('invalidMandatoryField', 'inquiryRequestId')
  return { ...identity, inquiryRequestId, paymentRequestId }
}

/** Registration at the counter (Semesta service 90, channel-api.md §14). Formats are the registry's rules; here only presence and shape. */
export interface RegistrationRequest {
  partnerReferenceNo: string
  nik: string
  name: string
  birthDate: string
  sex: string
  phone: string
  regencyCode: string
  occupation: string
  declaredIncomeIdr: number
  programmes: string[]
}

export function parseRegistration(raw: unknown): RegistrationRequest {
  const body = asBody(raw)
  const text = (field: string, max: number) => requiredString(body, field, max)
  const partnerReferenceNo = requiredString(body, 'partnerReferenceNo', 64, KEY_ID)
  const nik = text('nik', 16)
  const name = text('name', 100)
  const birthDate = text('birthDate', 10)
  const sex = text('sex', 1)
  const phone = text('phone', 20)
  const regencyCode = text('regencyCode', 13)
  const occupation = text('occupation', 100)
  const declaredIncomeIdr = parseSnapAmount(body.declaredIncome, 'declaredIncome')
  const programmes = body.programmes
  if (programmes === undefined || programmes === null) throw new SnapRefusal('invalidMandatoryField', 'programmes')
  if (!Array.isArray(programmes) || programmes.length === 0 || programmes.some((p) => typeof p !== 'string' || !['JKK', 'JKM', 'JHT'].includes(p))) {
    throw new SnapRefusal('invalidFieldFormat', 'programmes')
  }
  return { partnerReferenceNo, nik, name, birthDate, sex, phone, regencyCode, occupation, declaredIncomeIdr, programmes: programmes as string[] }
}

/** The registry's template field of each API field, to name the API's field when the registry refuses one. */
export const REGISTRATION_FIELD_OF_ROW: Readonly<Record<string, string>> = {
  nik: 'nik', nama: 'name', tanggal_lahir: 'birthDate', jenis_kelamin: 'sex', no_hp: 'phone', kode_wilayah: 'regencyCode',
  pekerjaan: 'occupation', penghasilan: 'declaredIncome', program: 'programmes', kategori: 'category',
}

/** The registration in the registry's template field names (a BPU worker). */
export function registrationRow(r: RegistrationRequest): Record<string, string> {
  return {
    nik: r.nik, nama: r.name, tanggal_lahir: r.birthDate, jenis_kelamin: r.sex, no_hp: r.phone, kode_wilayah: r.regencyCode,
    pekerjaan: r.occupation, kategori: 'bpu', penghasilan: String(r.declaredIncomeIdr), program: [...new Set(r.programmes)].join('+'),
  }
}

/** Payment reversal (Semesta service 91, channel-api.md §14). */
export interface ReversalRequest {
  partnerReferenceNo: string
  originalPaymentRequestId: string
  reason: string | undefined
}

export function parseReversal(raw: unknown): ReversalRequest {
  const body = asBody(raw)
  return {
    partnerReferenceNo: requiredString(body, 'partnerReferenceNo', 64, KEY_ID),
    originalPaymentRequestId: requiredString(body, 'originalPaymentRequestId', 128),
    reason: optionalString(body, 'reason', 200),
  }
}
