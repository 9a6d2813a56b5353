import type { Command } from 'commander'
import { ensureDemoUser } from '../../areas/access/index.js'
import { startTokenPurge } from '../../areas/channels/index.js'
import { DomainError } from '../../kernel/errors.js'
import { readConfig } from '../../platform/config.js'
import { installShutdown, migrate, openDatabase } from '../../platform/db/index.js'
import { newId } from '../../platform/ids.js'
import { loadAllReferenceData } from '../../flows/load-reference-data.js'
import { seedDemo } from '../../flows/seed-demo.js'
import { ensureDemoTargets } from '../../flows/seed-demo-targets.js'
import { ensureDemoAgent } from '../../flows/seed-demo-agent.js'
import { startCoverageFold } from '../../flows/coverage-report.js'
import { startStatusSchedule } from '../../flows/refresh-statuses.js'
import { sinkAdapters, startNotificationSchedule } from '../../flows/notification-schedule.js'
import { startBillingSchedule } from '../../flows/run-monthly-billing.js'
import { createServer } from '../../server.js'
import { action } from '../run-command.js'

/** An empty registry outside production gets a small synthetic Banuspa, so the app has people to show. */
export const START_DEMO_PARTICIPANTS = 2_000

interface StartOptions {
  port?: string
  host?: string
}

export function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65_535) {
    throw new DomainError('invalid_input', `--port must be a port number from 0 to 65535, got "${value}"`, { field: '--port' })
  }
  return port
}

/** `0.0.0.0` and `::` listen everywhere; people open the loopback address. */
const browsableHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host)

async function start(options: StartOptions): Promise<void> {
  const startedMs = Date.now()
  const config = readConfig()
  const port = options.port === undefined ? config.port : parsePort(options.port)
  const host = options.host ?? config.host
  const db = await openDatabase(config, { role: 'server' })
  const stop: Array<() => Promise<unknown>> = []
  installShutdown(db, [() => Promise.all(stop.map((close) => close()))])
  await migrate(db)
  await loadAllReferenceData(db.sql)
  const demo = config.env === 'production' ? null : await ensureDemoUser(db.sql, new Date())
  const seeded = config.env === 'production' ? null : await seedDemo(db, { participants: START_DEMO_PARTICIPANTS, seed: 1, ifEmpty: true })
  // the published UCJ targets, so the demo dashboard shows gaps and what each month needs (never in production)
  if (config.env !== 'production') await ensureDemoTargets(db.sql, new Date())
  // after the registry's seed (which only fills an empty registry): the demo agent's own few people
  const demoAgent = config.env === 'production' || !demo ? null : await ensureDemoAgent(db.sql, new Date())
  const app = await createServer({ sql: db.sql, config, now: () => new Date(), newId: () => newId() })
  stop.push(() => app.close())
  await app.listen({ port, host })
  // The daily status job (docs/contributions.md "Daily status job"): people whose status changes with time alone.
  const statuses = startStatusSchedule(db.sql, { newId: () => newId(), onError: (error) => process.stderr.write(`status refresh failed: ${String(error)}\n`) })
  stop.push(() => statuses.stop())
  // Monthly billing (docs/billing-and-payments.md): the current month is billed on start and checked daily.
  const billing = startBillingSchedule(db.sql, { onError: (error) => process.stderr.write(`billing failed: ${String(error)}\n`) })
  stop.push(() => billing.stop())
  // Coverage rollups (docs/coverage.md): the deltas the registry's triggers append are folded twice a second.
  const coverage = startCoverageFold(db.sql, { onError: (error) => process.stderr.write(`coverage fold failed: ${String(error)}\n`) })
  stop.push(() => coverage.stop())
  // Notifications (docs/notifications.md): the day's reminders and warnings daily, receipts and sends every 30 s.
  const notifications = startNotificationSchedule(db.sql, { adapters: sinkAdapters(config.dataDir), newId: () => newId(), onError: (error) => process.stderr.write(`notifications failed: ${String(error)}\n`) })
  stop.push(() => notifications.stop())
  // SNAP access tokens (docs/channels.md): the expired ones are deleted on start and every hour.
  const tokens = startTokenPurge(db.sql, { onError: (error) => process.stderr.write(`token purge failed: ${String(error)}\n`) })
  stop.push(() => tokens.stop())
  const address = app.server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  const lines = [`Semesta berjalan di http://${browsableHost(host)}:${boundPort}`]
  if (demo) lines.push(`Masuk (demo): ${demo.username} / ${demo.password}`)
  if (demoAgent) lines.push(`Agen Perisai (demo, /agen): ${demoAgent.username} / ${demoAgent.password}`)
  if (seeded && !seeded.skipped) lines.push(`Registri kosong: ${seeded.participants.toLocaleString('id-ID')} peserta demo sintetis ditambahkan (seed 1, ${seeded.ms} ms; semesta seed demo untuk lebih banyak)`)
  lines.push(`Basis data: ${db.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `tertanam (${config.dataDir})`}; siap dalam ${Date.now() - startedMs} ms`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

/** `semesta start [--port P] [--host H]`: migrates, loads reference data, ensures the demo user, serves API and web app. */
export function register(program: Command): void {
  program
    .command('start')
    .description('start the Semesta server (API, docs and web app); Ctrl-C stops it and closes the database cleanly')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(action(start))
}
