/**
 * SNAP channel API on PostgreSQL (issue 6): signed, idempotent VA payments (goal ≥ 1,500/s, p99 ≤ 50 ms, client
 * included) and inquiries (goal ≥ 3,000/s), each beside a pgbench TPC-B-like run of the same machine in the same
 * bench (the ceiling: what this PostgreSQL commits per second with fsync and synchronous_commit as configured).
 *
 * Seeds demo people into a scratch database `<db>_bench_snap` (kept between runs; only the missing people are added),
 * adds a partner, then starts Semesta's real server (createServer, NODE_ENV production, log level info) in a child
 * process and drives it from this process with the reference client (tools/snap-client.ts): every request is signed
 * here (HMAC-SHA512 over the exact body), so client time is in the latency. Inquiries: random self-paying BPU workers,
 * one month. Payments: each of those workers pays the month its inquiry showed (paymentRequestId = inquiryRequestId,
 * billDetails echoed), once per run. pgbench runs in its own database `semesta_pgbench` (scale 10, initialised once).
 * Skips without DATABASE_URL/TEST_DATABASE_URL.
 */
import { execFileSync } from 'node:child_process'
import { fork, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { Agent } from 'node:http'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { SnapClient, type InquiryData } from '../tools/snap-client.js'
import { answerCpuRequests, childCpuUs, ensureDatabase, perOp, postgresCpuUs, scratchDatabaseUrl, seedScratch } from './scratch.js'
import type { BenchContext, BenchModule, BenchRow } from './types.js'

const SEED = 6
const PEOPLE = { quick: 30_000, full: 200_000 } as const
const SECONDS = { quick: 6, full: 15 } as const
const CONCURRENCY = 32
const SELF = fileURLToPath(import.meta.url)
const PGBENCH = '/usr/bin/pgbench'
const PGBENCH_DB = 'semesta_pgbench'

interface Prepared {
  secretKey: string
  partner: { partnerId: string; partnerServiceId: string; clientKey: string; clientSecret: string }
  privateKey: string
  kpjs: string[]
}

async function prepare(url: string, people: number, log: (m: string) => void): Promise<Prepared> {
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { addChannelPartner } = await import('../src/flows/add-channel-partner.js')
  const { newId } = await import('../src/platform/ids.js')
  const db = await openDatabase({ databaseUrl: url, dataDir: 'data' })
  try {
    await seedScratch(db, people, SEED, log)
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
    const secretKey = randomBytes(32).toString('hex')
    const partner = await addChannelPartner(db.sql, { name: 'Bench Pos', code: 'POS', publicKeyPem: keys.publicKey, feeIdr: 2500, actor: null, requestId: null }, Buffer.from(secretKey, 'hex'), new Date(), { newId: () => newId() })
    const workers = await db.sql.query<{ kpj: string }>(
      `select p.kpj from participants p join enrolments e on e.participant_id = p.id
       where e.segment = 'bpu' and e.payer = 'self' and e.status = 'active' and p.status <> 'berhenti' order by md5(p.id::text)`,
    )
    return { secretKey, partner, privateKey: keys.privateKey, kpjs: workers.rows.map((r) => r.kpj) }
  } finally {
    await db.close()
  }
}

async function serve(url: string, secretKey: string): Promise<void> {
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { readConfig } = await import('../src/platform/config.js')
  const { newId } = await import('../src/platform/ids.js')
  const { createServer } = await import('../src/server.js')
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, SEMESTA_SECRET_KEY: secretKey }
  delete env.LOG_LEVEL
  const config = readConfig(env)
  const db = await openDatabase(config, { poolSize: 20 })
  const app = await createServer({ sql: db.sql, config, now: () => new Date(), newId: () => newId() })
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.send?.({ port: (app.server.address() as { port: number }).port })
}

function startServer(url: string, secretKey: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(SELF, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SEMESTA_SNAP_SERVE: url, SEMESTA_SNAP_KEY: secretKey }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

/** The reference client over keep-alive HTTP (node:http, CONCURRENCY sockets). */
function httpClient(port: number, p: Prepared): SnapClient {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const http = (path: string, init: { method: string; headers: Record<string, string>; body: string }) =>
    new Promise<{ status: number; json(): Promise<unknown> }>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path, method: init.method, headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body) }, agent }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
        })
        req.on('error', reject)
        req.end(init.body)
      }, reject)
    })
  return new SnapClient({ baseUrl: '', ...p.partner, privateKeyPem: p.privateKey, fetch: http })
}

interface Load {
  rate: number
  p99Ms: number
  p50Ms: number
  ok: number
  failed: number
  codes: Record<string, number>
}

async function drive<T>(items: readonly T[], seconds: number, op: (item: T) => Promise<string>): Promise<Load> {
  const latencies: number[] = []
  const codes: Record<string, number> = {}
  let next = 0
  let ok = 0
  const start = performance.now()
  const deadline = start + seconds * 1000
  const worker = async () => {
    while (performance.now() < deadline && next < items.length) {
      const item = items[next++] as T
      const t0 = performance.now()
      const code = await op(item).catch(() => 'error')
      latencies.push(performance.now() - t0)
      codes[code] = (codes[code] ?? 0) + 1
      if (code.startsWith('200')) ok++
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const elapsed = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { rate: ok / elapsed, p99Ms: pick(0.99), p50Ms: pick(0.5), ok, failed: latencies.length - ok, codes }
}

/** pgbench TPC-B-like (its default script) against its own database, scale 10, as many clients as the SNAP load. */
function pgbenchTps(base: string, seconds: number, log: (m: string) => void): number | null {
  const url = new URL(base)
  const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')]
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) }
  try {
    const tables = execFileSync('psql', [...args, '-d', PGBENCH_DB, '-tAc', "select count(*) from pg_tables where tablename = 'pgbench_accounts'"], { env, encoding: 'utf8' }).trim()
    if (tables !== '1') execFileSync(PGBENCH, [...args, '-i', '-s', '10', '-q', PGBENCH_DB], { env, stdio: 'ignore' })
    const out = execFileSync(PGBENCH, [...args, '-n', '-c', String(CONCURRENCY), '-j', '2', '-T', String(seconds), PGBENCH_DB], { env, encoding: 'utf8' })
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)
    return tps ? Number(tps[1]) : null
  } catch (error) {
    log(`pgbench failed: ${(error as Error).message.split('\n')[0]}`)
    return null
  }
}

const cpuOf = (u: NodeJS.CpuUsage): number => u.user + u.system

/**
 * What one request costs the machine in CPU (server + client + PostgreSQL, all on these cores), and so the most it
 * could do per second with every core busy: the bound the goal meets or not, whatever the latency. The PostgreSQL
 * share is measured from /proc and counts everything the server did meanwhile: run it on an otherwise idle machine.
 */
function cpuBudget(what: string, cpu: { server: number; client: number; database: number | null }, goal: string): BenchRow[] {
  if (cpu.database === null) return []
  const total = cpu.server + cpu.client + cpu.database
  const bound = (os.cpus().length * 1_000_000) / total
  return [{
    measure: `CPU per ${what}: server + client + PostgreSQL`, value: Math.round(total), unit: 'µs',
    ceiling: Math.round(bound), ceilingUnit: `/s at most on ${os.cpus().length} cores (PostgreSQL alone ${Math.round(cpu.database)} µs)`, ratio: null,
    goal: `${goal} needs ≤ ${Math.round((os.cpus().length * 1_000_000) / Number(goal.replace(/[^\d]/g, '')))} µs`,
  }]
}
const loadAverage = (): string => os.loadavg().map((v) => v.toFixed(1)).join(' ')

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!base) {
    ctx.log('skipped: set DATABASE_URL or TEST_DATABASE_URL (PostgreSQL); PGlite is not measured')
    return []
  }
  const dbName = `${new URL(base).pathname.slice(1) || 'postgres'}_bench_snap`.replace(/[^a-z0-9_]/gi, '_')
  await ensureDatabase(base, dbName)
  await ensureDatabase(base, PGBENCH_DB)
  const url = scratchDatabaseUrl(base, dbName)
  const seconds = SECONDS[ctx.tier]
  const prepared = await prepare(url, PEOPLE[ctx.tier], ctx.log)
  ctx.log(`scratch database ${dbName}: ${prepared.kpjs.length} self-paying BPU workers; ${os.cpus().length} cores, load average ${loadAverage()}`)
  const tps = pgbenchTps(base, seconds, ctx.log)
  ctx.log(`pgbench TPC-B-like, ${CONCURRENCY} clients, ${seconds} s: ${tps === null ? '—' : `${Math.round(tps)} tps`}; load average ${loadAverage()}`)

  const { child, port } = await startServer(url, prepared.secretKey)
  try {
    const client = httpClient(port, prepared)
    await client.token()
    const runId = `${Date.now().toString(36)}`
    const bills = new Map<string, InquiryData>()
    // warm-up (JIT, pool, caches), then inquiries: each worker once, one month
    await drive(prepared.kpjs.slice(0, 500), 2, async (kpj) => (await client.inquiry({ customerNo: kpj, inquiryRequestId: `W-${runId}-${kpj}` })).body.responseCode)
    let cpu = await childCpuUs(child)
    let clientCpu = process.cpuUsage()
    let pgCpu = postgresCpuUs()
    const inquiries = await drive(prepared.kpjs, seconds, async (kpj) => {
      const r = await client.inquiry({ customerNo: kpj, inquiryRequestId: `B-${runId}-${kpj}` })
      if (r.body.virtualAccountData) bills.set(kpj, r.body.virtualAccountData)
      return r.body.responseCode
    })
    const inquiryCount = Math.max(1, inquiries.ok + inquiries.failed)
    const inquiryCpu = { server: ((await childCpuUs(child)) - cpu) / inquiryCount, client: cpuOf(process.cpuUsage(clientCpu)) / inquiryCount, database: perOp(pgCpu, postgresCpuUs(), inquiryCount) }
    ctx.log(`inquiries: ${Math.round(inquiryCpu.server)} µs server CPU, ${Math.round(inquiryCpu.client)} µs client CPU and ${inquiryCpu.database === null ? '—' : Math.round(inquiryCpu.database)} µs PostgreSQL CPU each;`)
    ctx.log(`inquiries: ${Math.round(inquiries.rate)}/s, p50 ${inquiries.p50Ms.toFixed(1)} ms, p99 ${inquiries.p99Ms.toFixed(1)} ms, codes ${JSON.stringify(inquiries.codes)}; load average ${loadAverage()}`)
    const payable = [...bills.values()]
    cpu = await childCpuUs(child)
    clientCpu = process.cpuUsage()
    pgCpu = postgresCpuUs()
    const payments = await drive(payable, seconds, async (va) => (await client.payFromInquiry({ virtualAccountData: va })).body.responseCode)
    const paymentCount = Math.max(1, payments.ok + payments.failed)
    const paymentCpu = { server: ((await childCpuUs(child)) - cpu) / paymentCount, client: cpuOf(process.cpuUsage(clientCpu)) / paymentCount, database: perOp(pgCpu, postgresCpuUs(), paymentCount) }
    ctx.log(`payments: ${Math.round(paymentCpu.server)} µs server CPU, ${Math.round(paymentCpu.client)} µs client CPU and ${paymentCpu.database === null ? '—' : Math.round(paymentCpu.database)} µs PostgreSQL CPU each;`)
    ctx.log(`payments: ${Math.round(payments.rate)}/s, p50 ${payments.p50Ms.toFixed(1)} ms, p99 ${payments.p99Ms.toFixed(1)} ms, codes ${JSON.stringify(payments.codes)} (${payable.length} bills available); load average ${loadAverage()}`)
    const ceilingUnit = 'tps (pgbench TPC-B-like, same run)'
    const shape = `${CONCURRENCY} concurrent signed requests, ${seconds} s, client in the bench process, server in a child process`
    return [
      { measure: 'SNAP VA payments (signed, idempotent)', value: Math.round(payments.rate), unit: 'payments/s', ceiling: tps === null ? null : Math.round(tps), ceilingUnit, ratio: tps ? payments.rate / tps : null, goal: '≥ 1,500/s' },
      { measure: 'SNAP payment p99, client included', value: Number(payments.p99Ms.toFixed(1)), unit: 'ms', ceiling: null, ceilingUnit: null, ratio: null, goal: '≤ 50 ms' },
      { measure: 'SNAP VA inquiries (signed)', value: Math.round(inquiries.rate), unit: 'inquiries/s', ceiling: tps === null ? null : Math.round(tps), ceilingUnit, ratio: tps ? inquiries.rate / tps : null, goal: '≥ 3,000/s' },
      { measure: 'server CPU per payment / per inquiry', value: Math.round(paymentCpu.server), unit: 'µs', ceiling: Math.round(inquiryCpu.server), ceilingUnit: 'µs per inquiry', ratio: null, goal: 'PostgreSQL CPU not included; steadier than req/s on a busy machine' },
      ...cpuBudget('payment', paymentCpu, '≥ 1,500/s'),
      ...cpuBudget('inquiry', inquiryCpu, '≥ 3,000/s'),
      { measure: 'SNAP inquiry p99, client included', value: Number(inquiries.p99Ms.toFixed(1)), unit: 'ms', ceiling: null, ceilingUnit: null, ratio: null, goal: shape },
    ]
  } finally {
    child.kill('SIGTERM')
  }
}

if (process.env.SEMESTA_SNAP_SERVE && process.send) {
  answerCpuRequests()
  await serve(process.env.SEMESTA_SNAP_SERVE, process.env.SEMESTA_SNAP_KEY as string)
}

const bench: BenchModule = { name: 'snap', tiers: ['quick', 'full'], run }
export default bench
