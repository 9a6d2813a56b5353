import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile'
import { fieldIssue, type FieldIssue } from './field-issue.js'

/**
 * Indonesian mobile numbers → E.164 (`+628…`), checked with libphonenumber-js's `mobile` metadata: it has
 * the exact digit patterns for mobile numbers (the default `min` set only checks lengths) and is about
 * 95 KB against 145 KB for `max`, which matters for the agent app.
 */
export type PhoneParse = { ok: string; error?: never } | { ok?: never; error: FieldIssue }

const NOT_MOBILE = fieldIssue('no_hp', 'invalid_input', 'Nomor HP harus nomor seluler Indonesia (diawali 08, 628 atau +62 8); nomor telepon rumah/kantor tidak diterima.')
const NOT_INDONESIAN = fieldIssue('no_hp', 'invalid_input', 'Nomor HP harus nomor Indonesia (+62).')
const INVALID = fieldIssue('no_hp', 'invalid_input', 'Nomor HP tidak valid; tulis seperti 081234567890 atau +62 812-3456-7890.')

/**
 * Verdicts of the library per (first four digits, length) of a national number that starts with 8.
 * Indonesian mobile ranges are allocated by operator prefix (08xx) and length, so the library is asked once
 * per prefix and length instead of once per row: an import validates 100,000+ rows a second, and a full
 * parse costs about 7 µs.
 */
const verdicts = new Map<string, boolean>()
const VERDICT_LIMIT = 20_000

function isMobileNsn(nsn: string): boolean {
  const key = `${nsn.slice(0, 4)}:${nsn.length}`
  let verdict = verdicts.get(key)
  if (verdict === undefined) {
    const parsed = parsePhoneNumberFromString(`+62${nsn}`)
    verdict = parsed !== undefined && parsed.isValid() && parsed.getType() === 'MOBILE'
    if (verdicts.size < VERDICT_LIMIT) verdicts.set(key, verdict)
  }
  return verdict
}

/**
 * The national number for the common ways of writing an Indonesian mobile (`08…`, `628…`, `+62 8…`, `0062 8…`
 * with spaces, dashes, dots or brackets); undefined leaves the input to the library.
 */
function nationalNumber(input: string): string | undefined {
  let digits = ''
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c >= 48 && c <= 57) digits += input[i]
    else if (!(c === 43 && i === 0) && c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41 && c !== 160) return undefined
  }
  let nsn: string | undefined
  if (input.charCodeAt(0) === 43) nsn = digits.startsWith('62') ? digits.slice(2) : undefined
  else if (digits.startsWith('0062')) nsn = digits.slice(4)
  else if (digits.startsWith('0')) nsn = digits.startsWith('00') ? undefined : digits.slice(1)
  else if (digits.startsWith('62')) nsn = digits.slice(2)
  else nsn = digits
  return nsn !== undefined && nsn.charCodeAt(0) === 56 /* 8 */ ? nsn : undefined
}

export function normalisePhone(input: string): PhoneParse {
  const raw = input.trim()
  if (raw.length === 0) return { error: fieldIssue('no_hp', 'missing_field', 'Nomor HP wajib diisi.') }
  const nsn = nationalNumber(raw)
  if (nsn !== undefined) return isMobileNsn(nsn) ? { ok: `+62${nsn}` } : { error: INVALID }
  const parsed = parsePhoneNumberFromString(raw, 'ID')
  if (!parsed) return { error: INVALID }
  if (parsed.countryCallingCode !== '62') return { error: NOT_INDONESIAN }
  if (parsed.isValid() && parsed.getType() === 'MOBILE') return { ok: parsed.number }
  // Mobile numbers start with 8 after the 0; anything else (0361…, 0380…) is a landline or worse.
  return { error: parsed.nationalNumber.startsWith('8') ? INVALID : NOT_MOBILE }
}
