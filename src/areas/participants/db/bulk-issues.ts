import type { RowIssue } from '../../../kernel/errors.js'
import type { Sql } from '../../../platform/db/sql.js'

export type IssueSeverity = 'error' | 'warning'

export interface ImportIssue extends RowIssue {
  severity: IssueSeverity
  /** The row as it was in the file (normalised headers), shown beside the message in the error file. */
  original: Record<string, string>
}

/** One chunk's row issues, set-based (a row with two messages on the same field and code keeps the first). */
export async function insertImportIssues(sql: Sql, jobId: string, issues: readonly ImportIssue[]): Promise<void> {
  if (issues.length === 0) return
  await sql.query(
    `insert into import_job_issues (job_id, severity, row, field, code, message, original)
     select $1, s, r, f, c, m, o::jsonb from unnest($2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(s, r, f, c, m, o)
     on conflict do nothing`,
    [jobId, issues.map((i) => i.severity), issues.map((i) => i.row), issues.map((i) => i.field), issues.map((i) => i.code), issues.map((i) => i.message),
      issues.map((i) => JSON.stringify(i.original))],
  )
}

export interface StoredImportIssue extends RowIssue {
  original: Record<string, string>
}

/** A job's issues of one severity in row order, a page at a time (after the row given). */
export async function listImportIssues(sql: Sql, jobId: string, severity: IssueSeverity, page: { afterRow?: number; limit?: number } = {}): Promise<StoredImportIssue[]> {
  const { rows } = await sql.query<StoredImportIssue>(
    `select row, field, code, message, original from import_job_issues
      where job_id = $1 and severity = $2 and row > $3 order by row, field, code limit $4`,
    [jobId, severity, page.afterRow ?? 0, page.limit ?? 100_000],
  )
  return rows
}

/** Every issue of a severity, streamed a page of rows at a time (for error files of any size). */
export async function* eachImportIssue(sql: Sql, jobId: string, severity: IssueSeverity, pageRows = 5_000): AsyncGenerator<StoredImportIssue> {
  let afterRow = 0
  for (;;) {
    const { rows } = await sql.query<StoredImportIssue>(
      `select row, field, code, message, original from import_job_issues
        where job_id = $1 and severity = $2 and row > $3 and row <= $3 + $4 order by row, field, code`,
      [jobId, severity, afterRow, pageRows],
    )
    for (const issue of rows) yield issue
    const { rows: more } = await sql.query<{ next: number | null }>(
      `select min(row) as next from import_job_issues where job_id = $1 and severity = $2 and row > $3`,
      [jobId, severity, afterRow + pageRows],
    )
    const next = more[0]?.next
    if (next === null || next === undefined) return
    afterRow = next - 1
  }
}
