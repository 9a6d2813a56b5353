import { SnapRefusal } from './codes.js'
import { requiredDigits, requiredString, type Body } from './fields.js'

/** `customerNo` = the KPJ (11 digits) or the NIK (16 digits), channel-api.md §14 item 4. */
export type CustomerNo = { kind: 'kpj' | 'nik'; value: string }

export function parseCustomerNo(text: string, field = 'customerNo'): CustomerNo {
  const value = text.trim()
  if (/^\d{11}$/.test(value)) return { kind: 'kpj', value }
  if (/^\d{16}$/.test(value)) return { kind: 'nik', value }
  throw new SnapRefusal('invalidFieldFormat', field)
}

/** partnerServiceId (8 characters, left-padded with spaces) of a partner's serial: `10001` → `"   10001"`. */
export function formatPartnerServiceId(serial: number): string {
  return String(serial).padStart(8, ' ')
}

/** Compares partnerServiceIds the way §9 settles it: trimmed, numerically (`"  088899"` = `" 88899"`). */
export function samePartnerServiceId(a: string, b: string): boolean {
  const x = a.trim()
  const y = b.trim()
  return /^\d{1,8}$/.test(x) && /^\d{1,8}$/.test(y) && Number(x) === Number(y)
}

/** The three identifying fields every VA request carries, checked against the partner and each other. */
export interface VaIdentity {
  /** As received, echoed back unchanged (§9). */
  partnerServiceId: string
  customerNo: string
  virtualAccountNo: string
  customer: CustomerNo
}

export function parseVaIdentity(body: Body, partnerServiceId: string): VaIdentity {
  const psid = requiredString(body, 'partnerServiceId', 8)
  const customerNo = requiredDigits(body, 'customerNo', 20)
  const virtualAccountNo = requiredString(body, 'virtualAccountNo', 28)
  if (!samePartnerServiceId(psid, partnerServiceId)) throw new SnapRefusal('invalidFieldFormat', 'partnerServiceId')
  const customer = parseCustomerNo(customerNo)
  const va = virtualAccountNo.trim()
  if (!va.endsWith(customer.value) || !samePartnerServiceId(va.slice(0, va.length - customer.value.length) || 'x', psid)) {
    throw new SnapRefusal('invalidFieldFormat', 'virtualAccountNo')
  }
  return { partnerServiceId: psid, customerNo, virtualAccountNo, customer }
}
