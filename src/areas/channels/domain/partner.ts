import { DomainError } from '../../../kernel/errors.js'
import { isSignatureEncoding, type SignatureEncoding } from './signature.js'

/** The kinds of channel partner (issue 6 item 1): post offices, agent networks, retail chains, banks. */
export const PARTNER_CODES = ['POS', 'BRILINK', 'BNI46', 'INDOMARET', 'ALFAMART', 'BANK'] as const
export type PartnerCode = (typeof PARTNER_CODES)[number]

export interface NewPartnerInput {
  name: string
  code: string
  feeIdr?: number | undefined
  signatureEncoding?: string | undefined
}

export interface ValidPartner {
  name: string
  code: PartnerCode
  feeIdr: number
  signatureEncoding: SignatureEncoding
}

/** Checks `semesta partner add`'s fields; the fee is what the partner charges per payment, netted at settlement (never billed to the worker). */
export function validatePartner(input: NewPartnerInput): ValidPartner {
  const name = input.name.trim()
  if (name === '' || name.length > 200) throw new DomainError('invalid_input', 'Nama mitra wajib diisi (paling panjang 200 karakter).', { field: 'name' })
  if (!(PARTNER_CODES as readonly string[]).includes(input.code)) {
    throw new DomainError('unknown_code', `Kode mitra "${input.code}" tidak dikenal; pilih ${PARTNER_CODES.join(', ')}.`, { field: 'code' })
  }
  const feeIdr = input.feeIdr ?? 0
  if (!Number.isSafeInteger(feeIdr) || feeIdr < 0 || feeIdr > 1_000_000) throw new DomainError('invalid_input', 'Biaya mitra harus rupiah bulat 0–1.000.000.', { field: 'feeIdr' })
  const encoding = input.signatureEncoding ?? 'base64'
  if (!isSignatureEncoding(encoding)) throw new DomainError('unknown_code', 'Encoding tanda tangan harus base64 atau hex.', { field: 'signatureEncoding' })
  return { name, code: input.code as PartnerCode, feeIdr, signatureEncoding: encoding }
}
