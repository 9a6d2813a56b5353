import type { Sql } from '../../../platform/db/sql.js'
import { sortedKeys } from './sorted-keys.js'

/**
 * The NIKs an import job has taken without registering them (already registered before, identity mismatch, KPJ or
 * concurrent conflict), one small table per job: a NIK repeated in the file keeps its first row
 * (`duplicate_in_file`), across chunks and across a crash. NIKs the job registered are not written here: their
 * `registered` event names the job and the row (findRegisteredIdentities), so a first import of new people writes
 * nothing to this table. A regular (logged) table, not TEMP or UNLOGGED: the embedded engine shares one session,
 * and a crash of an in-process engine would empty an unlogged table. Created with the job, filled in each chunk's
 * transaction, dropped when the job ends.
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

/** Whether the job has taken any NIK without registering it yet (when not, a chunk need not look there). */
export async function hasClaimedNiks(sql: Sql, jobId: string): Promise<boolean> {
  const { rows } = await sql.query<{ any: boolean }>(`select exists (select 1 from ${seenTableName(jobId)}) as any`)
  return rows[0]?.any ?? false
}

/** The row that took each of these NIKs without registering it. */
export async function firstRowsOfNiks(sql: Sql, jobId: string, niks: readonly string[]): Promise<Map<string, number>> {
  if (niks.length === 0) return new Map()
  const { rows } = await sql.query<{ nik: string; row: number }>(`select nik, row from ${seenTableName(jobId)} where nik = any($1::text[])`, [sortedKeys(niks)])
  return new Map(rows.map((r) => [r.nik, r.row]))
}

/**
 * Records NIKs taken by rows of the file, each NIK once and not taken before (the caller checked): by COPY on a
 * transaction's handle when `byCopy`, else one INSERT that skips a NIK taken meanwhile.
 */
export async function claimNiks(sql: Sql, jobId: string, niks: readonly string[], rows: readonly number[], byCopy = false): Promise<void> {
  if (niks.length === 0) return
  if (byCopy && sql.copyIn) {
    await sql.copyIn(`copy ${seenTableName(jobId)} (nik, row) from stdin`, niks.map((nik, i) => `${nik}\t${rows[i]}\n`).join(''))
    return
  }
  await sql.query(`insert into ${seenTableName(jobId)} (nik, row) select * from unnest($1::text[], $2::int4[]) on conflict do nothing`, [niks, rows])
}
