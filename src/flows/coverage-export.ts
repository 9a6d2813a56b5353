import Papa from 'papaparse'
import { provincePages, renderCoveragePdf, renderCoverageXlsx, type CoverageReport } from '../areas/coverage/index.js'
import { addDays } from '../kernel/dates.js'
import { addMonths } from '../kernel/month.js'
import { claimsReportFor } from './claims-report.js'
import { claimsPdfPage, claimsSheet } from './coverage-claims.js'
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
  const claims = await claimsReportFor(sql, { from: `${provinces.month.slice(0, 4)}-01-01`, to: addDays(`${addMonths(provinces.month, 1)}-01`, -1), actor: q.actor }, now)
  if (format === 'xlsx') {
    return { body: await renderCoverageXlsx(provinces.month, provinces.closed, pages, [claimsSheet(claims)]), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `cakupan-${provinces.month}.xlsx` }
  }
  const names = new Map([...provinces.rows, ...regencies.rows].map((r) => [r.code, r.name]))
  const pdf = await renderCoveragePdf(provinces.month, provinces.closed, pages, { extra: [claimsPdfPage(claims, names)] })
  return { body: pdf, contentType: 'application/pdf', fileName: `cakupan-${provinces.month}.pdf` }
}
