import { formatDateId, formatRupiah, type LocalDate, type RowIssue } from '../../../kernel/index.js'
import { ageOn, parseDateInput } from './birth-dates.js'
import { CATEGORY_RULES, parseCategory, type Category, type CategoryRules, type Programme } from './categories.js'
import { fieldIssue, type ImportField } from './field-issue.js'
import { parseKpj } from './kpj.js'
import { cleanName, nameKey } from './names.js'
import { checkIdentityAgainstNik, checkNik, type NikPrefixLookup, type ParsedNik, type Sex } from './nik.js'
import { parseOccupations, sectorOf, type Occupation, type OccupationCatalogue, type Sector } from './occupations.js'
import { normalisePhone } from './phone.js'
import { parseProgrammes } from './programmes.js'
import { parseNpp, parseRupiah, parseSex, regencyCodeOf } from './registration-fields.js'
import { registrationLimitsAt, type RegistrationLimits, type RegistrationRules } from './registration-parameters.js'
import { present, RowIssues } from './row-issues.js'

/** A registration as it arrives: one import row (template columns) or an API body mapped to the same names. */
export type RegistrationRow = Partial<Record<ImportField, string | null | undefined>>

export interface RegistrationContext {
  nikPrefixes: NikPrefixLookup
  /** Today's Banuspa regency codes, dotted (`51.71`): where a participant may be domiciled. */
  banuspaRegencies: ReadonlySet<string>
  occupations: OccupationCatalogue
  rules: RegistrationRules
  /** The local date of registration when the row has no `tanggal_daftar`, and the latest date accepted. */
  today: LocalDate
}

export interface ValidRegistration {
  nik: string
  name: string
  /** Comparison and search form of the name (names.ts). */
  nameKey: string
  birthDate: LocalDate
  sex: Sex
  phoneE164: string | null
  regencyCode: string
  /** Today's code of the regency in the NIK (e.g. 93.01 for an NIK starting 9101), or as written if unknown. */
  nikRegencyCode: string
  occupationCodes: readonly string[]
  sector: Sector
  category: Category
  declaredIncomeIdr: number | null
  programmes: readonly Programme[]
  /** A KPJ the member brings; Semesta issues one otherwise. */
  kpj: string | null
  npp: string | null
  registrationDate: LocalDate
}

export type RegistrationCheck =
  | { ok: ValidRegistration; errors?: never; warnings: readonly RowIssue[] }
  | { ok?: never; errors: RowIssue[]; warnings: readonly RowIssue[] }

const NO_ROW_ISSUES: readonly RowIssue[] = Object.freeze([])
const NO_OCCUPATIONS: readonly Occupation[] = Object.freeze([])
const NAME_MAX_LENGTH = 150
/** FLAGGED Semesta plausibility check (a warning, never a rejection): a worker younger than this is probably a typo. */
const YOUNGEST_PLAUSIBLE_AGE = 15

function required(row: RegistrationRow, field: ImportField, label: string, issues: RowIssues): string | undefined {
  const value = row[field]
  if (present(value)) return value
  issues.error(fieldIssue(field, 'missing_field', `${label} wajib diisi.`))
  return undefined
}

/** At least one letter and no digit (a digit means a shifted column or a typed NIK). */
function looksLikeName(name: string): boolean {
  let letter = false
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c >= 48 && c <= 57) return false
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191) letter = true
  }
  return letter
}

function checkName(row: RegistrationRow, issues: RowIssues): string | undefined {
  const raw = required(row, 'nama', 'Nama', issues)
  if (raw === undefined) return undefined
  const name = cleanName(raw)
  if (!looksLikeName(name) || name.length > NAME_MAX_LENGTH) {
    issues.error(fieldIssue('nama', 'invalid_input', 'Nama harus berupa huruf (tanpa angka), paling panjang 150 karakter.'))
    return undefined
  }
  return name
}

function checkDate(row: RegistrationRow, field: 'tanggal_lahir' | 'tanggal_daftar', label: string, issues: RowIssues): LocalDate | undefined {
  const raw = row[field]
  if (!present(raw)) return undefined
  const date = parseDateInput(raw)
  if (date === null) issues.error(fieldIssue(field, 'invalid_date', `${label} "${raw.trim()}" bukan tanggal yang valid; tulis DD/MM/YYYY atau YYYY-MM-DD.`))
  return date ?? undefined
}

function checkRegistrationDate(row: RegistrationRow, ctx: RegistrationContext, issues: RowIssues): LocalDate {
  const date = checkDate(row, 'tanggal_daftar', 'Tanggal daftar', issues)
  if (date === undefined) return ctx.today
  if (date > ctx.today) {
    issues.error(fieldIssue('tanggal_daftar', 'out_of_range', `Tanggal daftar ${formatDateId(date)} belum terjadi (hari ini ${formatDateId(ctx.today)}).`))
    return ctx.today
  }
  return date
}

function checkBirthDate(row: RegistrationRow, registrationDate: LocalDate, issues: RowIssues): LocalDate | undefined {
  if (!present(row.tanggal_lahir)) {
    issues.error(fieldIssue('tanggal_lahir', 'missing_field', 'Tanggal lahir wajib diisi.'))
    return undefined
  }
  const date = checkDate(row, 'tanggal_lahir', 'Tanggal lahir', issues)
  if (date === undefined) return undefined
  if (date > registrationDate) {
    issues.error(fieldIssue('tanggal_lahir', 'out_of_range', `Tanggal lahir ${formatDateId(date)} sesudah tanggal daftar ${formatDateId(registrationDate)}.`))
    return undefined
  }
  if (ageOn(date, registrationDate) < YOUNGEST_PLAUSIBLE_AGE) {
    issues.warn(fieldIssue('tanggal_lahir', 'out_of_range', `Usia pada tanggal daftar di bawah ${YOUNGEST_PLAUSIBLE_AGE} tahun; mohon periksa tanggal lahir.`))
  }
  return date
}

function checkIdentity(row: RegistrationRow, ctx: RegistrationContext, registrationDate: LocalDate, issues: RowIssues) {
  const nikInput = required(row, 'nik', 'NIK', issues)
  const nik = nikInput === undefined ? undefined : checkNik(nikInput, ctx.nikPrefixes)
  if (nik?.error) issues.error(nik.error)
  else if (nik) for (const warning of nik.warnings) issues.warn(warning)
  const name = checkName(row, issues)
  const birthDate = checkBirthDate(row, registrationDate, issues)
  const sexInput = required(row, 'jenis_kelamin', 'Jenis kelamin', issues)
  const sex = sexInput === undefined ? undefined : parseSex(sexInput)
  if (sex?.error) issues.error(sex.error)
  const parsed: ParsedNik | undefined = nik?.ok
  if (parsed) {
    for (const issue of checkIdentityAgainstNik(parsed, { birthDate, sex: sex?.ok })) issues.error(issue)
  }
  return { nik: parsed, nikRegencyCode: nik?.ok ? (nik.currentRegencyCode ?? nik.ok.regencyCode) : undefined, name, birthDate, sex: sex?.ok }
}

function checkPhone(row: RegistrationRow, issues: RowIssues): string | null {
  if (!present(row.no_hp)) return null
  const phone = normalisePhone(row.no_hp)
  if (phone.error) issues.error(phone.error)
  return phone.ok ?? null
}

function checkRegion(row: RegistrationRow, ctx: RegistrationContext, issues: RowIssues): string | undefined {
  const raw = required(row, 'kode_wilayah', 'Kode wilayah', issues)
  if (raw === undefined) return undefined
  const code = regencyCodeOf(raw)
  if (code === undefined) {
    issues.error(fieldIssue('kode_wilayah', 'invalid_input', `Kode wilayah "${raw.trim()}" harus kode kabupaten/kota seperti 51.71 atau 5171.`))
    return undefined
  }
  if (ctx.banuspaRegencies.has(code)) return code
  const current = ctx.nikPrefixes.currentCodeOf(code)
  if (current !== undefined && current !== code && ctx.banuspaRegencies.has(current)) {
    issues.warn(fieldIssue('kode_wilayah', 'unknown_code', `Kode wilayah ${code} adalah kode lama (sebelum pemekaran 2022); dicatat sebagai ${current}.`))
    return current
  }
  const outside = ctx.nikPrefixes.regencyExists(code)
  issues.error(
    outside
      ? fieldIssue('kode_wilayah', 'outside_region', `Kode wilayah ${code} bukan kabupaten/kota di wilayah Banuspa (Bali, Nusa Tenggara, Papua).`)
      : fieldIssue('kode_wilayah', 'unknown_code', `Kode wilayah ${code} tidak dikenal.`),
  )
  return undefined
}

function checkCategory(row: RegistrationRow, issues: RowIssues): CategoryRules | undefined {
  const raw = required(row, 'kategori', 'Kategori', issues)
  if (raw === undefined) return undefined
  const category = parseCategory(raw)
  if (category === undefined) {
    issues.error(fieldIssue('kategori', 'unknown_code', `Kategori "${raw.trim()}" tidak dikenal; pilih bpu, pu, pmi, non_asn, pemilu atau jakon.`))
    return undefined
  }
  return CATEGORY_RULES[category]
}

const codeLists = new WeakMap<readonly Occupation[], readonly string[]>()

function codesOf(occupations: readonly Occupation[]): readonly string[] {
  let codes = codeLists.get(occupations)
  if (!codes) {
    codes = Object.freeze(occupations.map((o) => o.code))
    if (Object.isFrozen(occupations)) codeLists.set(occupations, codes)
  }
  return codes
}

function checkOccupations(row: RegistrationRow, ctx: RegistrationContext, rules: CategoryRules | undefined, limits: RegistrationLimits, issues: RowIssues) {
  const raw = row.pekerjaan
  if (!present(raw)) {
    if (rules?.code === 'bpu') issues.error(fieldIssue('pekerjaan', 'missing_field', 'Pekerjaan wajib diisi untuk peserta BPU.'))
    return undefined
  }
  const parsed = parseOccupations(ctx.occupations, raw, limits.maxOccupations.value)
  if (parsed.error) issues.error(parsed.error)
  return parsed.ok
}

function checkIncome(row: RegistrationRow, rules: CategoryRules | undefined, limits: RegistrationLimits, issues: RowIssues): number | null {
  const raw = row.penghasilan
  if (!present(raw)) {
    if (rules?.incomeRequired) issues.error(fieldIssue('penghasilan', 'missing_field', `Penghasilan wajib diisi untuk kategori ${rules.code.toUpperCase()}.`))
    return null
  }
  const income = parseRupiah(raw)
  if (income.error) {
    issues.error(income.error)
    return null
  }
  const minimum = limits.bpuMinDeclaredIncomeIdr.value
  if (rules?.bpuRegistrationConditions && income.ok < minimum) {
    issues.error(fieldIssue('penghasilan', 'out_of_range', `Penghasilan peserta BPU paling sedikit ${formatRupiah(minimum)} per bulan (tertulis ${formatRupiah(income.ok)}).`))
  }
  return income.ok
}

function checkBpuAge(birthDate: LocalDate | undefined, registrationDate: LocalDate, rules: CategoryRules | undefined, limits: RegistrationLimits, issues: RowIssues): void {
  if (!birthDate || !rules?.bpuRegistrationConditions) return
  const limit = limits.bpuAgeLimitYears.value
  const age = ageOn(birthDate, registrationDate)
  if (age >= limit) {
    issues.error(fieldIssue('tanggal_lahir', 'not_eligible', `Peserta BPU harus berusia di bawah ${limit} tahun pada tanggal daftar (usia ${age} tahun).`))
  }
}

function checkEnrolment(row: RegistrationRow, rules: CategoryRules | undefined, issues: RowIssues) {
  const programmeInput = required(row, 'program', 'Program', issues)
  const programmes = programmeInput !== undefined && rules ? parseProgrammes(programmeInput, rules.code) : undefined
  if (programmes?.error) issues.error(programmes.error)
  const kpj = present(row.kpj) ? parseKpj(row.kpj) : undefined
  if (kpj?.error) issues.error(kpj.error)
  let npp: string | null = null
  if (present(row.npp)) {
    const parsed = parseNpp(row.npp)
    if (parsed.error) issues.error(parsed.error)
    npp = parsed.ok ?? null
  } else if (rules?.requiresNpp) {
    issues.error(fieldIssue('npp', 'missing_field', 'NPP perusahaan wajib diisi untuk peserta PU.'))
  }
  return { programmes: programmes?.ok, kpj: kpj?.ok ?? null, npp }
}

/**
 * Checks one registration and collects every field problem at once (issue 4: an import row lists all its
 * reasons). Rejections are `errors`; `warnings` never reject (e.g. an unknown regency inside a known NIK
 * province, an old Papua region code). Pure: today, the tables and the flagged limits are arguments.
 */
export function validateRegistration(row: RegistrationRow, ctx: RegistrationContext, rowNumber = 0): RegistrationCheck {
  const issues = new RowIssues(rowNumber)
  const registrationDate = checkRegistrationDate(row, ctx, issues)
  const limits = registrationLimitsAt(ctx.rules, registrationDate)
  const identity = checkIdentity(row, ctx, registrationDate, issues)
  const phoneE164 = checkPhone(row, issues)
  const regencyCode = checkRegion(row, ctx, issues)
  const rules = checkCategory(row, issues)
  const occupations = checkOccupations(row, ctx, rules, limits, issues)
  const declaredIncomeIdr = checkIncome(row, rules, limits, issues)
  checkBpuAge(identity.birthDate, registrationDate, rules, limits, issues)
  const enrolment = checkEnrolment(row, rules, issues)
  const warnings = issues.warnings ?? NO_ROW_ISSUES
  if (issues.errors) return { errors: issues.errors, warnings }
  const { nik, name, birthDate, sex } = identity
  if (!nik || !name || !birthDate || !sex || !regencyCode || !rules || !enrolment.programmes) {
    throw new Error('validateRegistration: a required value is missing without an error') // unreachable by construction
  }
  const chosen = occupations ?? NO_OCCUPATIONS
  return {
    ok: {
      nik: nik.nik, name, nameKey: nameKey(name), birthDate, sex, phoneE164, regencyCode,
      nikRegencyCode: identity.nikRegencyCode ?? nik.regencyCode,
      occupationCodes: codesOf(chosen), sector: sectorOf(chosen), category: rules.code, declaredIncomeIdr,
      programmes: enrolment.programmes, kpj: enrolment.kpj, npp: enrolment.npp, registrationDate,
    },
    warnings,
  }
}
