import type { RowIssue } from '../../../kernel/errors.js'
import { isMonth, type Month } from '../../../kernel/month.js'
import { parseNik, parseRupiah } from '../../participants/domain/index.js'
import { nppOrUndefined } from './npp.js'
import { MAX_WAGE_IDR } from './wages.js'

/** The columns of a laporan upah (Indonesian, as clerks see them); `npp` and `nama` may be left out. */
export const WAGE_REPORT_COLUMNS = ['npp', 'nik', 'nama', 'upah', 'bulan'] as const
export const WAGE_REPORT_REQUIRED = ['nik', 'upah', 'bulan'] as const
export type WageReportField = (typeof WAGE_REPORT_COLUMNS)[number]

export interface WageReportRow {
  line: number
  nik: string
  name: string | null
  wageIdr: number
  month: Month
}

export interface WageReportContext {
  /** The NPP of the employer the report is for (normalised). */
  npp: string
  /** The last month a report may carry (the month after the current one: a raise may be reported ahead). */
  latestMonth: Month
}

export type WageReportRowParse = { ok: WageReportRow; errors?: never } | { ok?: never; errors: RowIssue[] }

const MM_YYYY = /^(\d{1,2})[/-](\d{4})$/
const YYYY_MM_DD = /^(\d{4}-\d{2})-\d{2}$/

/** `2026-03`; also `03/2026` and a spreadsheet date `2026-03-01` (its month). */
export function parseReportMonth(input: string): Month | undefined {
  const s = input.trim()
  if (isMonth(s)) return s
  const mmYyyy = MM_YYYY.exec(s)
  if (mmYyyy) {
    const month = `${mmYyyy[2]}-${mmYyyy[1]!.padStart(2, '0')}`
    return isMonth(month) ? month : undefined
  }
  const date = YYYY_MM_DD.exec(s)
  return date && isMonth(date[1]!) ? date[1] : undefined
}

/** `5000000`, `5.000.000`, `Rp5.000.000`: whole rupiah above zero. */
export function parseReportWage(input: string): { ok: number; message?: never; code?: never } | { ok?: never; message: string; code: 'invalid_input' | 'out_of_range' | 'missing_field' } {
  if (input.trim() === '') return { message: 'Upah wajib diisi.', code: 'missing_field' }
  const parsed = parseRupiah(input)
  if (parsed.error) {
    if (parsed.error.code === 'out_of_range') return { message: 'Upah terlalu besar; periksa kembali angkanya.', code: 'out_of_range' }
    return { message: `Upah "${input.trim()}" bukan angka rupiah bulat (contoh: 5000000 atau 5.000.000).`, code: 'invalid_input' }
  }
  if (parsed.ok <= 0) return { message: 'Upah harus lebih dari Rp0.', code: 'out_of_range' }
  if (parsed.ok > MAX_WAGE_IDR) return { message: 'Upah terlalu besar; periksa kembali angkanya.', code: 'out_of_range' }
  return { ok: parsed.ok }
}

/** Checks one row of a laporan upah; every problem of the row is listed at once. */
export function parseWageReportRow(line: number, values: Readonly<Record<string, string | undefined>>, context: WageReportContext): WageReportRowParse {
  const errors: RowIssue[] = []
  const issue = (field: WageReportField, code: string, message: string) => errors.push({ row: line, field, code, message })

  const nppText = values.npp?.trim() ?? ''
  if (nppText !== '' && nppOrUndefined(nppText) !== context.npp) {
    issue('npp', 'invalid_input', `NPP baris ini (${nppText}) bukan NPP perusahaan laporan ini (${context.npp}).`)
  }
  const nik = parseNik(values.nik ?? '')
  if (nik.error) issue('nik', nik.error.code, nik.error.message)
  const wage = parseReportWage(values.upah ?? '')
  if (wage.message !== undefined) issue('upah', wage.code, wage.message)
  const monthText = values.bulan?.trim() ?? ''
  const month = monthText === '' ? undefined : parseReportMonth(monthText)
  if (monthText === '') issue('bulan', 'missing_field', 'Bulan wajib diisi (YYYY-MM, mis. 2026-03).')
  else if (!month) issue('bulan', 'invalid_month', `Bulan "${monthText}" tidak valid: tulis YYYY-MM, mis. 2026-03.`)
  else if (month > context.latestMonth) issue('bulan', 'out_of_range', `Bulan ${month} belum tiba: laporan upah paling jauh untuk ${context.latestMonth}.`)

  if (errors.length > 0 || !nik.ok || wage.ok === undefined || !month) return { errors }
  const name = values.nama?.trim() ?? ''
  return { ok: { line, nik: nik.ok.nik, name: name === '' ? null : name, wageIdr: wage.ok, month } }
}
