import { csvRecords } from './csv-rows.js'
import { detectFormat, type TabularFormat } from './detect-format.js'
import { missingColumns, normaliseHeader } from './headers.js'
import { TabularError } from './tabular-error.js'
import { xlsxRecords } from './xlsx-rows.js'

/** One data row: its line in the file (header = line 1) and its cells by normalised header. */
export interface TabularRow {
  line: number
  values: Record<string, string>
}

export interface OpenTableOptions {
  /** Normalised names that must be in the header row; a missing one is a TabularError('missing_columns'). */
  requiredColumns?: readonly string[]
}

export interface Table {
  format: TabularFormat
  /** The normalised header, in file order. */
  columns: readonly string[]
  /** The data rows, streamed, each once; wholly blank rows are skipped (their line numbers are not reused). */
  rows: AsyncGenerator<TabularRow>
}

type Records = AsyncGenerator<{ line: number; cells: string[] }>

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '')

async function* dataRows(records: Records, columns: readonly string[]): AsyncGenerator<TabularRow> {
  for await (const { line, cells } of records) {
    if (isBlank(cells)) continue
    const values: Record<string, string> = {}
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!
      if (name !== '') values[name] = cells[i] ?? ''
    }
    yield { line, values }
  }
}

async function firstRecord(records: Records, file: string): Promise<string[]> {
  try {
    for (;;) {
      const next = await records.next()
      if (next.done) throw new TabularError('missing_columns', `Berkas ${file} kosong: baris judul kolom tidak ada.`)
      if (!isBlank(next.value.cells)) return next.value.cells
    }
  } catch (error) {
    if (error instanceof TabularError) throw error
    throw new TabularError('unreadable', `Berkas ${file} tidak dapat dibaca: ${(error as Error).message}`)
  }
}

/**
 * Opens a CSV or XLSX file as a stream of rows keyed by normalised header (trim, lowercase, spaces → `_`).
 * Reads the header at once, so an unknown format or a missing column fails here, before any row is used.
 */
export async function openTable(file: string, options: OpenTableOptions = {}): Promise<Table> {
  const format = await detectFormat(file)
  const records = format === 'csv' ? csvRecords(file) : xlsxRecords(file)
  const columns = (await firstRecord(records, file)).map(normaliseHeader)
  const missing = missingColumns(columns, options.requiredColumns ?? [])
  if (missing.length > 0) {
    await records.return(undefined)
    throw new TabularError('missing_columns', `Kolom wajib tidak ada: ${missing.join(', ')}.`, missing)
  }
  return { format, columns, rows: dataRows(records, columns) }
}
