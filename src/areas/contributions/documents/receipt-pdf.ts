import PDFDocument from 'pdfkit'
import { formatDateId } from '../../../kernel/dates.js'
import { formatRupiah } from '../../../kernel/money.js'
import { formatInstantId, formatMonthId, receiptProgrammes, type ReceiptDocument } from './receipt-document.js'

type Pdf = PDFKit.PDFDocument

const MARGIN = 32
const GREY = '#555555'
const LINE = '#bbbbbb'

export interface RenderOptions {
  /** Uncompressed content streams (tests read the text back); compressed by default. */
  compress?: boolean
}

/** The printable bukti bayar: one A5 page in Bahasa Indonesia (a long note may flow onto a second page). */
export function renderReceiptPdf(receipt: ReceiptDocument, options: RenderOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `Bukti bayar ${receipt.receiptNo}`, Author: 'Semesta — BPJS Ketenagakerjaan Banuspa', CreationDate: receipt.recordedAt },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  header(doc, receipt)
  participantBlock(doc, receipt)
  monthsTable(doc, receipt)
  summary(doc, receipt)
  protection(doc, receipt)
  doc.end()
  return done
}

function width(doc: Pdf): number {
  return doc.page.width - 2 * MARGIN
}

function rule(doc: Pdf, gap = 6): void {
  doc.moveDown(0.2)
  doc.moveTo(MARGIN, doc.y).lineTo(doc.page.width - MARGIN, doc.y).lineWidth(0.5).strokeColor(LINE).stroke()
  doc.y += gap
}

function header(doc: Pdf, r: ReceiptDocument): void {
  doc.font('Helvetica').fontSize(8).fillColor(GREY).text('BPJS Ketenagakerjaan · Kantor Wilayah Bali, Nusa Tenggara dan Papua', MARGIN, MARGIN)
  doc.font('Helvetica-Bold').fontSize(15).fillColor('black').text('BUKTI BAYAR IURAN', MARGIN, doc.y + 4)
  const top = doc.y + 2
  doc.font('Helvetica').fontSize(9)
  field(doc, 'No. bukti', r.receiptNo, MARGIN, top)
  field(doc, 'Tanggal bayar', formatDateId(r.paidOn), MARGIN + width(doc) / 2, top)
  field(doc, 'Dicatat', formatInstantId(r.recordedAt, r.zone), MARGIN + width(doc) / 2, doc.y)
  rule(doc)
}

function field(doc: Pdf, label: string, value: string, x: number, y: number, labelWidth = 64): void {
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(label, x, y, { width: labelWidth, lineBreak: false })
  doc.font('Helvetica-Bold').fillColor('black').text(value, x + labelWidth, y, { width: width(doc) / 2 + 40 - labelWidth })
}

function participantBlock(doc: Pdf, r: ReceiptDocument): void {
  const p = r.participant
  const top = doc.y
  field(doc, 'Nama', p.name, MARGIN, top)
  field(doc, 'KPJ', p.kpj, MARGIN, doc.y + 1)
  field(doc, 'NIK', p.nikMasked, MARGIN, doc.y + 1)
  const region = p.regencyName ? `${p.regencyName} (${p.regencyCode})` : p.regencyCode
  field(doc, 'Wilayah', `${region} · ${r.zone}`, MARGIN, doc.y + 1)
  rule(doc)
}

function monthsTable(doc: Pdf, r: ReceiptDocument): void {
  const programmes = receiptProgrammes(r.months)
  const w = width(doc)
  const monthWidth = 110
  const col = (w - monthWidth) / (programmes.length + 1)
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('black')
    doc.text(cells[0] ?? '', MARGIN, y, { width: monthWidth, lineBreak: false })
    cells.slice(1).forEach((cell, i) => doc.text(cell, MARGIN + monthWidth + i * col, y, { width: col, align: 'right', lineBreak: false }))
    doc.y = y + 13
  }
  doc.font('Helvetica-Bold').fontSize(10).text('Iuran yang dibayar', MARGIN, doc.y)
  doc.moveDown(0.3)
  row(['Bulan', ...programmes, 'Jumlah'], true)
  for (const m of r.months) {
    const amount = (p: string) => m.lines.filter((l) => l.programme === p).reduce((t, l) => t + l.amountIdr, 0)
    const total = m.lines.reduce((t, l) => t + l.amountIdr, 0)
    row([formatMonthId(m.month), ...programmes.map((p) => formatRupiah(amount(p))), formatRupiah(total)], false)
  }
  if (r.months.length === 0) row(['(tidak ada bulan yang terbayar penuh)'], false)
  rule(doc, 4)
}

function summary(doc: Pdf, r: ReceiptDocument): void {
  const w = width(doc)
  const line = (label: string, value: string, bold = false) => {
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9).fillColor('black')
    doc.text(label, MARGIN, y, { width: w - 120, lineBreak: false })
    doc.text(value, MARGIN + w - 120, y, { width: 120, align: 'right', lineBreak: false })
    doc.y = y + (bold ? 16 : 13)
  }
  line('Total dibayar', formatRupiah(r.totalIdr), true)
  if (r.creditAddedIdr > 0) line('Disimpan sebagai saldo (kurang dari satu bulan)', formatRupiah(r.creditAddedIdr))
  line('Sisa saldo titipan', formatRupiah(r.creditIdr))
  line('Iuran lunas sampai', r.paidThrough ? formatMonthId(r.paidThrough) : '-')
  doc.moveDown(0.3)
  const c = r.collector
  const by = [c.sourceName ? `${c.sourceName}${c.sourceKind ? ` (${sourceKindId(c.sourceKind)})` : ''}` : null, c.recordedBy ? `petugas ${c.recordedBy}` : null]
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(`Diterima melalui: ${by.filter(Boolean).join(' · ') || '-'}`, MARGIN, doc.y, { width: w })
  if (r.note) doc.text(`Catatan: ${r.note}`, { width: w })
  rule(doc)
}

const SOURCE_KINDS: Readonly<Record<string, string>> = {
  agent: 'Agen Perisai', channel: 'kanal pembayaran', pemda: 'pemda', employer: 'pemberi kerja', office: 'kantor cabang', self: 'mandiri',
}

function sourceKindId(kind: string): string {
  return SOURCE_KINDS[kind] ?? kind
}

function protection(doc: Pdf, r: ReceiptDocument): void {
  const w = width(doc)
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text('Perlindungan Anda', MARGIN, doc.y, { width: w })
  doc.font('Helvetica').fontSize(8).fillColor(GREY)
  for (const line of r.protection) doc.text(`• ${line}`, MARGIN, doc.y + 1, { width: w })
  doc.moveDown(0.6)
  doc.fontSize(7).text('Bukti bayar ini dicetak oleh sistem dan sah tanpa tanda tangan. Simpan sebagai bukti pembayaran iuran.', MARGIN, doc.y, { width: w })
}
