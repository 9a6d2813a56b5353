import ExcelJS from 'exceljs'
import { cellText } from './cell-text.js'

/** The rows of an XLSX file's first sheet as strings, streamed (exceljs WorkbookReader); line = the sheet's row number. */
export async function* xlsxRecords(file: string): AsyncGenerator<{ line: number; cells: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' })
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[]
      const cells: string[] = []
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
      yield { line: row.number, cells }
    }
    return // the first sheet only: a template's second sheet explains the columns
  }
}
