import type { CoverageReport, CoverageRow } from '../domain/report.js'

/** The report split per province for the exports: the province's own row and its regencies' rows. */
export interface ProvincePage {
  province: CoverageRow
  regencies: CoverageRow[]
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']

export function monthNameId(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`
}

/** Pages from a province-level report and a regency-level report of the same month. */
export function provincePages(provinces: CoverageReport, regencies: CoverageReport): ProvincePage[] {
  return provinces.rows.map((province) => ({ province, regencies: regencies.rows.filter((r) => r.parentCode === province.code) }))
}

export const STATUS_ID: Record<string, string> = { reported: 'dilaporkan', derived: 'turunan', not_found: 'tidak ditemukan' }
