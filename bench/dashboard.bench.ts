/**
 * Dashboard load on PostgreSQL (issue 9: the dashboard loads in ≤ 1 s with the full-size demo data, measured with
 * Chromium's navigation timing). Seeds demo people into a scratch database `<db>_bench_dashboard` (kept between runs;
 * only the missing people are added; quick 50,000, full the full-size demo of docs/demo-data.md, 3,325,611), folds
 * the coverage rollups, starts Semesta's real server in a child process (NODE_ENV production, as `semesta start`:
 * built web app, coverage fold running), signs in as the demo kanwil user in Chromium (playwright-core) and reloads
 * `/dasbor` several times: the figure is the time from navigation start until the 83 regencies of the map are in
 * the page (a MutationObserver installed before the app runs notes `performance.now()` when the 83rd
 * `[data-testid=regency-map] path.regency` appears; the same thing the dashboard journey waits for). Ceiling measured
 * in the same run with the same browser: the same app's static page `/kalkulator` until its heading is in the page (same observer). Also
 * logged: the raw `GET /api/v1/coverage?level=regency` response time. Skips without a PostgreSQL URL or Chromium.
 */
import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { median, p95 } from './measure.js'
import { ensureDatabase, scratchDatabaseUrl, seedScratch } from './scratch.js'
import type { BenchModule, BenchRow } from './types.js'

const GOAL = 'dashboard map drawn ≤ 1,000 ms (issue 9)'
const SEED = 1
/** Full tier: the full-size demo (docs/demo-data.md "Full size"); the first run seeds it (about 12–17 min loaded). */
const PEOPLE = { quick: 50_000, full: 3_325_611 } as const
const RELOADS = { quick: 8, full: 20 } as const
const SELF = fileURLToPath(import.meta.url)
const REGENCIES = 83

const loadAverage = (): string => os.loadavg().map((value) => value.toFixed(1)).join(' ')

/** Seeds up to `people`, folds the rollups, ensures the demo kanwil user; returns its sign-in. */
async function prepare(url: string, people: number, log: (m: string) => void): Promise<{ username: string; password: string }> {
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { ensureDemoUser } = await import('../src/areas/access/index.js')
  const { bringCoverageUpToDate } = await import('../src/flows/coverage-report.js')
  const { newId } = await import('../src/platform/ids.js')
  const db = await openDatabase({ databaseUrl: url, dataDir: 'data' })
  try {
    await seedScratch(db, people, SEED, log)
    const started = performance.now()
    const brought = await bringCoverageUpToDate(db.sql, new Date(), { newId: () => newId() })
    log(`coverage rollups: ${brought.refreshed} statuses refreshed, ${brought.folded} delta rows folded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    const demo = await ensureDemoUser(db.sql, new Date())
    if (!demo) throw new Error('the scratch database has users but no demo user')
    return { username: demo.username, password: demo.password }
  } finally {
    await db.close()
  }
}

/** Child-process side: Semesta's server as `semesta start` runs it, reporting its port to the parent. */
async function serve(url: string): Promise<void> {
  const { openDatabase } = await import('../src/platform/db/index.js')
  const { readConfig } = await import('../src/platform/config.js')
  const { newId } = await import('../src/platform/ids.js')
  const { createServer } = await import('../src/server.js')
  const { startCoverageFold } = await import('../src/flows/coverage-report.js')
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: url }
  delete env.LOG_LEVEL
  const config = readConfig(env)
  const db = await openDatabase(config, { role: 'server' })
  const { DEFAULT_RATE_LIMITS } = await import('../src/platform/http/rate-limit.js')
  // the limiter stays on (its cost counts); only the per-IP API budget is above what the reloads send
  const rateLimit = { ...DEFAULT_RATE_LIMITS, api: { ...DEFAULT_RATE_LIMITS.api, max: 1_000_000 } }
  const app = await createServer({ sql: db.sql, config, now: () => new Date(), newId: () => newId() }, { rateLimit })
  startCoverageFold(db.sql, { onError: (error) => process.stderr.write(`coverage fold failed: ${String(error)}\n`) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.send?.({ port: (app.server.address() as { port: number }).port })
}

function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(SELF, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SEMESTA_DASHBOARD_SERVE: url }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port }))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

/** Runs in the page before the app: notes when a page heading first appears and when the map holds all its regencies. */
const MAP_OBSERVER = `(() => {
  const done = () => document.querySelectorAll('[data-testid=regency-map] path.regency').length >= ${REGENCIES}
  const observer = new MutationObserver(() => {
    if (window.__headingAt === undefined && document.querySelector('main h1, h1')) window.__headingAt = performance.now()
    if (window.__mapDrawnAt === undefined && done()) { window.__mapDrawnAt = performance.now(); observer.disconnect() }
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

const bench: BenchModule = {
  name: 'dashboard',
  tiers: ['quick', 'full'],
  async run(ctx) {
    const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
    if (!base) {
      ctx.log('dashboard: skipped, PostgreSQL only (set BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL)')
      return []
    }
    const { CHROMIUM_PATH, hasChromium } = await import('../test/browser/chromium-path.js')
    if (!hasChromium()) {
      ctx.log(`dashboard: skipped, no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`)
      return []
    }
    const people = PEOPLE[ctx.tier]
    const dbName = `${new URL(base).pathname.slice(1) || 'postgres'}_bench_dashboard`.replace(/[^a-z0-9_]/gi, '_')
    await ensureDatabase(base, dbName)
    const url = scratchDatabaseUrl(base, dbName)
    const demo = await prepare(url, people, ctx.log)
    const { launchChromium } = await import('../test/browser/chromium.js')
    const server = await startServer(url)
    const browser = await launchChromium()
    try {
      const baseUrl = `http://127.0.0.1:${server.port}`
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 }, locale: 'id-ID' })
      await context.addInitScript(MAP_OBSERVER)
      const page = await context.newPage()
      await page.goto('/')
      await page.getByLabel('Nama pengguna').fill(demo.username)
      await page.getByLabel('Kata sandi').fill(demo.password)
      await page.getByRole('button', { name: 'Masuk', exact: true }).click()
      await page.waitForURL((u) => u.pathname === '/dasbor')
      await page.waitForFunction('window.__mapDrawnAt !== undefined', undefined, { timeout: 120_000 })
      await page.waitForLoadState('networkidle')

      const drawn: number[] = []
      const domReady: number[] = []
      const staticPage: number[] = []
      const api: number[] = []
      const month = new Date().toISOString().slice(0, 7)
      for (let i = 0; i < RELOADS[ctx.tier]; i++) {
        // ceiling first: the same app's static page until its heading is drawn
        await page.goto('/kalkulator')
        await page.waitForFunction('window.__headingAt !== undefined')
        staticPage.push(Number(await page.evaluate('window.__headingAt')))
        // the dashboard until the map holds its 83 regencies
        await page.goto('/dasbor')
        await page.waitForFunction('window.__mapDrawnAt !== undefined', undefined, { timeout: 120_000 })
        drawn.push(Number(await page.evaluate('window.__mapDrawnAt')))
        domReady.push(Number(await page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")))
        await page.waitForLoadState('networkidle')
        const t = performance.now()
        const response = await context.request.get(`/api/v1/coverage?level=regency&month=${month}`)
        if (!response.ok()) throw new Error(`GET /api/v1/coverage answered ${response.status()}`)
        await response.body()
        api.push(performance.now() - t)
      }
      await context.close()
      const p50 = median(drawn)
      const high = p95(drawn)
      const ceiling = median(staticPage)
      ctx.log(`${people.toLocaleString('en')} demo people, ${drawn.length} loads: map drawn p50 ${p50.toFixed(0)} ms, p95 ${high.toFixed(0)} ms; DOMContentLoaded p50 ${median(domReady).toFixed(0)} ms; /kalkulator heading p50 ${ceiling.toFixed(0)} ms; GET /api/v1/coverage?level=regency p50 ${median(api).toFixed(0)} ms, p95 ${p95(api).toFixed(0)} ms; load average ${loadAverage()} on ${os.cpus().length} cores`)
      const size = `${people.toLocaleString('en')} demo people`
      const rows: BenchRow[] = [
        { measure: `dashboard map drawn, ${size} (p50)`, value: Math.round(p50), unit: 'ms', ceiling: Math.round(ceiling), ceilingUnit: 'ms (/kalkulator heading drawn, same run)', ratio: p50 / ceiling, goal: GOAL },
        { measure: `dashboard map drawn, ${size} (p95)`, value: Math.round(high), unit: 'ms', ceiling: Math.round(ceiling), ceilingUnit: 'ms (/kalkulator heading drawn, same run)', ratio: high / ceiling, goal: GOAL },
        { measure: `GET /api/v1/coverage?level=regency, ${size} (p50)`, value: Math.round(median(api) * 10) / 10, unit: 'ms', ceiling: null, ceilingUnit: null, ratio: null, goal: 'part of the dashboard load' },
      ]
      return rows
    } finally {
      await browser.close().catch(() => undefined)
      server.child.kill()
    }
  },
}

if (process.env.SEMESTA_DASHBOARD_SERVE) await serve(process.env.SEMESTA_DASHBOARD_SERVE)

export default bench
