import fs from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Command } from 'commander'
import { errorFileFormat, importParticipants, REQUIRED_COLUMNS, writeImportErrors, type ImportResult } from '../../flows/import-participants.js'
import { readConfig } from '../../platform/config.js'
import { openDatabase } from '../../platform/db/index.js'
import { isTabularError, openTable } from '../../platform/tabular/index.js'
import { action, output, UnreadableInputError } from '../run-command.js'

interface ImportOptions {
  source?: string
  errors?: string
  json?: boolean
  chunkRows?: string
  progress?: boolean
}

function asText(result: ImportResult): string {
  const lines = [
    `Dibaca ${result.read} baris: ${result.stored} disimpan, ${result.alreadyRegistered} sudah terdaftar, ${result.rejected} ditolak (${result.warnings.length} peringatan).`,
    ...result.errors.slice(0, 50).map((e) => `  baris ${e.row} ${e.field} ${e.code}: ${e.message}`),
  ]
  if (result.errors.length > 50) lines.push(`  … dan ${result.errors.length - 50} kesalahan lagi (--errors FILE untuk daftar lengkap)`)
  return lines.join('\n')
}

/** Fails fast (exit 2) on a file that cannot be read, before the database is opened. */
export async function readable(file: string): Promise<void> {
  try {
    await (await openTable(file, { requiredColumns: REQUIRED_COLUMNS })).rows.return(undefined)
  } catch (error) {
    if (isTabularError(error)) throw new UnreadableInputError(error.message)
    throw error
  }
}

function chunkRows(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UnreadableInputError(`--chunk-rows must be 1 … 100000, got ${value}`)
  return n
}

/** `semesta import participants FILE [--source ID] [--errors FILE] [--json]`: exit 0 once the file was processed, 2 when unreadable. */
export function register(program: Command): void {
  const command = program.command('import').description('bulk imports from CSV or XLSX files')
  command
    .command('participants <file>')
    .description('import participants from a CSV or XLSX file (the template\'s columns); an import cut short resumes when run again')
    .option('--source <id>', 'the source that brought these people in (default: the office\'s bulk-import source)')
    .option('--errors <file>', 'write the rejected rows with their messages to this CSV or XLSX file')
    .option('--chunk-rows <n>', 'rows per transaction (default 10000)')
    .option('--progress', 'print the rows done after each committed chunk on stderr')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, options: ImportOptions) => {
        const rows = chunkRows(options.chunkRows)
        await readable(file)
        const db = await openDatabase(readConfig())
        try {
          const result = await importParticipants(db.sql, { file, sourceId: options.source ?? null, actor: null, requestId: null }, () => new Date(), {
            chunkRows: rows,
            onProgress: options.progress ? (p) => process.stderr.write(`progress ${p.rowsDone}/${p.totalRows ?? '?'}\n`) : undefined,
          })
          if (options.errors) {
            const out = fs.createWriteStream(options.errors)
            await writeImportErrors(db.sql, result.jobId, out, errorFileFormat(options.errors))
            await finished(out)
          }
          output(result, Boolean(options.json), asText)
        } catch (error) {
          if (isTabularError(error)) throw new UnreadableInputError(error.message)
          throw error
        } finally {
          await db.close()
        }
      }),
    )
}
