import { digitAt, isAllDigits, numberAt } from './digits.js'
import { fieldIssue, type FieldIssue } from './field-issue.js'
import type { Sex } from './nik.js'

export type FieldParse<T> = { ok: T; error?: never } | { ok?: never; error: FieldIssue }

const SEX_WORDS = new Map<string, Sex>([
  ['L', 'L'], ['LAKI-LAKI', 'L'], ['LAKI LAKI', 'L'], ['LAKI', 'L'], ['PRIA', 'L'],
  ['P', 'P'], ['PEREMPUAN', 'P'], ['WANITA', 'P'],
])

/** `L` / `P` (also `laki-laki`, `perempuan`, any case). */
export function parseSex(input: string): FieldParse<Sex> {
  const sex = SEX_WORDS.get(input) ?? SEX_WORDS.get(input.trim().toUpperCase())
  return sex ? { ok: sex } : { error: fieldIssue('jenis_kelamin', 'invalid_input', 'Jenis kelamin harus L (laki-laki) atau P (perempuan).') }
}

/** `51.71` or `5171` → `51.71`; undefined when it is not a regency code. */
export function regencyCodeOf(input: string): string | undefined {
  const s = input.trim()
  if (s.length === 5 && s[2] === '.' && numberAt(s, 0, 2) >= 0 && numberAt(s, 3, 2) >= 0) return s
  if (s.length === 4 && numberAt(s, 0, 4) >= 0) return `${s.slice(0, 2)}.${s.slice(2)}`
  return undefined
}

const CURRENCY = /^(?:rp\.?|idr)\s*/i
const INDONESIAN_GROUPS = /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/
const ENGLISH_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/
const DECIMAL = /^\d+[.,]\d{1,2}$/
const MILLIONS = /^(\d+(?:[.,]\d+)?)\s*(?:juta|jt)$/i
const DECIMAL_MARK = /[.,]/
const NONZERO = /[1-9]/
const SPACES = /\s/g
const MAX_INCOME_IDR = 1_000_000_000_000

function wholeRupiah(digits: string, fraction: string): FieldParse<number> {
  if (NONZERO.test(fraction)) return { error: fieldIssue('penghasilan', 'invalid_input', 'Penghasilan harus dalam rupiah bulat (tanpa sen).') }
  const value = Number(digits)
  if (!Number.isSafeInteger(value) || value > MAX_INCOME_IDR) return { error: fieldIssue('penghasilan', 'out_of_range', 'Penghasilan terlalu besar; periksa kembali angkanya.') }
  return { ok: value }
}

/**
 * A monthly amount in rupiah as clerks write it: `1000000`, `1.000.000`, `Rp1.000.000`, `1,000,000`,
 * `1.000.000,00`, `1,5 juta`. A dot followed by three digits groups thousands (Indonesian usage).
 */
export function parseRupiah(input: string): FieldParse<number> {
  if (input.length <= 13 && isAllDigits(input)) return wholeRupiah(input, '')
  const s = input.trim().replace(CURRENCY, '').replace(SPACES, '')
  let allDigits = s.length > 0
  for (let i = 0; i < s.length && allDigits; i++) if (digitAt(s, i) < 0) allDigits = false
  if (allDigits) return wholeRupiah(s, '')
  if (INDONESIAN_GROUPS.test(s)) {
    const [whole = '', fraction = ''] = s.split(',')
    return wholeRupiah(whole.replaceAll('.', ''), fraction)
  }
  if (ENGLISH_GROUPS.test(s)) {
    const [whole = '', fraction = ''] = s.split('.')
    return wholeRupiah(whole.replaceAll(',', ''), fraction)
  }
  if (DECIMAL.test(s)) {
    const at = s.search(DECIMAL_MARK)
    return wholeRupiah(s.slice(0, at), s.slice(at + 1))
  }
  const millions = MILLIONS.exec(s)
  if (millions) {
    const amount = Math.round(Number(millions[1]!.replace(',', '.')) * 1_000_000)
    return wholeRupiah(String(amount), '')
  }
  return { error: fieldIssue('penghasilan', 'invalid_input', `Penghasilan "${input.trim()}" bukan angka rupiah (contoh: 1000000 atau 1.000.000).`) }
}

const NPP_SEPARATORS = /[\s.-]/g
const NPP_SHAPE = /^[A-Z0-9]{1,20}$/

/** NPP (the employer's BPJS registration number): letters and digits only, up to 20 (format not published; flagged). */
export function parseNpp(input: string): FieldParse<string> {
  const npp = input.trim().toUpperCase().replace(NPP_SEPARATORS, '')
  return NPP_SHAPE.test(npp) ? { ok: npp } : { error: fieldIssue('npp', 'invalid_input', 'NPP hanya boleh berisi huruf dan angka (paling banyak 20).') }
}
