import { digitAt, digitsOnly } from './digits.js'
import { fieldIssue, type FieldIssue } from './field-issue.js'

/**
 * KPJ (Kartu Peserta Jamsostek) numbers: 11 digits (regulations.md §7, [C2, non-legal]).
 *
 * A KPJ that Semesta issues is a 10-digit serial followed by a Luhn (mod 10) check digit. KPJs are read out
 * and typed by hand at counters, by agents and by channel tellers; the Luhn digit catches every single-digit
 * error and every swap of two adjacent digits except 0↔9, which are the mistakes people make most when
 * copying a number. It is the check digit every payment system and spreadsheet already knows (card numbers,
 * openIMIS's `is_modulo_10_number_valid`), so a partner can validate a KPJ before calling us.
 * KPJs brought by existing members come from BPJS's own numbering, whose check scheme is not public: they are
 * accepted when they have 11 digits, without the check.
 */
export const KPJ_LENGTH = 11
const SERIAL_LIMIT = 10_000_000_000

/** The Luhn check digit for a string of digits (the check digit is appended to the right). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0
  let double = true
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digitAt(digits, i)
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return (10 - (sum % 10)) % 10
}

/** A new Semesta KPJ from a serial (0 ≤ serial < 10^10; the caller's sequence guarantees uniqueness). */
export function issueKpj(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SERIAL_LIMIT) {
    throw new RangeError(`KPJ serial must be an integer from 0 to 9,999,999,999, got ${serial}`)
  }
  const body = String(serial).padStart(10, '0')
  return body + String(luhnCheckDigit(body))
}

/**
 * True when an 11-digit KPJ carries a valid Semesta check digit. This is a typing check, not proof of origin:
 * one BPJS-issued KPJ in ten also passes it. The registry records whether a KPJ was issued or brought.
 */
export function isSemestaKpj(kpj: string): boolean {
  if (kpj.length !== KPJ_LENGTH) return false
  for (let i = 0; i < KPJ_LENGTH; i++) if (digitAt(kpj, i) < 0) return false
  return luhnCheckDigit(kpj.slice(0, 10)) === digitAt(kpj, 10)
}

export type KpjParse = { ok: string; error?: never } | { ok?: never; error: FieldIssue }

/** A KPJ as typed (spaces, dashes and dots between digit groups allowed); it must have exactly 11 digits. */
export function parseKpj(input: string): KpjParse {
  const raw = input.trim()
  if (raw.length === 0) return { error: fieldIssue('kpj', 'missing_field', 'Nomor KPJ wajib diisi.') }
  const kpj = digitsOnly(raw)
  if (kpj === null) return { error: fieldIssue('kpj', 'invalid_input', 'Nomor KPJ hanya boleh berisi angka.') }
  if (kpj.length !== KPJ_LENGTH) {
    return { error: fieldIssue('kpj', 'invalid_input', `Nomor KPJ harus 11 digit (tertulis ${kpj.length} digit).`) }
  }
  return { ok: kpj }
}

/**
 * FLAGGED [S1] (regulations.md §7, public codebases incl. PANDAWA KB seed data): the payment virtual account
 * is "88888" + the last 11 digits of the participant number. Confirm with BPJS TK before showing it to
 * payers as authoritative.
 */
export const VIRTUAL_ACCOUNT_RULE = { prefix: '88888', digitsFromParticipantNumber: 11, evidence: 'S1', source: 'regulations.md §7' } as const

export function paymentVirtualAccount(participantNumber: string): string {
  const digits = digitsOnly(participantNumber.trim())
  if (digits === null || digits.length < VIRTUAL_ACCOUNT_RULE.digitsFromParticipantNumber) {
    throw new RangeError('a participant number needs at least 11 digits for a virtual account')
  }
  return VIRTUAL_ACCOUNT_RULE.prefix + digits.slice(-VIRTUAL_ACCOUNT_RULE.digitsFromParticipantNumber)
}
