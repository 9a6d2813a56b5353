import ExcelJS from 'exceljs'
import type { CoverageRow } from '../domain/report.js'
import { monthNameId, STATUS_ID, type ProvincePage } from './report-pages.js'

const COLUMNS = [
  ['Kode', 10], ['Kabupaten/Kota', 28], ['Terdaftar (registered)', 14], ['Belum bayar (terdaftar)', 14], ['Aktif', 12], ['Menunggak', 12],
  ['Nonaktif', 12], ['Terlindungi', 13], ['Baru', 10], ['Nonaktif bulan ini', 12], ['Aktif kembali', 12], ['Angkatan kerja', 14],
  ['Status angka', 12], ['Cakupan %', 11], ['Target (orang)', 14], ['Selisih', 12], ['Perlu per bulan', 13], ['Proyeksi tercapai', 14], ['Sumber angkatan kerja', 60],
] as const

/**
 * The coverage workbook: one sheet per province, one row per regency and a province row whose sums, terlindungi,
 * coverage and gap are formulas people can check (terlindungi = aktif + menunggak; cakupan = terlindungi ÷ angkatan
 * kerja; selisih = MAX(0, target − terlindungi)). Derived denominators are marked "turunan".
 */
/** A plain table sheet another area adds to the workbook (the claims section). */
export interface ExtraSheet {
  name: string
  title: string
  header: readonly string[]
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>
}

export async function renderCoverageXlsx(month: string, closed: boolean, pages: readonly ProvincePage[], extra: readonly ExtraSheet[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Semesta — BPJS Ketenagakerjaan Banuspa'
  for (const page of pages) {
    const sheet = workbook.addWorksheet(page.province.name.slice(0, 31))
    sheet.addRow([`Cakupan ${page.province.name} — ${monthNameId(month)}${closed ? ' (ditutup)' : ' (berjalan)'}`]).font = { bold: true }
    sheet.addRow(['terlindungi = aktif + menunggak; cakupan = terlindungi ÷ angkatan kerja; turunan = dihitung dari angka provinsi × pangsa penduduk Dukcapil'])
    const header = sheet.addRow(COLUMNS.map(([h]) => h))
    header.font = { bold: true }
    COLUMNS.forEach(([, w], i) => (sheet.getColumn(i + 1).width = w))
    const first = header.number + 1
    for (const r of page.regencies) addRow(sheet, r)
    const last = first + page.regencies.length - 1
    const total = sheet.addRow([page.province.code, page.province.name])
    total.font = { bold: true }
    const n = total.number
    for (const col of ['C', 'D', 'E', 'F', 'G', 'I', 'J', 'K', 'L']) sheet.getCell(`${col}${n}`).value = sumFormula(col, first, last, page.province)
    sheet.getCell(`H${n}`).value = { formula: `E${n}+F${n}`, result: page.province.terlindungi }
    sheet.getCell(`M${n}`).value = STATUS_ID[page.province.workforce.status] ?? page.province.workforce.status
    sheet.getCell(`N${n}`).value = { formula: `IF(L${n}>0,ROUND(H${n}/L${n}*100,2),"")`, result: page.province.coveragePct ?? '' }
    if (page.province.target !== null) {
      sheet.getCell(`O${n}`).value = page.province.target
      sheet.getCell(`P${n}`).value = { formula: `MAX(0,O${n}-H${n})`, result: page.province.gap ?? 0 }
    }
    sheet.getCell(`Q${n}`).value = page.province.neededPerMonth
    sheet.getCell(`R${n}`).value = projected(page.province)
    sheet.getCell(`S${n}`).value = source(page.province)
    sheet.views = [{ state: 'frozen', ySplit: header.number }]
  }
  for (const e of extra) {
    const sheet = workbook.addWorksheet(e.name.slice(0, 31))
    sheet.addRow([e.title]).font = { bold: true }
    sheet.addRow([...e.header]).font = { bold: true }
    for (const r of e.rows) sheet.addRow([...r])
    e.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, h.length + 2)))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function sumFormula(col: string, first: number, last: number, province: CoverageRow): ExcelJS.CellFormulaValue {
  const result = ({ C: province.registered, D: province.terdaftar, E: province.aktif, F: province.menunggak, G: province.nonaktif, I: province.new, J: province.lapsed, K: province.reactivated, L: province.workforce.value ?? 0 } as Record<string, number>)[col] ?? 0
  return { formula: last >= first ? `SUM(${col}${first}:${col}${last})` : '0', result }
}

function addRow(sheet: ExcelJS.Worksheet, r: CoverageRow): void {
  const row = sheet.addRow([
    r.code, r.name, r.registered, r.terdaftar, r.aktif, r.menunggak, r.nonaktif, null, r.new, r.lapsed, r.reactivated, r.workforce.value,
    STATUS_ID[r.workforce.status] ?? r.workforce.status, null, r.target, null, r.neededPerMonth, projected(r), source(r),
  ])
  const n = row.number
  sheet.getCell(`H${n}`).value = { formula: `E${n}+F${n}`, result: r.terlindungi }
  sheet.getCell(`N${n}`).value = { formula: `IF(N(L${n})>0,ROUND(H${n}/L${n}*100,2),"")`, result: r.coveragePct ?? '' }
  if (r.target !== null) sheet.getCell(`P${n}`).value = { formula: `MAX(0,O${n}-H${n})`, result: r.gap ?? 0 }
}

function projected(r: CoverageRow): string | null {
  if (r.target === null) return null
  return r.projectedMonth ?? 'tidak tahun ini'
}

function source(r: CoverageRow): string {
  const w = r.workforce
  return w.value === null ? 'tidak ditemukan' : `${w.source}, ${w.period ?? ''} (${STATUS_ID[w.status] ?? w.status})`
}
