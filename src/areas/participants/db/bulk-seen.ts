import type { Sql } from '../../../platform/db/sql.js'

/**
 * The NIKs an import job has already taken, one small table per job: a NIK repeated in the file keeps its first
 * row (`duplicate_in_file`), across chunks and across a crash. A regular (logged) table, not TEMP or UNLOGGED:
 * the embedded engine shares one session, and a crash of an in-process engine would empty an unlogged table.
 * Created with the job, filled in each chunk's transaction, dropped when the job ends.
 */
export function seenTableName(jobId: string): string {
  const hex = jobId.replace(/-/g, '').toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a job id: ${jobId}`)
  return `import_seen_${hex}`
}

export async function createSeenTable(sql: Sql, jobId: string): Promise<void> {
  await sql.query(`create table if not exists ${seenTableName(jobId)} (nik text primary key, row integer not null)`)
}

export async function dropSeenTable(sql: Sql, jobId: string): Promise<void> {
  await sql.query(`drop table if exists ${seenTableName(jobId)}`)
}

/**
 * Claims each NIK for its row, in the order given (earlier rows first); returns the rows that got their NIK.
 * The others repeat a NIK taken by an earlier row of the file.
 */
export async function claimNiks(sql: Sql, jobId: string, niks: readonly string[], rows: readonly number[]): Promise<Set<number>> {
  if (niks.length === 0) return new Set()
  const { rows: claimed } = await sql.query<{ row: number }>(
    `insert into ${seenTableName(jobId)} (nik, row) select * from unnest($1::text[], $2::int4[]) on conflict do nothing returning row`,
    [niks, rows],
  )
  return new Set(claimed.map((r) => r.row))
}

/** The row that took each of these NIKs (for the message of a repeated NIK). */
export async function firstRowsOfNiks(sql: Sql, jobId: string, niks: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ nik: string; row: number }>(`select nik, row from ${seenTableName(jobId)} where nik = any($1::text[])`, [niks])
  return new Map(rows.map((r) => [r.nik, r.row]))
}

/**
 * claimNiks by COPY (same result): repeats inside the chunk are settled here, NIKs claimed by earlier chunks are
 * looked up with one indexed join, the rest written by COPY. Needs the transaction's handle (`copyIn`).
 */
export async function claimNiksByCopy(sql: Sql, jobId: string, niks: readonly string[], rows: readonly number[]): Promise<Set<number>> {
  if (!sql.copyIn) return claimNiks(sql, jobId, niks, rows)
  const first = new Map<string, number>()
  niks.forEach((nik, i) => {
    if (!first.has(nik)) first.set(nik, rows[i]!)
  })
  if (first.size === 0) return new Set()
  const earlier = await firstRowsOfNiks(sql, jobId, [...first.keys()])
  const claimed = new Set<number>()
  let text = ''
  for (const [nik, row] of first) {
    if (earlier.has(nik)) continue
    claimed.add(row)
    text += `${nik}\t${row}\n`
  }
  await sql.copyIn(`copy ${seenTableName(jobId)} (nik, row) from stdin`, text)
  return claimed
}
