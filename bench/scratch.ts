/** Scratch PostgreSQL databases of the benches: created once, seeded with demo people up to a count, kept between runs. */
import type { ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import type { Database } from '../src/platform/db/index.js'

export function scratchDatabaseUrl(base: string, name: string): string {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rows.length === 0) await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
}

/** Migrates, loads reference data and seeds demo people until there are `people` (a second run adds only the missing). */
export async function seedScratch(db: Database, people: number, seed: number, log: (m: string) => void): Promise<void> {
  const { migrate } = await import('../src/platform/db/index.js')
  const { loadAllReferenceData } = await import('../src/flows/load-reference-data.js')
  const { seedDemo } = await import('../src/flows/seed-demo.js')
  await migrate(db)
  await loadAllReferenceData(db.sql)
  const { rows } = await db.sql.query<{ n: number }>('select count(*)::int as n from participants')
  const missing = people - (rows[0]?.n ?? 0)
  if (missing > 0) {
    const seeded = await seedDemo(db, { participants: missing, seed })
    log(`seeded ${seeded.participants} demo people in ${(seeded.ms / 1000).toFixed(1)} s (${Math.round((seeded.participants * 1000) / seeded.ms)} people/s)`)
  }
}

/** In a bench's server child: answer the parent's `{cpu: true}` with this process's CPU time so far (user + system, µs). */
export function answerCpuRequests(): void {
  process.on('message', (message: { cpu?: boolean }) => {
    if (message.cpu) process.send?.({ cpuUs: process.cpuUsage().user + process.cpuUsage().system })
  })
}

/** The CPU time a bench's server child has used so far (µs): CPU per request survives a busy machine better than req/s. */
export function childCpuUs(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const listen = (m: { cpuUs?: number }) => {
      if (m.cpuUs === undefined) return
      child.off('message', listen)
      resolve(m.cpuUs)
    }
    child.on('message', listen)
    child.send({ cpu: true })
  })
}

/**
 * The CPU time (µs) PostgreSQL's processes on this machine have used so far: every live `postgres` process (user +
 * system) plus what the postmaster has collected from children that exited. null when /proc is not readable (not
 * Linux) or no PostgreSQL runs here. Read before and after a load, it says what the database itself spends per
 * request, which no amount of application work can remove: the floor of the "CPU budget" lines.
 */
export function postgresCpuUs(): number | null {
  let dirs: string[]
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  const tick = 1_000_000 / 100 // USER_HZ is 100 on Linux
  let total = 0
  let found = false
  for (const pid of dirs) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    const close = stat.lastIndexOf(')')
    const comm = stat.slice(stat.indexOf('(') + 1, close)
    if (comm !== 'postgres' && comm !== 'postmaster') continue
    found = true
    const fields = stat.slice(close + 2).split(' ') // fields[0] is field 3 (state)
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]))
    total += ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) * tick
  }
  return found ? total : null
}

/** "µs per op" of a CPU meter read before and after `ops` operations; null when the meter is not available. */
export function perOp(before: number | null, after: number | null, ops: number): number | null {
  return before === null || after === null || ops <= 0 ? null : (after - before) / ops
}
