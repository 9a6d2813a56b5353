import { addMonths, DomainError, type RowIssue } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { openTable, type Table } from '../platform/tabular/index.js'
import { assertAuthorized, writeAudit, type Actor } from '../areas/access/index.js'
import {
  currentMonthIn, findEmployerById, findEmployersByNpp, linkWorkers, normaliseNpp, parseWageReportRow, participantsByNik, storeWages,
  WAGE_REPORT_REQUIRED, type EmployerRecord, type WageReportContext, type WageReportRow,
} from '../areas/employers/index.js'
import { namesClearlyDiffer } from '../areas/participants/index.js'

/** The correction reason written on a row whose month the employer had reported with another amount. */
export const REPORT_CORRECTION_REASON = 'koreksi laporan upah'
const CHUNK_ROWS = 1000

export interface WageReportCommand {
  /** The employer the report is for: by id (HTTP) or by NPP (CLI). */
  employerId?: string | undefined
  npp?: string | undefined
  /** Rows as the tabular reader yields them (line = line in the file, header = 1). */
  rows: AsyncIterable<{ line: number; values: Readonly<Record<string, string | undefined>> }>
  actor: Actor | null
  requestId: string | null
  via: 'api' | 'cli'
}

export interface WageReportResult {
  employerId: string
  read: number
  /** Rows written: first amounts and corrections. */
  stored: number
  /** Of those, corrections of a month already reported with another amount. */
  corrected: number
  /** Valid rows the employer had already reported with the same amount (a re-imported report). */
  unchanged: number
  rejected: number
  workersLinked: number
  errors: RowIssue[]
  warnings: RowIssue[]
}

async function employerOf(sql: Sql, command: WageReportCommand): Promise<EmployerRecord> {
  const employer = command.employerId !== undefined
    ? await findEmployerById(sql, command.employerId)
    : (await findEmployersByNpp(sql, [normaliseNpp(command.npp ?? '', 'npp')]))[0]
  if (!employer) throw new DomainError('not_found', 'Perusahaan laporan upah ini tidak ditemukan.', { field: command.employerId !== undefined ? 'id' : 'npp' })
  return employer
}

/**
 * Imports a monthly wage report (laporan upah): every valid row is a dated wage row of a registered worker (linked
 * to the employer when not yet), every bad row is reported with its line, field and reason. Idempotent: a month
 * already reported with the same amount stores nothing; another amount is a correction (next revision, reason
 * REPORT_CORRECTION_REASON). A NIK not in the registry is `not_found`: PU workers register through the participant
 * import with `npp`. One transaction and one audit event (counts only) for the whole report.
 */
export async function importWageReport(sql: Sql, command: WageReportCommand, now: Date, newId: () => string): Promise<WageReportResult> {
  return sql.transaction(async (tx) => {
    const employer = await employerOf(tx, command)
    if (command.actor) assertAuthorized(command.actor, 'employer.write', { regionCode: employer.regencyCode })
    const context: WageReportContext = { npp: employer.npp, latestMonth: addMonths(currentMonthIn(employer.regencyCode, now), 1) }
    const result: WageReportResult = { employerId: employer.id, read: 0, stored: 0, corrected: 0, unchanged: 0, rejected: 0, workersLinked: 0, errors: [], warnings: [] }
    const seen = new Map<string, number>()
    let chunk: WageReportRow[] = []
    for await (const { line, values } of command.rows) {
      result.read += 1
      const parsed = parseWageReportRow(line, values, context)
      if (parsed.errors) {
        reject(result, parsed.errors)
        continue
      }
      const key = `${parsed.ok.nik}|${parsed.ok.month}`
      const first = seen.get(key)
      if (first !== undefined) {
        reject(result, [{ row: line, field: 'nik', code: 'duplicate_in_file', message: `NIK ini sudah ada untuk bulan ${parsed.ok.month} di baris ${first}; baris ini diabaikan.` }])
        continue
      }
      seen.set(key, line)
      chunk.push(parsed.ok)
      if (chunk.length >= CHUNK_ROWS) {
        await storeChunk(tx, employer, chunk, result, now, newId)
        chunk = []
      }
    }
    await storeChunk(tx, employer, chunk, result, now, newId)
    result.errors.sort((a, b) => a.row - b.row)
    result.warnings.sort((a, b) => a.row - b.row)
    await writeAudit(tx, {
      actor: command.actor ? { userId: command.actor.userId, role: command.actor.role } : null,
      action: 'employer.wage_report',
      subjectType: 'employer',
      subjectId: employer.id,
      requestId: command.requestId,
      details: { read: result.read, stored: result.stored, corrected: result.corrected, unchanged: result.unchanged, rejected: result.rejected, workersLinked: result.workersLinked, via: command.via },
      occurredAt: now,
    })
    return result
  })
}

function reject(result: WageReportResult, errors: readonly RowIssue[]): void {
  result.rejected += 1
  result.errors.push(...errors)
}

async function storeChunk(sql: Sql, employer: EmployerRecord, rows: readonly WageReportRow[], result: WageReportResult, now: Date, newId: () => string): Promise<void> {
  if (rows.length === 0) return
  const people = await participantsByNik(sql, rows.map((r) => r.nik))
  const valid: Array<WageReportRow & { participantId: string }> = []
  for (const row of rows) {
    const person = people.get(row.nik)
    if (!person) {
      reject(result, [{ row: row.line, field: 'nik', code: 'not_found', message: 'NIK ini belum terdaftar sebagai peserta. Daftarkan pekerja dulu lewat impor peserta (kategori pu, dengan kolom npp).' }])
    } else if (row.name !== null && namesClearlyDiffer(row.name, person.name)) {
      reject(result, [{ row: row.line, field: 'nama', code: 'nik_identity_mismatch', message: 'Nama di laporan jelas berbeda dengan nama terdaftar untuk NIK ini; periksa NIK-nya.' }])
    } else {
      valid.push({ ...row, participantId: person.id })
    }
  }
  const firstMonth = new Map<string, string>()
  for (const row of valid) {
    const month = firstMonth.get(row.participantId)
    if (month === undefined || row.month < month) firstMonth.set(row.participantId, row.month)
  }
  result.workersLinked += await linkWorkers(sql, [...firstMonth].map(([participantId, month]) => ({ id: newId(), employerId: employer.id, participantId, startedOn: `${month}-01` })), now)
  const stored = await storeWages(sql, valid.map((r) => ({ id: newId(), employerId: employer.id, participantId: r.participantId, month: r.month, wageIdr: r.wageIdr })), 'wage_report', REPORT_CORRECTION_REASON, now)
  result.stored += stored.length
  result.corrected += stored.filter((s) => s.revision > 0).length
  result.unchanged += valid.length - stored.length
}

/** Opens a laporan upah file (CSV or XLSX, streamed); a missing `nik`, `upah` or `bulan` column is a TabularError. */
export function openWageReport(file: string): Promise<Table> {
  return openTable(file, { requiredColumns: WAGE_REPORT_REQUIRED })
}
