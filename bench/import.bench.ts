/**
 * Validated participant import (issue 4), rows per second through the whole flow (read CSV, validate, store with
 * progress), beside the ceiling measured in the same run: a COPY of the same file into a table with a primary key.
 * Runs on PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL is set (a fresh schema, dropped
 * after), and always on the embedded engine (a fresh data folder, PGlite in this process). Quick tier 100,000 rows,
 * full tier 1,000,000. Generating the file, starting the engine and migrating are not timed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { perOp, postgresCpuUs } from './scratch.js'
import type { BenchContext, BenchModule, BenchRow } from './types.js'

const GOALS = { postgres: '≥ 100,000 rows/s (DESIGN.md §6)', embedded: '≥ 40,000 rows/s (DESIGN.md §6)' }
const ROWS = { quick: 100_000, full: 1_000_000 }
const COPY_TABLE = 'bench_import_copy'

async function copyCeiling(pool: pg.Pool, file: string, schema: string | null): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    if (schema) await client.query(`set local search_path to "${schema}"`)
    await client.query(`create table ${COPY_TABLE} (nik text primary key, nama text, tanggal_lahir text, jenis_kelamin text, no_hp text, kode_wilayah text,
      pekerjaan text, kategori text, penghasilan text, program text, kpj text, npp text, tanggal_daftar text)`)
    const start = performance.now()
    await pipeline(fs.createReadStream(file), client.query(copyFrom(`copy ${COPY_TABLE} from stdin with (format csv, header true)`)))
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${COPY_TABLE}`)
    await client.query('commit')
    const seconds = (performance.now() - start) / 1000
    await client.query(schema ? `drop table "${schema}".${COPY_TABLE}` : `drop table ${COPY_TABLE}`)
    return rows[0]!.n / seconds
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

interface Timed {
  rate: number
  stored: number
  /** This process's CPU per row read (parse, validate, COPY bodies; with PGlite also the engine itself), µs. */
  nodeUsPerRow: number
  /** PostgreSQL's CPU per row read (all its processes, /proc), µs; null when not measurable or embedded. */
  databaseUsPerRow: number | null
}

async function timedImport(sqlOf: () => import('../src/platform/db/sql.js').Sql, file: string, ctx: BenchContext, server: boolean): Promise<Timed> {
  const { importParticipants } = await import('../src/flows/import-participants.js')
  let peakRss = 0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250)
  const start = performance.now()
  const cpu = process.cpuUsage()
  const db = server ? postgresCpuUs() : null
  try {
    const result = await importParticipants(sqlOf(), { file, actor: null, requestId: null }, () => new Date())
    const seconds = (performance.now() - start) / 1000
    const used = process.cpuUsage(cpu)
    const timed = { rate: result.read / seconds, stored: result.stored, nodeUsPerRow: (used.user + used.system) / Math.max(1, result.read), databaseUsPerRow: server ? perOp(db, postgresCpuUs(), result.read) : null }
    ctx.log(`  ${result.read} rows read, ${result.stored} stored, ${result.rejected} rejected in ${seconds.toFixed(1)} s; peak RSS ${Math.round(peakRss / 2 ** 20)} MB; CPU per row: this process ${timed.nodeUsPerRow.toFixed(1)} µs, PostgreSQL ${timed.databaseUsPerRow === null ? '—' : `${timed.databaseUsPerRow.toFixed(1)} µs`}`)
    return timed
  } finally {
    clearInterval(sampler)
  }
}

function row(engine: 'postgres' | 'embedded', rate: number, ceiling: number): BenchRow {
  const label = engine === 'postgres' ? 'PostgreSQL' : 'PGlite'
  return {
    measure: `validated participant import, ${label}`, value: Math.round(rate), unit: 'rows/s', ceiling: Math.round(ceiling),
    ceilingUnit: 'rows/s (COPY into a table with a PK)', ratio: rate / ceiling, goal: GOALS[engine],
  }
}

/** What a row costs the machine in CPU (Node + PostgreSQL on the same cores) and so the most these cores could import. */
function budgetRow(timed: Timed, goal: number): BenchRow[] {
  if (timed.databaseUsPerRow === null) return []
  const total = timed.nodeUsPerRow + timed.databaseUsPerRow
  const cores = os.cpus().length
  return [{
    measure: 'CPU per row on PostgreSQL: Node + PostgreSQL', value: Number(total.toFixed(1)), unit: 'µs', ceiling: Math.round((cores * 1_000_000) / total),
    ceilingUnit: `rows/s at most on ${cores} cores (PostgreSQL alone ${timed.databaseUsPerRow.toFixed(1)} µs)`, ratio: null,
    goal: `${goal.toLocaleString('en-US')} rows/s needs ≤ ${((cores * 1_000_000) / goal).toFixed(1)} µs; measure on an otherwise idle machine`,
  }]
}

async function onPostgres(url: string, file: string, ctx: BenchContext): Promise<BenchRow[]> {
  const { createPool, poolSql, migrate, StatementNames } = await import('../src/platform/db/index.js')
  const { loadAllReferenceData } = await import('../src/flows/load-reference-data.js')
  const schema = `bench_import_${process.pid}`
  const pool = createPool(url, 4, { options: `-c search_path=${schema}` })
  const sql = poolSql(pool, { names: new StatementNames() }) // as openDatabase does on server PostgreSQL
  try {
    await migrate(sql, { schema })
    await loadAllReferenceData(sql)
    const ceiling = await copyCeiling(pool, file, null)
    const timed = await timedImport(() => sql, file, ctx, true)
    return [row('postgres', timed.rate, ceiling), ...budgetRow(timed, 100_000)]
  } finally {
    await sql.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined)
    await pool.end()
  }
}

function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-bench-import-'))
  const cache = path.resolve('node_modules/.cache/semesta')
  const template = fs.existsSync(cache) ? fs.readdirSync(cache).find((name) => /^pglite-[\d.]+$/.test(name)) : undefined
  if (template) fs.cpSync(path.join(cache, template), path.join(dir, 'pgdata'), { recursive: true })
  return dir
}

async function onEmbedded(file: string, ctx: BenchContext): Promise<BenchRow[]> {
  const { openDatabase, migrate } = await import('../src/platform/db/index.js')
  const { loadAllReferenceData } = await import('../src/flows/load-reference-data.js')
  const dataDir = freshDataDir()
  const db = await openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })
  try {
    await migrate(db)
    await loadAllReferenceData(db.sql)
    const ceiling = await copyCeiling(db.pool, file, null)
    const timed = await timedImport(() => db.sql, file, ctx, false)
    // PGlite runs on this process's one thread, parse and validation included: its bound is one core's worth
    const budget: BenchRow = {
      measure: 'CPU per row on PGlite (engine in this process)', value: Number(timed.nodeUsPerRow.toFixed(1)), unit: 'µs', ceiling: Math.round(1_000_000 / timed.nodeUsPerRow),
      ceilingUnit: 'rows/s at most on the one thread PGlite runs on', ratio: null, goal: `40,000 rows/s needs ≤ 25.0 µs`,
    }
    return [row('embedded', timed.rate, ceiling), budget]
  } finally {
    await db.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const bench: BenchModule = {
  name: 'import',
  tiers: ['quick', 'full'],
  async run(ctx) {
    const { writeDemoImportCsv } = await import('../src/flows/import-participants/testing.js')
    const rows = ROWS[ctx.tier]
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-bench-file-'))
    const file = path.join(dir, 'peserta.csv')
    try {
      const made = performance.now()
      await writeDemoImportCsv(file, rows)
      ctx.log(`generated ${rows} demo rows (${Math.round(fs.statSync(file).size / 2 ** 20)} MB) in ${((performance.now() - made) / 1000).toFixed(1)} s`)
      const results: BenchRow[] = []
      const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
      if (url) {
        ctx.log('PostgreSQL: COPY ceiling, then the import')
        results.push(...(await onPostgres(url, file, ctx)))
      } else {
        ctx.log('PostgreSQL skipped: no BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL')
      }
      ctx.log('PGlite (embedded, in this process): COPY ceiling, then the import')
      results.push(...(await onEmbedded(file, ctx)))
      return results
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default bench
