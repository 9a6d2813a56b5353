/**
 * Look-up by KPJ over HTTP on PostgreSQL (issue 4, DESIGN.md §6: ceiling fastify + pg SELECT by key 9,255 req/s; goal
 * ≥ 5,000 req/s). Seeds N demo people (quick 50k, full 1M) into a scratch database `<db>_bench_lookup` (kept
 * between runs; only the missing people are added), then loads, in a child process so the load generator does not
 * share the server's event loop:
 *   1. Semesta's real server (createServer), `GET /api/v1/participants/kpj/:kpj` with a kanwil API token;
 *   2. the ceiling: a bare fastify + pg route doing `SELECT … FROM participants WHERE kpj = $1` on the same table.
 * autocannon, random existing KPJs, same connections and duration for both. Skips without DATABASE_URL/TEST_DATABASE_URL.
 *
 * Honesty: the server runs as in production (NODE_ENV production, the default log level `info`, rate limiting ON with
 * the API budget raised above what the bench sends, so the limiter's cost is counted but it never answers 429); the
 * ceiling and Semesta are measured alternately (bare, Semesta, bare, Semesta, ...) and the ratio is the median of
 * each round's ratio, so a busy machine's load swings hit both sides; the load average is printed with every round.
 */
import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { answerCpuRequests, childCpuUs, ensureDatabase, perOp, postgresCpuUs, seedScratch } from './scratch.js'
import type { BenchContext, BenchModule, BenchRow } from './types.js'

const GOAL = 'participant lookup ≥ 5,000 req/s on PostgreSQL (DESIGN.md §6)'
const SEED = 1
const PEOPLE = { quick: 50_000, full: 1_000_000 } as const
const SECONDS = { quick: 8, full: 20 } as const
const ROUNDS = { quick: 2, full: 3 } as const
const CONNECTIONS = 32
const SAMPLE = 20_000
const SELF = fileURLToPath(import.meta.url)

function scratchUrl(base: string): { admin: string; scratch: string; name: string } {
  const url = new URL(base)
  const name = `${url.pathname.slice(1) || 'postgres'}_bench_lookup`.replace(/[^a-z0-9_]/gi, '_')
  const admin = new URL(base)
  const scratch = new URL(base)
  scratch.pathname = `/${name}`
  return { admin: admin.toString(), scratch: scratch.toString(), name }
}

/** Seeds up to `people` (a second run adds only the missing ones), makes a kanwil user + token, samples KPJs. */
async function prepare(url: string, people: number, log: (m: string) => void): Promise<{ token: string; kpjs: string[] }> {
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { createUser, createApiToken, findUserByUsername } = await import('../src/areas/access/index.js')
  const db = await openDatabase({ databaseUrl: url, dataDir: 'data' })
  try {
    await seedScratch(db, people, SEED, log)
    const now = new Date()
    const username = 'bench.kanwil'
    const user = (await findUserByUsername(db.sql, username)) ?? (await createUser(db.sql, { actor: null, input: { username, role: 'kanwil' }, password: 'bench-lookup-not-secret', requestId: null, via: 'cli' }, now))
    const token = await createApiToken(db.sql, { actor: null, userId: user.id, name: `lookup ${now.getTime()}`, requestId: null }, now)
    const percent = Math.min(100, (SAMPLE * 150) / Math.max(people, 1))
    const sample = await db.sql.query<{ kpj: string }>(`select kpj from participants tablesample bernoulli (${percent}) limit ${SAMPLE}`)
    return { token: token.token, kpjs: sample.rows.map((r) => r.kpj) }
  } finally {
    await db.close()
  }
}

/** Child-process side: the server under test, reporting its port to the parent. */
async function serve(mode: string, url: string): Promise<void> {
  if (mode === 'bare') {
    const { default: Fastify } = await import('fastify')
    const pool = new pg.Pool({ connectionString: url, max: 20 })
    const app = Fastify({ logger: false })
    app.get<{ Params: { kpj: string } }>('/kpj/:kpj', async (request, reply) => {
      const { rows } = await pool.query(
        'select id, nik, kpj, name, birth_date, sex, regency_code, category, status, registered_on, source_id from participants where kpj = $1',
        [request.params.kpj],
      )
      if (rows.length === 0) return reply.code(404).send({ error: 'not_found' })
      return rows[0]
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    process.send?.({ port: (app.server.address() as { port: number }).port })
    return
  }
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { readConfig } = await import('../src/platform/config.js')
  const { newId } = await import('../src/platform/ids.js')
  const { createServer } = await import('../src/server.js')
  const { DEFAULT_RATE_LIMITS } = await import('../src/platform/http/rate-limit.js')
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url }
  delete env.LOG_LEVEL // production's default level (info)
  const config = readConfig(env)
  const db = await openDatabase(config, { poolSize: 20 })
  // the limiter stays on (its cost counts); only the per-IP API budget is above what one bench client sends
  const rateLimit = { ...DEFAULT_RATE_LIMITS, api: { ...DEFAULT_RATE_LIMITS.api, max: 1_000_000_000 } }
  const app = await createServer({ sql: db.sql, config, now: () => new Date(), newId: () => newId() }, { rateLimit })
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.send?.({ port: (app.server.address() as { port: number }).port })
}

function startChild(mode: 'bare' | 'semesta', url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(SELF, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SEMESTA_LOOKUP_SERVE: mode, SEMESTA_LOOKUP_URL: url }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }))
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)))
  })
}

const loadAverage = (): string => os.loadavg().map((value) => value.toFixed(1)).join(' ')

interface Load {
  rps: number
  p99Ms: number
  non2xx: number
  errors: number
  total: number
  /** The server process's CPU time per answered request (user + system), µs. */
  cpuUsPerRequest?: number
  /** PostgreSQL's CPU time per answered request (all its processes; meaningful on an otherwise idle machine). */
  dbUsPerRequest?: number | null
}

async function load(port: number, path: string, kpjs: readonly string[], headers: Record<string, string>, seconds: number): Promise<Load> {
  let i = 0
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `${path}${kpjs[i++ % kpjs.length]}` }) }],
  })
  return { rps: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: (result.requests as { total?: number }).total ?? Math.round(result.requests.average * seconds) }
}

async function measure(mode: 'bare' | 'semesta', url: string, path: string, kpjs: readonly string[], headers: Record<string, string>, seconds: number): Promise<Load> {
  const { child, port } = await startChild(mode, url)
  try {
    await load(port, path, kpjs, headers, 2) // warm-up: JIT, pool, buffer cache
    const cpuBefore = await childCpuUs(child)
    const dbBefore = postgresCpuUs()
    const measured = await load(port, path, kpjs, headers, seconds)
    const cpuUs = (await childCpuUs(child)) - cpuBefore
    return { ...measured, cpuUsPerRequest: measured.total > 0 ? cpuUs / measured.total : undefined, dbUsPerRequest: perOp(dbBefore, postgresCpuUs(), measured.total) }
  } finally {
    child.kill('SIGTERM')
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!base) {
    ctx.log('skipped: set DATABASE_URL or TEST_DATABASE_URL (PostgreSQL) to measure the KPJ look-up')
    return []
  }
  const people = PEOPLE[ctx.tier]
  const seconds = SECONDS[ctx.tier]
  const { admin, scratch, name } = scratchUrl(base)
  await ensureDatabase(admin, name)
  ctx.log(`scratch database ${name}, ${people.toLocaleString('en-US')} demo people (seed ${SEED}); ${os.cpus().length} cores, load average ${loadAverage()}`)
  const { token, kpjs } = await prepare(scratch, people, ctx.log)
  const rounds: Array<{ bare: Load; semesta: Load }> = []
  for (let round = 1; round <= ROUNDS[ctx.tier]; round++) {
    const bare = await measure('bare', scratch, '/kpj/', kpjs, {}, seconds)
    const semesta = await measure('semesta', scratch, '/api/v1/participants/kpj/', kpjs, { authorization: `Bearer ${token}` }, seconds)
    rounds.push({ bare, semesta })
    ctx.log(
      `round ${round}: ceiling ${Math.round(bare.rps)} req/s (p99 ${bare.p99Ms} ms, ${Math.round(bare.cpuUsPerRequest ?? 0)} µs server CPU/request), ` +
        `Semesta ${Math.round(semesta.rps)} req/s (p99 ${semesta.p99Ms} ms, ${Math.round(semesta.cpuUsPerRequest ?? 0)} µs server CPU/request, non-2xx ${semesta.non2xx}, errors ${semesta.errors}) ` +
        `= ${((100 * semesta.rps) / bare.rps).toFixed(1)}%; load average ${loadAverage()}`,
    )
    if (semesta.non2xx > 0) ctx.log('WARNING: the Semesta route answered non-2xx (is the participants route wired into src/server.ts?)')
  }
  const semestaRps = median(rounds.map((r) => r.semesta.rps))
  const bareRps = median(rounds.map((r) => r.bare.rps))
  const semestaP99 = median(rounds.map((r) => r.semesta.p99Ms))
  const bareP99 = median(rounds.map((r) => r.bare.p99Ms))
  const ratio = median(rounds.map((r) => r.semesta.rps / r.bare.rps))
  const semestaCpu = median(rounds.map((r) => r.semesta.cpuUsPerRequest ?? 0))
  const bareCpu = median(rounds.map((r) => r.bare.cpuUsPerRequest ?? 0))
  const semestaDb = rounds.every((r) => r.semesta.dbUsPerRequest != null) ? median(rounds.map((r) => r.semesta.dbUsPerRequest ?? 0)) : null
  const bareDb = rounds.every((r) => r.bare.dbUsPerRequest != null) ? median(rounds.map((r) => r.bare.dbUsPerRequest ?? 0)) : null
  const ceilingUnit = 'req/s (bare fastify + pg SELECT by kpj)'
  const shape = `${CONNECTIONS} connections, ${seconds} s × ${rounds.length} alternating rounds (medians), load average ${loadAverage()}`
  return [
    { measure: `GET /participants/kpj/:kpj, ${people.toLocaleString('en-US')} people`, value: Math.round(semestaRps), unit: 'req/s', ceiling: Math.round(bareRps), ceilingUnit, ratio, goal: GOAL },
    { measure: 'p99 latency, same run', value: semestaP99, unit: 'ms', ceiling: bareP99, ceilingUnit: 'ms (bare)', ratio: bareP99 > 0 ? semestaP99 / bareP99 : null, goal: shape },
    // less sensitive to other processes than req/s: what one look-up costs the server process (user + system CPU)
    { measure: 'server CPU per request, same run', value: Math.round(semestaCpu), unit: 'µs', ceiling: Math.round(bareCpu), ceilingUnit: 'µs (bare)', ratio: bareCpu > 0 ? semestaCpu / bareCpu : null, goal: 'lower is better; PostgreSQL CPU not included' },
    ...(semestaDb === null || bareDb === null ? [] : [{ measure: 'PostgreSQL CPU per request, same run', value: Math.round(semestaDb), unit: 'µs', ceiling: Math.round(bareDb), ceilingUnit: 'µs (bare)', ratio: bareDb > 0 ? semestaDb / bareDb : null, goal: 'all PostgreSQL processes (/proc): meaningful on an otherwise idle machine; the load generator shares the cores too' }]),
  ]
}

const mode = process.env.SEMESTA_LOOKUP_SERVE
if (mode && process.send) {
  // the parent asks for the server's CPU time around the measured load: CPU per request survives a busy machine
  answerCpuRequests()
  await serve(mode, process.env.SEMESTA_LOOKUP_URL as string)
}

const bench: BenchModule = { name: 'lookup', tiers: ['quick', 'full'], run }
export default bench
