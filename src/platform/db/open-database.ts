import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { DomainError } from '../../kernel/errors.js'
import type { Config } from '../config.js'
import { startEmbeddedServer } from './embedded-server.js'
import { clearStaleLock, isProcessAlive, readLock, removeOwnLock, rewriteLock, tryCreateLock, type LockInfo } from './lock-file.js'
import { poolSql } from './pg-sql.js'
import { StatementNames } from './statement-names.js'
import { SOCKET_PORT, socketConnectionString, socketDirFor } from './socket-path.js'
import type { Sql } from './sql.js'
import { semestaTypes } from './type-policy.js'

export interface Database {
  sql: Sql
  engine: 'embedded' | 'postgres'
  /** True when this process opened the embedded folder itself: it holds the lock and serves the socket. */
  owner: boolean
  connectionString: string
  /** For what needs a raw client (COPY streams, pg-boss); everything else goes through `sql`. */
  pool: pg.Pool
  /** Ends the pool; an owner also stops its socket server, closes PGlite and removes the lock. Idempotent. */
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /**
   * 'server' (`semesta start`) refuses a folder another server owns and waits for a short command that owns it to
   * finish; 'cli' (default) connects through whichever live process owns the folder.
   */
  role?: 'server' | 'cli'
  /** How long to wait for an owner that is still starting (PGlite's first start runs initdb). Default 120 s. */
  waitMs?: number
  poolSize?: number
}

export const LOCK_FILE = 'semesta.lock'
/** Lock files this process holds (to tell its own lock from a stale one that happens to carry the same pid). */
const ownedHere = new Set<string>()
export const PGDATA_DIR = 'pgdata'

/** A pg Pool with Semesta's type policy (type-policy.ts); every pool Semesta opens comes from here. */
export function createPool(connectionString: string, max: number, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ idleTimeoutMillis: 10_000, ...extra, connectionString, max, types: semestaTypes })
  // an idle client whose server went away: the pool drops it; the next query reports the real problem
  pool.on('error', () => undefined)
  return pool
}

function database(pool: pg.Pool, fields: Omit<Database, 'sql' | 'pool' | 'close'>, close: () => Promise<void>): Database {
  let closing: Promise<void> | undefined
  // server PostgreSQL: repeated statements go prepared (statement-names.ts); the embedded engine shares one session
  const sql = poolSql(pool, fields.engine === 'postgres' ? { names: new StatementNames() } : {})
  return { ...fields, pool, sql, close: () => (closing ??= close()) }
}

/** Opens Semesta's database: server PostgreSQL when `databaseUrl` is set, else the embedded engine in `dataDir`. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, options.poolSize ?? 20)
  return openEmbedded(path.resolve(config.dataDir), options)
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = createPool(url, poolSize)
  try {
    await pool.query('select 1')
  } catch (error) {
    await pool.end()
    throw new DomainError('unavailable', `Cannot reach the PostgreSQL of DATABASE_URL: ${(error as Error).message}`)
  }
  return database(pool, { engine: 'postgres', owner: false, connectionString: url }, () => pool.end())
}

async function openEmbedded(dataDir: string, options: OpenDatabaseOptions): Promise<Database> {
  const role = options.role ?? 'cli'
  const deadline = Date.now() + (options.waitMs ?? 120_000)
  const lockPath = path.join(dataDir, LOCK_FILE)
  fs.mkdirSync(dataDir, { recursive: true })
  for (;;) {
    const mine: LockInfo = { pid: process.pid, role, state: 'starting', socketDir: socketDirFor(dataDir), port: SOCKET_PORT, startedAt: new Date().toISOString() }
    if (tryCreateLock(lockPath, mine)) return serveAsOwner(dataDir, lockPath, mine, options.poolSize ?? 10)
    const found = readLock(lockPath)
    if (found.kind === 'none') continue
    if (found.kind === 'unreadable') {
      if (found.ageMs > 5_000) clearStaleLock(lockPath, null)
      else await sleep(100)
      continue
    }
    const owner = found.info
    // our own pid on a lock this process does not hold: a previous life of a container's PID 1, say
    const reusedPid = owner.pid === process.pid && !ownedHere.has(lockPath)
    if (reusedPid || !isProcessAlive(owner.pid)) {
      clearStaleLock(lockPath, owner)
      continue
    }
    if (role === 'server' && owner.role === 'server') {
      throw new DomainError('conflict', `Semesta is already running on ${dataDir} (pid ${owner.pid}).`)
    }
    if (role === 'cli') {
      const client = await connectToOwner(owner, options.poolSize ?? 4)
      if (client) return client
    }
    if (Date.now() > deadline) {
      const why = role === 'server' ? 'a command still uses it' : `it does not answer on ${owner.socketDir}`
      throw new DomainError('unavailable', `The data folder ${dataDir} is held by pid ${owner.pid} and ${why}. If that process is not Semesta, remove ${lockPath}.`)
    }
    await sleep(200)
  }
}

async function connectToOwner(owner: LockInfo, poolSize: number): Promise<Database | null> {
  if (owner.state !== 'ready') return null
  const connectionString = socketConnectionString(owner.socketDir, owner.port)
  const pool = createPool(connectionString, poolSize)
  try {
    await pool.query('select 1')
  } catch {
    await pool.end().catch(() => undefined)
    return null
  }
  return database(pool, { engine: 'embedded', owner: false, connectionString }, () => pool.end())
}

async function serveAsOwner(dataDir: string, lockPath: string, lock: LockInfo, poolSize: number): Promise<Database> {
  const dropLockOnExit = () => removeOwnLock(lockPath)
  process.on('exit', dropLockOnExit)
  ownedHere.add(lockPath)
  let server: Awaited<ReturnType<typeof startEmbeddedServer>> | undefined
  try {
    server = await startEmbeddedServer({ pgdataDir: path.join(dataDir, PGDATA_DIR), socketDir: lock.socketDir, removeSocketDir: lock.socketDir !== dataDir })
    rewriteLock(lockPath, { ...lock, state: 'ready' })
  } catch (error) {
    await server?.stop().catch(() => undefined)
    removeOwnLock(lockPath)
    process.off('exit', dropLockOnExit)
    ownedHere.delete(lockPath)
    throw error
  }
  const running = server
  const pool = createPool(running.connectionString, poolSize)
  return database(pool, { engine: 'embedded', owner: true, connectionString: running.connectionString }, async () => {
    try {
      await pool.end()
      await running.stop()
    } finally {
      removeOwnLock(lockPath)
      process.off('exit', dropLockOnExit)
      ownedHere.delete(lockPath)
    }
  })
}
