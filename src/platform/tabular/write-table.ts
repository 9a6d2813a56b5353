import { once } from 'node:events'
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { TabularFormat } from './detect-format.js'

export interface TableSheet {
  name: string
  columns: readonly string[]
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>
  /** Column widths in characters (XLSX only). */
  widths?: readonly number[]
}

const CSV_BATCH = 1_000

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain')
}

async function writeCsv(output: Writable, sheet: TableSheet): Promise<void> {
  await write(output, `${Papa.unparse([sheet.columns as string[]])}\r\n`)
  let batch: string[][] = []
  for await (const row of sheet.rows) {
    batch.push(row as string[])
    if (batch.length === CSV_BATCH) {
      await write(output, `${Papa.unparse(batch)}\r\n`)
      batch = []
    }
  }
  if (batch.length > 0) await write(output, `${Papa.unparse(batch)}\r\n`)
}

async function writeXlsx(output: Writable, sheets: readonly TableSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name)
    worksheet.columns = sheet.columns.map((header, i) => ({ header, key: String(i), width: sheet.widths?.[i] ?? Math.max(12, header.length + 2), style: { numFmt: '@' } }))
    worksheet.getRow(1).font = { bold: true }
    worksheet.getRow(1).commit()
    for await (const row of sheet.rows) worksheet.addRow([...row]).commit()
    worksheet.commit()
  }
  await workbook.commit()
}

/**
 * Writes sheets to a stream as CSV (the first sheet, RFC 4180 with CRLF) or XLSX (every sheet, text cells so
 * an NIK stays 16 digits when the file is opened again), streamed row by row; ends `output`.
 */
export async function writeTable(output: Writable, format: TabularFormat, sheets: readonly TableSheet[]): Promise<void> {
  if (format === 'xlsx') return writeXlsx(output, sheets)
  const first = sheets[0]
  if (first) await writeCsv(output, first)
  output.end()
}
