import type { Sql } from '../../../platform/db/sql.js'

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed'

export interface ImportCounters {
  read: number
  stored: number
  alreadyRegistered: number
  rejected: number
  warnings: number
}

export interface ImportJobRecord extends ImportCounters {
  id: string
  kind: string
  sourceId: string | null
  fileName: string
  fileSha256: string
  status: ImportJobStatus
  totalRows: number | null
  rowsDone: number
  actorId: string | null
  requestId: string | null
  options: Record<string, unknown>
  createdAt: Date
  finishedAt: Date | null
}

const COLUMNS = `id, kind, source_id as "sourceId", file_name as "fileName", file_sha256 as "fileSha256", status, total_rows as "totalRows",
  rows_done as "rowsDone", read, stored, already_registered as "alreadyRegistered", rejected, warnings, actor_id as "actorId",
  request_id as "requestId", options, created_at as "createdAt", finished_at as "finishedAt"`

export interface NewImportJob {
  id: string
  kind: string
  sourceId: string | null
  fileName: string
  fileSha256: string
  totalRows: number | null
  actorId: string | null
  requestId: string | null
  options: Record<string, unknown>
  now: Date
}

/**
 * The unfinished job of this (kind, file, source), or a new queued one: a re-run of a file whose import was cut
 * short resumes it; a file whose import finished gets a new job. An advisory lock on the key serialises two
 * callers presenting the same file at the same moment.
 */
export async function claimImportJob(sql: Sql, job: NewImportJob): Promise<{ job: ImportJobRecord; resumed: boolean }> {
  return sql.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`import:${job.kind}:${job.fileSha256}:${job.sourceId ?? ''}`])
    const { rows: open } = await tx.query<ImportJobRecord>(
      `select ${COLUMNS} from import_jobs where kind = $1 and file_sha256 = $2 and source_id is not distinct from $3::uuid
          and status in ('queued', 'running') order by created_at limit 1`,
      [job.kind, job.fileSha256, job.sourceId],
    )
    if (open[0]) return { job: open[0], resumed: true }
    const { rows } = await tx.query<ImportJobRecord>(
      `insert into import_jobs (id, kind, source_id, file_name, file_sha256, status, total_rows, actor_id, request_id, options, created_at)
       values ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $9::jsonb, $10) returning ${COLUMNS}`,
      [job.id, job.kind, job.sourceId, job.fileName, job.fileSha256, job.totalRows, job.actorId, job.requestId, JSON.stringify(job.options), job.now],
    )
    return { job: rows[0]!, resumed: false }
  })
}

export async function findImportJob(sql: Sql, id: string): Promise<ImportJobRecord | null> {
  const { rows } = await sql.query<ImportJobRecord>(`select ${COLUMNS} from import_jobs where id = $1`, [id])
  return rows[0] ?? null
}

/** Jobs of a kind that were queued or cut short (the background runner resumes them on start). */
export async function listUnfinishedImportJobs(sql: Sql, kind: string): Promise<ImportJobRecord[]> {
  const { rows } = await sql.query<ImportJobRecord>(`select ${COLUMNS} from import_jobs where kind = $1 and status in ('queued', 'running') order by created_at`, [kind])
  return rows
}

/**
 * Adds one chunk's counts, in the chunk's transaction. Only when rows_done is still what this worker last saw:
 * otherwise another worker is on the same job, and the chunk rolls back (`false`).
 */
export async function recordImportProgress(sql: Sql, jobId: string, expectedRowsDone: number, chunk: ImportCounters & { rows: number }): Promise<boolean> {
  const { rowCount } = await sql.query(
    `update import_jobs set status = 'running', rows_done = rows_done + $3, read = read + $4, stored = stored + $5,
            already_registered = already_registered + $6, rejected = rejected + $7, warnings = warnings + $8
      where id = $1 and rows_done = $2 and status in ('queued', 'running')`,
    [jobId, expectedRowsDone, chunk.rows, chunk.read, chunk.stored, chunk.alreadyRegistered, chunk.rejected, chunk.warnings],
  )
  return rowCount === 1
}

export async function finishImportJob(sql: Sql, jobId: string, status: 'done' | 'failed', now: Date): Promise<void> {
  await sql.query(`update import_jobs set status = $2, finished_at = $3, total_rows = case when $2 = 'done' then rows_done else total_rows end where id = $1`, [jobId, status, now])
}
