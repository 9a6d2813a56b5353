type Pdf = PDFKit.PDFDocument

/** A page of plain tables another area adds to the coverage PDF (the claims page), as ExtraSheet does for the workbook. */
export interface TablePage {
  title: string
  /** Lines under the title (period, definitions, the regulation's service levels). */
  notes: readonly string[]
  /** Column headers; the first column is the row label, left-aligned, the others right-aligned. */
  header: readonly string[]
  /** Relative column widths, one per header. */
  widths: readonly number[]
  sections: ReadonlyArray<{ heading: string; rows: ReadonlyArray<readonly string[]> }>
}

const GREY = '#555555'
const SIZE = 8
const LINE = SIZE + 4

/** Draws a table page (A4 landscape, Bahasa Indonesia), continuing on a new page with the header repeated when full. */
export function tablePage(doc: Pdf, margin: number, page: TablePage): void {
  doc.addPage()
  const width = doc.page.width - 2 * margin
  const scale = width / page.widths.reduce((a, b) => a + b, 0)
  const widths = page.widths.map((w) => w * scale)
  const bottom = doc.page.height - margin - LINE
  doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(page.title, margin, margin)
  doc.font('Helvetica').fontSize(9).fillColor(GREY)
  for (const n of page.notes) doc.text(n)
  let y = doc.y + 8
  const row = (cells: readonly string[], bold: boolean) => {
    if (y > bottom) {
      doc.addPage()
      y = margin
      row(page.header, true)
    }
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SIZE).fillColor('black')
    let x = margin
    cells.forEach((c, i) => {
      const w = widths[i] ?? 40
      doc.text(c, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right', lineBreak: false, height: LINE })
      x += w
    })
    y += LINE
  }
  row(page.header, true)
  for (const s of page.sections) {
    y += 4
    if (y > bottom - LINE) y = bottom + 1
    row([s.heading], true)
    for (const r of s.rows) row(r, false)
  }
}
