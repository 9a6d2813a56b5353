import Papa from 'papaparse'
import type { ClaimBucket, ClaimsReport } from '../areas/claims/index.js'
import { provincePages, renderCoveragePdf, renderCoverageXlsx, type CoverageReport, type ExtraSheet } from '../areas/coverage/index.js'
import { addDays } from '../kernel/dates.js'
import { addMonths } from '../kernel/month.js'
import { claimsReportFor } from './claims-report.js'
import type { Sql } from '../platform/db/sql.js'
import { coverageReport, type CoverageQuery } from './coverage-report.js'

export type CoverageFormat = 'json' | 'csv' | 'xlsx' | 'pdf'

const CSV_COLUMNS = [
  'code', 'name', 'level', 'parentCode', 'group', 'registered', 'terdaftar', 'aktif', 'menunggak', 'nonaktif', 'terlindungi', 'new', 'lapsed', 'reactivated',
  'workforce', 'workforceMetric', 'workforcePeriod', 'workforceStatus', 'workforceSource', 'coveragePct', 'target', 'gap', 'neededPerMonth', 'projectedMonth',
] as const

export function coverageCsv(report: CoverageReport): string {
  const rows = report.rows.map((r) => [
    r.code, r.name, r.level, r.parentCode ?? '', r.group ?? '', r.registered, r.terdaftar, r.aktif, r.menunggak, r.nonaktif, r.terlindungi, r.new, r.lapsed,
    r.reactivated, r.workforce.value ?? '', r.workforce.metric, r.workforce.period ?? '', r.workforce.status, r.workforce.source, r.coveragePct ?? '',
    r.target ?? '', r.gap ?? '', r.neededPerMonth ?? '', r.projectedMonth ?? '',
  ])
  return `${Papa.unparse([[...CSV_COLUMNS], ...rows])}\r\n`
}

/**
 * The report in a file format: CSV (the rows as JSON has them), XLSX (one sheet per province, with formulas) or PDF
 * (one page per province). XLSX and PDF always hold province totals and their regencies.
 */
export async function coverageExport(sql: Sql, query: CoverageQuery & { format: Exclude<CoverageFormat, 'json'> }, now: Date, ids: { newId(): string }): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const { format, ...q } = query
  if (format === 'csv') {
    const report = await coverageReport(sql, q, now, ids)
    return { body: Buffer.from(coverageCsv(report), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `cakupan-${report.month}.csv` }
  }
  const provinces = await coverageReport(sql, { ...q, level: 'province', by: undefined }, now, ids)
  const regencies = await coverageReport(sql, { ...q, month: provinces.month, level: 'regency', by: undefined }, now, ids)
  const pages = provincePages(provinces, regencies)
  if (format === 'xlsx') {
    const claims = await claimsReportFor(sql, { from: `${provinces.month.slice(0, 4)}-01-01`, to: addDays(`${addMonths(provinces.month, 1)}-01`, -1), actor: q.actor }, now)
    return { body: await renderCoverageXlsx(provinces.month, provinces.closed, pages, [claimsSheet(claims)]), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `cakupan-${provinces.month}.xlsx` }
  }
  return { body: await renderCoveragePdf(provinces.month, provinces.closed, pages), contentType: 'application/pdf', fileName: `cakupan-${provinces.month}.pdf` }
}

const CLAIM_HEADER = ['Kelompok', 'Kunci', 'Diajukan', 'Dalam proses', 'Dibayar', 'Ditolak', 'Dibayar (Rp)', 'Tepat waktu', 'Terlambat', 'Tanpa batas', 'Hari kejadian→bayar (rata-rata)', 'Hari kerja ajuan→bayar (rata-rata)'] as const

/** The claims section of the workbook (issue 11 item 4): the year to the report's month, by programme, region and month. */
export function claimsSheet(r: ClaimsReport): ExtraSheet {
  const line = (group: string, b: ClaimBucket) => [group, b.key, b.filed, b.open, b.paid, b.rejected, b.paidIdr, b.withinLevel, b.late, b.noLevel, b.avgDaysEventToPaid, b.avgWorkingDaysToPay]
  return {
    name: 'Klaim',
    title: `Klaim ${r.from} s.d. ${r.to}: batas bayar JKM 3, JKK 7, JHT 5 hari kerja sejak klaim lengkap (PP 44/2015 Pasal 37, 40; PP 46/2015 Pasal 31)`,
    header: CLAIM_HEADER,
    rows: [line('Total', r.total), ...r.byProgramme.map((b) => line('Program', b)), ...r.byRegion.map((b) => line('Wilayah', b)), ...r.byMonth.map((b) => line('Bulan', b))],
  }
}
