import path from 'node:path'
import { localDateAt, type RowIssue } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { openTable, type TabularRow } from '../platform/tabular/index.js'
import { dataScope, writeAudit, type Actor } from '../areas/access/index.js'
import { findEmployersByNpp } from '../areas/employers/index.js'
import {
  claimImportJob, createSeenTable, dropSeenTable, findImportJob, finishImportJob, hasClaimedNiks, listImportIssues, uuidV7Batch,
  type ImportJobRecord,
} from '../areas/participants/index.js'
import { digestFile } from './import-participants/file-digest.js'
import { resolveImportSource } from './import-participants/import-source.js'
import { prepareChunk, type ValidationSetup } from './import-participants/prepare-chunk.js'
import { storeChunk, type ImportAdmission, type StoreSetup } from './import-participants/store-chunk.js'
import { REQUIRED_COLUMNS } from './import-participants/template.js'
import { registrationTables } from './registration-context.js'

export { IMPORT_HEADER, REQUIRED_COLUMNS, writeImportTemplate } from './import-participants/template.js'
export { writeImportErrors, errorFileFormat } from './import-participants/error-file.js'
export type { ImportAdmission, AdmissionRow, AdmissionVerdict, AdmittedRow } from './import-participants/store-chunk.js'

export const IMPORT_KIND = 'participants'
export const DEFAULT_CHUNK_ROWS = 10_000
/** UU PDP 27/2022: whoever sends the file collected the consent; the purpose is recorded with each person. */
export const IMPORT_CONSENT_PURPOSE = 'Pendaftaran kepesertaan BPJS Ketenagakerjaan (persetujuan dihimpun oleh pengirim berkas impor)'

export interface ImportParticipantsCommand {
  file: string
  /** The name the user knows the file by (an upload's original name); default the file's own name. */
  fileName?: string
  sourceId?: string | null
  /** The user who imports; null for an operator's CLI command (Banuspa-wide). */
  actor: Actor | null
  requestId: string | null
  /**
   * A job kind of its own for imports under extra rules (a pemda cohort: `pemda_cohort`), so the background runner,
   * which resumes plain `participants` jobs, never runs them without their admission. Default `participants`.
   */
  kind?: string
  /** Recorded in the job's options beside the file (e.g. the programme and group of a cohort). */
  context?: Record<string, unknown>
}

export interface RunOptions {
  chunkRows?: number
  /** Stops between chunks (the job stays resumable). */
  signal?: AbortSignal
  onProgress?(job: { rowsDone: number; totalRows: number | null }): void
  /** Extra rules over every chunk (see ImportAdmission). */
  admission?: ImportAdmission
}

export interface ImportResult {
  jobId: string
  read: number
  stored: number
  alreadyRegistered: number
  rejected: number
  errors: RowIssue[]
  warnings: RowIssue[]
}

interface JobOptions {
  file: string
  regionCodes: 'all' | string[]
  sourceKind: string
  sourceRefId: string | null
  actorRole: Actor['role'] | null
  context?: Record<string, unknown>
}

/**
 * Checks the file can be read (format, required columns: a TabularError otherwise, before anything is stored)
 * and finds or creates its job, keyed by (kind, file SHA-256, source): an unfinished job of the same file resumes.
 */
export async function queueParticipantImport(sql: Sql, cmd: ImportParticipantsCommand, now: Date): Promise<{ job: ImportJobRecord; resumed: boolean }> {
  const table = await openTable(cmd.file, { requiredColumns: REQUIRED_COLUMNS })
  await table.rows.return(undefined)
  const digest = await digestFile(cmd.file)
  const source = await resolveImportSource(sql, cmd.sourceId, now)
  const scope = cmd.actor ? dataScope(cmd.actor).regionCodes : 'all'
  const options: JobOptions = {
    file: path.resolve(cmd.file), regionCodes: scope === 'all' ? 'all' : [...scope], sourceKind: source.kind, sourceRefId: source.refId, actorRole: cmd.actor?.role ?? null,
    ...(cmd.context ? { context: cmd.context } : {}),
  }
  const claimed = await claimImportJob(sql, {
    id: uuidV7Batch(1, now.getTime())[0]!, kind: cmd.kind ?? IMPORT_KIND, sourceId: source.id, fileName: cmd.fileName ?? path.basename(cmd.file), fileSha256: digest.sha256,
    totalRows: table.format === 'csv' ? Math.max(0, digest.lineBreaks - 1) : null, actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId,
    options: options as unknown as Record<string, unknown>, now,
  })
  await createSeenTable(sql, claimed.job.id)
  return claimed
}

async function validationSetup(sql: Sql, job: ImportJobRecord, options: JobOptions): Promise<ValidationSetup> {
  const tables = await registrationTables(sql)
  // "today" is fixed at the job's creation, so a resumed job judges its rows as the first run did
  return {
    wita: { ...tables, today: localDateAt(job.createdAt, 'Asia/Makassar') },
    wit: { ...tables, today: localDateAt(job.createdAt, 'Asia/Jayapura') },
    regionCodes: options.regionCodes === 'all' ? 'all' : new Set(options.regionCodes),
  }
}

async function employerIds(sql: Sql, npps: readonly string[]): Promise<Map<string, string>> {
  return new Map((await findEmployersByNpp(sql, npps)).map((e) => [e.npp, e.id]))
}

async function* chunksAfter(rows: AsyncGenerator<TabularRow>, skip: number, size: number): AsyncGenerator<TabularRow[]> {
  let seen = 0
  let chunk: TabularRow[] = []
  for await (const row of rows) {
    if (seen++ < skip) continue
    chunk.push(row)
    if (chunk.length === size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}

/**
 * Runs (or resumes) a queued job to its end. Each chunk is validated in JS while the previous one is stored, and
 * stored with its progress in one transaction. Returns false when stopped by the signal (still resumable).
 */
export async function runParticipantImport(sql: Sql, jobId: string, now: () => Date, run: RunOptions = {}): Promise<boolean> {
  const job = await findImportJob(sql, jobId)
  if (!job) throw new Error(`import job ${jobId} not found`)
  if (job.status === 'done' || job.status === 'failed') return true
  const options = job.options as unknown as JobOptions
  const setup = await validationSetup(sql, job, options)
  const store: StoreSetup = {
    jobId, source: { id: job.sourceId!, kind: options.sourceKind, refId: options.sourceRefId }, consentPurpose: IMPORT_CONSENT_PURPOSE,
    actorId: job.actorId, requestId: job.requestId, findEmployerIds: employerIds, claimedNiks: { mayExist: await hasClaimedNiks(sql, jobId) },
    admission: run.admission,
  }
  const table = await openTable(options.file, { requiredColumns: REQUIRED_COLUMNS })
  let rowsDone = job.rowsDone
  let storing: Promise<unknown> = Promise.resolve()
  try {
    for await (const rows of chunksAfter(table.rows, job.rowsDone, run.chunkRows ?? DEFAULT_CHUNK_ROWS)) {
      const prepared = prepareChunk(rows, setup)
      await storing
      if (run.signal?.aborted) return false
      const expected = rowsDone
      rowsDone += rows.length
      storing = storeChunk(sql, prepared, expected, store, now()).then(() => run.onProgress?.({ rowsDone: expected + rows.length, totalRows: job.totalRows }))
      storing.catch(() => undefined) // awaited on the next turn; this only keeps Node from calling it unhandled meanwhile
    }
    await storing
  } finally {
    await table.rows.return(undefined)
  }
  if (run.signal?.aborted) return false
  await finishParticipantImport(sql, jobId, now())
  return true
}

async function finishParticipantImport(sql: Sql, jobId: string, now: Date): Promise<void> {
  await sql.transaction(async (tx) => {
    const job = await findImportJob(tx, jobId)
    if (!job || job.status === 'done') return
    await finishImportJob(tx, jobId, 'done', now)
    const options = job.options as unknown as JobOptions
    await writeAudit(tx, {
      actor: job.actorId && options.actorRole ? { userId: job.actorId, role: options.actorRole } : null,
      action: 'import.participants', subjectType: 'import_job', subjectId: jobId, requestId: job.requestId,
      details: { sourceId: job.sourceId, read: job.read, stored: job.stored, alreadyRegistered: job.alreadyRegistered, rejected: job.rejected, warnings: job.warnings },
    })
    await dropSeenTable(tx, jobId)
  })
}

/** A job's result: the counts and every error and warning, in row order. */
export async function participantImportResult(sql: Sql, jobId: string): Promise<ImportResult> {
  const job = await findImportJob(sql, jobId)
  if (!job) throw new Error(`import job ${jobId} not found`)
  const issues = async (severity: 'error' | 'warning') => (await listImportIssues(sql, jobId, severity)).map(({ row, field, code, message }) => ({ row, field, code, message }))
  return { jobId, read: job.read, stored: job.stored, alreadyRegistered: job.alreadyRegistered, rejected: job.rejected, errors: await issues('error'), warnings: await issues('warning') }
}

/** `semesta import participants`: queue (or resume) the file's job, run it to the end, return its result. */
export async function importParticipants(sql: Sql, cmd: ImportParticipantsCommand, now: () => Date, run: RunOptions = {}): Promise<ImportResult> {
  if (cmd.kind && cmd.kind !== IMPORT_KIND && !run.admission) throw new Error(`an import of kind ${cmd.kind} runs with its admission`)
  const { job } = await queueParticipantImport(sql, cmd, now())
  await runParticipantImport(sql, job.id, now, run)
  return participantImportResult(sql, job.id)
}
