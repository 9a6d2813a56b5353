import path from 'node:path'
import type { Writable } from 'node:stream'
import type { Sql } from '../../platform/db/sql.js'
import { writeTable, type TabularFormat } from '../../platform/tabular/index.js'
import { eachImportIssue, type StoredImportIssue } from '../../areas/participants/index.js'
import { IMPORT_HEADER } from './template.js'

const ISSUE_COLUMNS = ['baris', 'kolom', 'kode', 'pesan'] as const

async function* lines(issues: AsyncGenerator<StoredImportIssue>): AsyncGenerator<string[]> {
  for await (const issue of issues) {
    yield [String(issue.row), issue.field, issue.code, issue.message, ...IMPORT_HEADER.map((column) => issue.original[column] ?? '')]
  }
}

/** The format of an error file, from its extension (`.xlsx`, else CSV). */
export function errorFileFormat(file: string): TabularFormat {
  return path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv'
}

/**
 * A job's rejected rows as CSV or XLSX: row, column, code and message (Bahasa Indonesia), then the row as it was
 * in the file, so the clerk corrects it in place and uploads the corrected rows again. Streamed from the database.
 */
export async function writeImportErrors(sql: Sql, jobId: string, output: Writable, format: TabularFormat): Promise<void> {
  await writeTable(output, format, [
    { name: 'Kesalahan', columns: [...ISSUE_COLUMNS, ...IMPORT_HEADER], rows: lines(eachImportIssue(sql, jobId, 'error')), widths: [7, 14, 20, 60] },
  ])
}
