import PDFDocument from 'pdfkit'
import type { CoverageRow } from '../domain/report.js'
import { monthNameId, STATUS_ID, type ProvincePage } from './report-pages.js'
import { tablePage, type TablePage } from './table-page.js'

type Pdf = PDFKit.PDFDocument

const MARGIN = 36
const BAR = '#2f6f9f'
const TARGET = '#c0392b'
const GREY = '#555555'

const id = (n: number) => n.toLocaleString('id-ID')
const pct = (v: number | null) => (v === null ? '–' : `${v.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`)

/**
 * The coverage report as PDF: one A4 landscape page per province in Bahasa Indonesia, a bar chart of coverage per
 * kabupaten/kota with the target line, and the figures beneath it (denominator source, derived ones marked); then the
 * table pages other areas add (the claims page).
 */
export function renderCoveragePdf(month: string, closed: boolean, pages: readonly ProvincePage[], options: { compress?: boolean; extra?: readonly TablePage[] } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: false, compress: options.compress ?? true, info: { Title: `Laporan cakupan ${month}`, Author: 'Semesta — BPJS Ketenagakerjaan Banuspa' } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  for (const page of pages) provincePage(doc, month, closed, page)
  if (pages.length === 0) doc.addPage().fontSize(12).text('Tidak ada data cakupan untuk wilayah Anda.')
  for (const extra of options.extra ?? []) tablePage(doc, MARGIN, extra)
  doc.end()
  return done
}

function targetPct(p: CoverageRow): number | null {
  if (p.target === null || !p.workforce.value) return null
  return (p.target * 100) / p.workforce.value
}

function provincePage(doc: Pdf, month: string, closed: boolean, page: ProvincePage): void {
  doc.addPage()
  const p = page.province
  const width = doc.page.width - 2 * MARGIN
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(`Cakupan Jaminan Sosial Ketenagakerjaan — ${p.name}`, MARGIN, MARGIN)
  doc.font('Helvetica').fontSize(10).fillColor(GREY)
    .text(`${monthNameId(month)} (${closed ? 'bulan ditutup' : 'bulan berjalan'}). Terlindungi = aktif + menunggak (orang, bukan kepesertaan).`)
  doc.moveDown(0.3).fillColor('black').fontSize(11)
    .text(`Terlindungi ${id(p.terlindungi)} dari angkatan kerja ${p.workforce.value === null ? 'tidak diketahui' : id(p.workforce.value)} = ${pct(p.coveragePct)}` +
      (p.target === null ? '; target belum ditetapkan.' : `; target ${id(p.target)} orang, selisih ${id(p.gap ?? 0)}, perlu ${p.neededPerMonth === null ? '–' : id(p.neededPerMonth)} per bulan, tercapai ${p.projectedMonth ? monthNameId(p.projectedMonth) : 'tidak tahun ini'}.`))
  doc.fontSize(8).fillColor(GREY).text(`Angkatan kerja: ${p.workforce.source}, ${p.workforce.period ?? '–'} (${STATUS_ID[p.workforce.status]}). Kabupaten/kota: angka provinsi × pangsa penduduk Dukcapil (turunan).`)
  const chartTop = doc.y + 10
  const height = page.regencies.length > 14 ? 150 : 200
  chart(doc, page.regencies, targetPct(p), MARGIN, chartTop, width, height)
  table(doc, page.regencies, MARGIN, chartTop + height + 48)
}

function chart(doc: Pdf, rows: readonly CoverageRow[], target: number | null, x: number, y: number, width: number, height: number): void {
  const values = rows.map((r) => r.coveragePct ?? 0)
  const max = Math.max(10, target ?? 0, ...values) * 1.1
  const plotX = x + 30
  const plotW = width - 30
  doc.save().lineWidth(0.5).strokeColor('#999999').moveTo(plotX, y).lineTo(plotX, y + height).lineTo(plotX + plotW, y + height).stroke().restore()
  doc.fontSize(7).fillColor(GREY)
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const v = max * tick
    doc.text(`${Math.round(v)}%`, x, y + height - height * tick - 3, { width: 26, align: 'right' })
  }
  const slot = rows.length > 0 ? plotW / rows.length : plotW
  const barW = Math.max(2, slot * 0.6)
  rows.forEach((r, i) => {
    const v = r.coveragePct ?? 0
    const h = (v / max) * height
    const bx = plotX + i * slot + (slot - barW) / 2
    doc.rect(bx, y + height - h, barW, h).fill(BAR)
    doc.save().fontSize(6).fillColor('black')
    doc.rotate(-45, { origin: [bx + barW / 2, y + height + 4] }).text(r.name.replace(/^(Kabupaten|Kota) /, r.name.startsWith('Kota') ? 'Kota ' : ''), bx + barW / 2 - 60, y + height + 4, { width: 60, align: 'right' })
    doc.restore()
  })
  if (target !== null) {
    const ty = y + height - (target / max) * height
    doc.save().lineWidth(1.2).strokeColor(TARGET).dash(4, { space: 3 }).moveTo(plotX, ty).lineTo(plotX + plotW, ty).stroke().undash().restore()
    const label = `Target ${pct(Math.round(target * 100) / 100)}`
    doc.fontSize(8)
    doc.rect(plotX + 2, ty - 11, doc.widthOfString(label) + 4, 10).fill('white')
    doc.fillColor(TARGET).text(label, plotX + 4, ty - 10, { lineBreak: false })
  }
  doc.fillColor('black')
}

function table(doc: Pdf, rows: readonly CoverageRow[], x: number, y: number): void {
  const cols: Array<[string, number, (r: CoverageRow) => string]> = [
    ['Kabupaten/Kota', 150, (r) => r.name], ['Terdaftar', 60, (r) => id(r.registered)], ['Belum bayar', 60, (r) => id(r.terdaftar)],
    ['Aktif', 60, (r) => id(r.aktif)], ['Menunggak', 60, (r) => id(r.menunggak)], ['Nonaktif', 60, (r) => id(r.nonaktif)],
    ['Terlindungi', 65, (r) => id(r.terlindungi)], ['Angkatan kerja*', 75, (r) => (r.workforce.value === null ? '–' : id(r.workforce.value))],
    ['Cakupan', 55, (r) => pct(r.coveragePct)], ['Selisih target', 70, (r) => (r.gap === null ? '–' : id(r.gap))],
  ]
  const size = rows.length > 14 ? 6.5 : 8
  const lineH = size + 3
  let cx = x
  doc.font('Helvetica-Bold').fontSize(size)
  for (const [h, w] of cols) {
    doc.text(h, cx, y, { width: w - 4, align: cx === x ? 'left' : 'right' })
    cx += w
  }
  doc.font('Helvetica')
  rows.forEach((r, i) => {
    cx = x
    for (const [, w, f] of cols) {
      doc.text(f(r), cx, y + (i + 1) * lineH, { width: w - 4, align: cx === x ? 'left' : 'right', lineBreak: false })
      cx += w
    }
  })
  doc.fontSize(6.5).fillColor(GREY).text('* turunan: angka provinsi × pangsa penduduk Dukcapil Des 2024', x, y + (rows.length + 1) * lineH + 4)
  doc.fillColor('black')
}
