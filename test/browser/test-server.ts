import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createUser, ensureDemoUser } from '../../src/areas/access/index.js'
import { startCoverageFold } from '../../src/flows/coverage-report.js'
import { seedDemo } from '../../src/flows/seed-demo.js'
import { ensureDemoTargets } from '../../src/flows/seed-demo-targets.js'
import { currentMonth, runMonthlyBilling } from '../../src/flows/run-monthly-billing.js'
import { takePayment } from '../../src/flows/take-payment.js'
import { loadAllReferenceData } from '../../src/flows/load-reference-data.js'
import { readConfig } from '../../src/platform/config.js'
import { migrate, openDatabase, PGDATA_DIR, type Database } from '../../src/platform/db/index.js'
import type { App } from '../../src/platform/http/types.js'
import { newId } from '../../src/platform/ids.js'
import { createServer } from '../../src/server.js'
import { DomainError } from '../../src/kernel/errors.js'
import { seedChannelDay } from './channel-seed.js'

/** One user per role the journeys sign in as (the demo user is kanwil); all share this password. */
export const JOURNEY_PASSWORD = 'journey-password-2026'
export const JOURNEY_USERS = {
  admin: { username: 'admin.uji', role: 'admin' },
  cabang: { username: 'cabang.uji', role: 'cabang', branchCode: 'bali-denpasar' },
  pemda: { username: 'pemda.uji', role: 'pemda', regionCodes: ['51.03'] },
  viewer: { username: 'pemantau.uji', role: 'viewer' },
} as const

/** Synthetic people (semesta seed demo, seed 1) so search, worklists and the dashboard have something to show. */
export const JOURNEY_DEMO_PARTICIPANTS = 400

export interface RunningServer {
  baseUrl: string
  demo: { username: string; password: string }
  /** the database of the running server, for a journey that prepares data the UI cannot make */
  db: Database
  /** the receipt of the payment a channel partner made at start (seedChannelDay) */
  channelReceiptNo: string
  /** the server's data folder (the notifications sink, where one-time codes land) */
  dataDir: string
  stop(): Promise<void>
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..')

/**
 * test/global-setup.ts keeps an initdb'd PGlite folder in node_modules/.cache/semesta; starting from a copy of it
 * saves PGlite's initdb. Without it, openDatabase runs initdb as `semesta start` does on a fresh machine.
 */
function seedFromTemplate(dataDir: string): void {
  const pglite = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }
  const template = path.join(repoRoot, 'node_modules', '.cache', 'semesta', `pglite-${pglite.version}`)
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) fs.cpSync(template, path.join(dataDir, PGDATA_DIR), { recursive: true })
}

/** Demo people who pay at the counter before the journeys start, so coverage, the map and accounts show something. */
export const JOURNEY_PAYERS = 60

async function payForSome(db: Database, count: number): Promise<void> {
  const { rows } = await db.sql.query<{ id: string }>(`select participant_id as id from enrolments where segment = 'bpu' and payer = 'self' order by participant_id limit $1`, [count])
  const today = new Date()
  for (const [i, row] of rows.entries()) {
    // most pay this month; some paid months ago and stopped (in arrears or lapsed by now)
    const monthsAgo = i % 5 === 0 ? 2 + (i % 4) : 0
    const paidOn = new Date(today.getTime() - monthsAgo * 31 * 86_400_000).toISOString().slice(0, 10)
    await takePayment(db.sql, {
      participant: { id: row.id }, months: 1 + (i % 3), paidOn, channel: 'office', clientId: 'journeys', clientKey: `journey-pay-${i}`, requestId: null, actor: null,
    }, today, { newId: () => newId() }).catch((error: unknown) => {
      // a pemda-paid member has nothing to pay at the counter
      if (!(error instanceof DomainError && error.code === 'invalid_state')) throw error
    })
  }
}

/**
 * A real Semesta on a free loopback port, as `semesta start` runs it: the embedded engine in a fresh temp folder,
 * migrations, reference data and the demo user, then the HTTP server with the built web app.
 */
export async function startTestServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-browser-'))
  seedFromTemplate(dataDir)
  const config = readConfig({ NODE_ENV: 'test', SEMESTA_DATA_DIR: dataDir })
  let db: Database | undefined
  let app: App | undefined
  try {
    const started = Date.now()
    db = await openDatabase(config, { role: 'server' })
    const opened = Date.now()
    await migrate(db)
    await loadAllReferenceData(db.sql)
    const demo = await ensureDemoUser(db.sql, new Date())
    for (const user of Object.values(JOURNEY_USERS)) {
      await createUser(db.sql, { actor: null, input: { displayName: user.username, ...user }, password: JOURNEY_PASSWORD, requestId: null, via: 'cli' }, new Date())
    }
    await seedDemo(db, { participants: JOURNEY_DEMO_PARTICIPANTS, seed: 1 })
    await ensureDemoTargets(db.sql, new Date()) // as `semesta start` does: the published UCJ targets
    await payForSome(db, JOURNEY_PAYERS)
    // as `semesta start` does: this month's dues, so the worklists have people to call
    await runMonthlyBilling(db.sql, { month: currentMonth(new Date()), parallel: 1 }, new Date())
    console.log(`[semesta] browser suite server: database opened in ${opened - started} ms, migrated and loaded in ${Date.now() - opened} ms`)
    if (!demo) throw new Error('the demo user was not created on a fresh database')
    app = await createServer({ sql: db.sql, config, now: () => new Date(), newId: () => newId() })
    const fold = startCoverageFold(db.sql, { onError: () => undefined })
    app.addHook('onClose', async () => fold.stop())
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (typeof address !== 'object' || address === null) throw new Error('the server has no TCP address')
    const running = { db, app }
    const baseUrl = `http://127.0.0.1:${address.port}`
    // a channel partner paid for one worker today (issue 9 item 7: the channels page)
    const channelReceiptNo = await seedChannelDay(db.sql, config, baseUrl)
    return {
      baseUrl,
      channelReceiptNo,
      dataDir,
      demo,
      db,
      stop: async () => {
        await running.app.close()
        await running.db.close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await app?.close().catch(() => undefined)
    await db?.close().catch(() => undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
