import { formatDateId, type LocalDate } from '../../../kernel/index.js'
import type { NikPrefixTable } from '../../regions/domain/index.js'
import { ageOn, daysInMonth, isRealDate, toLocalDate } from './birth-dates.js'
import { digitAt, digitsOnly, numberAt } from './digits.js'
import { fieldIssue, NO_ISSUES, type FieldIssue } from './field-issue.js'

/**
 * NIK (Nomor Induk Kependudukan), DESIGN.md §7 and regulations.md §7: 16 digits = province (2) + regency (2)
 * + kecamatan (2) + birth date DDMMYY (women: DD + 40) + serial (4, never 0000).
 */
export type Sex = 'L' | 'P'

/**
 * What the NIK check needs from the regions area's NIK prefix table (codes in dotted form: `51`, `51.71`): a code
 * "exists" when it exists now OR existed, since an NIK is for life (91.01 Merauke before the 2022 Papua split is
 * 93.01 today). The table holds every Indonesian province, not only Banuspa's (a worker in Bali may carry an NIK
 * issued in Java). Only these three methods are used, so tests may pass any object that has them.
 */
export type NikPrefixLookup = Pick<NikPrefixTable, 'provinceExists' | 'regencyExists' | 'currentCodeOf'>

export interface ParsedNik {
  nik: string
  provinceCode: string
  /** As written in the NIK, dotted; may be a historical code. */
  regencyCode: string
  kecamatanCode: string
  /** The real day of birth (a woman's DD − 40). */
  birthDay: number
  birthMonth: number
  /** The two-digit year; the century is not in the NIK (see birthDateFromNik). */
  birthYear2: number
  sex: Sex
  serial: string
}

export type NikParse = { ok: ParsedNik; error?: never } | { ok?: never; error: FieldIssue }

const SCIENTIFIC = /\d[.,]\d*e\+?\d+/i

function invalid(message: string): { error: FieldIssue } {
  return { error: fieldIssue('nik', 'invalid_nik', message) }
}

/** The NIK's own structure, without region tables. Accepts digit groups separated by spaces, `-` or `.`. */
export function parseNik(input: string): NikParse {
  const raw = input.trim()
  if (raw.length === 0) return { error: fieldIssue('nik', 'missing_field', 'NIK wajib diisi.') }
  const nik = digitsOnly(raw)
  if (nik === null) {
    if (SCIENTIFIC.test(raw)) {
      return invalid('NIK terbaca sebagai angka berformat ilmiah (mis. 5,17E+15) sehingga digitnya hilang; simpan kolom NIK sebagai teks lalu unggah ulang.')
    }
    return invalid('NIK hanya boleh berisi angka.')
  }
  if (nik.length !== 16) return invalid(`NIK harus 16 digit (tertulis ${nik.length} digit).`)
  return parseDigits(nik)
}

function parseDigits(nik: string): NikParse {
  const dayRaw = numberAt(nik, 6, 2)
  const month = numberAt(nik, 8, 2)
  const year2 = numberAt(nik, 10, 2)
  const female = dayRaw > 40
  const day = female ? dayRaw - 40 : dayRaw
  // 29 Feb with YY = 00 exists in 2000 only; any day that exists in one of the two centuries is structurally fine.
  const maxDay = Math.max(daysInMonth(1900 + year2, month), daysInMonth(2000 + year2, month))
  if (month < 1 || month > 12 || day < 1 || day > maxDay) {
    return invalid(`Digit tanggal lahir pada NIK (${nik.slice(6, 12)}) bukan tanggal yang valid (DDMMYY, perempuan DD + 40).`)
  }
  if (nik.endsWith('0000')) return invalid('Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000.')
  return {
    ok: {
      nik,
      provinceCode: nik.slice(0, 2),
      regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
      kecamatanCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      birthDay: day,
      birthMonth: month,
      birthYear2: year2,
      sex: female ? 'P' : 'L',
      serial: nik.slice(12, 16),
    },
  }
}

export interface NikCheckOk {
  ok: ParsedNik
  /** Today's code of the NIK's regency; undefined when the regency prefix is unknown (a warning). */
  currentRegencyCode: string | undefined
  warnings: readonly FieldIssue[]
  error?: never
}

export type NikCheck = NikCheckOk | { ok?: never; error: FieldIssue }

/**
 * DESIGN.md §7: an unknown province prefix is an error; an unknown regency inside a known province, or a
 * kecamatan 00, is a warning and never a rejection (the NIK is the person's for life and tables lag).
 */
export function checkNik(input: string, prefixes: NikPrefixLookup): NikCheck {
  const parsed = parseNik(input)
  if (parsed.error) return parsed
  const nik = parsed.ok
  if (!prefixes.provinceExists(nik.provinceCode)) {
    return invalid(`Dua digit pertama NIK (${nik.provinceCode}) bukan kode provinsi yang dikenal.`)
  }
  let warnings: readonly FieldIssue[] = NO_ISSUES
  let currentRegencyCode: string | undefined
  if (prefixes.regencyExists(nik.regencyCode)) {
    currentRegencyCode = prefixes.currentCodeOf(nik.regencyCode)
  } else {
    warnings = [
      fieldIssue('nik', 'unknown_code', `Kode kabupaten/kota pada NIK (${nik.regencyCode}) tidak dikenal; NIK tetap diterima, mohon diperiksa.`),
    ]
  }
  if (digitAt(nik.nik, 4) === 0 && digitAt(nik.nik, 5) === 0) {
    const issue = fieldIssue('nik', 'unknown_code', 'Kode kecamatan pada NIK (00) tidak dikenal; NIK tetap diterima, mohon diperiksa.')
    warnings = warnings.length === 0 ? [issue] : [...warnings, issue]
  }
  return { ok: nik, currentRegencyCode, warnings }
}

const CENTURIES = [2000, 1900] as const

export interface PlausibleAge {
  minAgeYears: number
  maxAgeYears: number
}

/** A working person's age range, used only to choose the NIK's century. */
export const PLAUSIBLE_WORKING_AGE: PlausibleAge = { minAgeYears: 15, maxAgeYears: 100 }

export interface NikBirthDateOptions {
  /** The birth date on the KTP or form; when its day, month and two-digit year match the NIK, its century is taken. */
  declaredBirthDate?: LocalDate | null
  plausible?: PlausibleAge
}

/**
 * The full birth date an NIK implies at `referenceDate`. The NIK has no century (regulations.md §7: prefer the
 * KTP's date when there is one). A matching declared date settles it; otherwise take the one candidate (19YY or
 * 20YY) whose age at the reference date is plausible; when neither or both are, the most recent one that is not
 * in the future.
 */
export function birthDateFromNik(nik: ParsedNik, referenceDate: LocalDate, options: NikBirthDateOptions = {}): LocalDate | undefined {
  const declared = options.declaredBirthDate
  if (declared && matchesNikDate(nik, declared)) return declared
  const plausible = options.plausible ?? PLAUSIBLE_WORKING_AGE
  let latest: LocalDate | undefined
  let inRange: LocalDate | undefined
  let inRangeCount = 0
  for (const century of CENTURIES) {
    const year = century + nik.birthYear2
    if (!isRealDate(year, nik.birthMonth, nik.birthDay)) continue
    const date = toLocalDate(year, nik.birthMonth, nik.birthDay)
    if (date > referenceDate) continue
    latest ??= date
    const age = ageOn(date, referenceDate)
    if (age >= plausible.minAgeYears && age <= plausible.maxAgeYears) {
      inRange = date
      inRangeCount++
    }
  }
  return inRangeCount === 1 ? inRange : latest
}

/** Day, month and two-digit year of a `YYYY-MM-DD` date equal the NIK's date digits. */
function matchesNikDate(nik: ParsedNik, date: LocalDate): boolean {
  return numberAt(date, 8, 2) === nik.birthDay && numberAt(date, 5, 2) === nik.birthMonth && numberAt(date, 2, 2) === nik.birthYear2
}

export interface DeclaredIdentity {
  birthDate?: LocalDate | null
  sex?: Sex | null
}

function nikDateText(nik: ParsedNik): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))
  return `${pad(nik.birthDay)}/${pad(nik.birthMonth)}/${pad(nik.birthYear2)}`
}

/**
 * A declared birth date or sex that disagrees with the NIK's own date digits is rejected (issue 4): day,
 * month and two-digit year must match; the sex follows from the day (women: DD + 40).
 */
export function checkIdentityAgainstNik(nik: ParsedNik | string, declared: DeclaredIdentity): readonly FieldIssue[] {
  let parsed: ParsedNik
  if (typeof nik === 'string') {
    const result = parseNik(nik)
    if (result.error) return [result.error]
    parsed = result.ok
  } else {
    parsed = nik
  }
  let issues: readonly FieldIssue[] = NO_ISSUES
  const date = declared.birthDate
  if (date) {
    if (!matchesNikDate(parsed, date)) {
      issues = [
        fieldIssue('tanggal_lahir', 'birth_date_mismatch', `Tanggal lahir ${formatDateId(date)} tidak cocok dengan tanggal lahir pada NIK (${nikDateText(parsed)}).`),
      ]
    }
  }
  if (declared.sex && declared.sex !== parsed.sex) {
    const nikSays = parsed.sex === 'P' ? 'perempuan (tanggal pada NIK ditambah 40)' : 'laki-laki'
    const issue = fieldIssue('jenis_kelamin', 'sex_mismatch', `Jenis kelamin ${declared.sex} tidak cocok dengan NIK, yang menunjukkan ${nikSays}.`)
    issues = issues.length === 0 ? [issue] : [...issues, issue]
  }
  return issues
}
