import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, openDatabase, PGDATA_DIR } from './open-database.js'
import { socketFileName } from './socket-path.js'

/** Real processes on a real folder: the lock, connecting through the owner, SIGTERM, and recovery from SIGKILL. */
const CHILD = fileURLToPath(new URL('./fixtures/hold-open.ts', import.meta.url))
const TEMPLATE = path.resolve('node_modules/.cache/semesta', `pglite-${pgliteVersion()}`)

function pgliteVersion(): string {
  return (JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version
}

/** A new data folder, seeded from the initdb'd template global-setup caches (else the first open runs initdb). */
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-lock-'))
  if (fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) fs.cpSync(TEMPLATE, path.join(dir, PGDATA_DIR), { recursive: true })
  return dir
}

interface Child {
  process: ChildProcess
  /** Resolves with the first stdout JSON line matching `test`. */
  waitFor(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startChild(dataDir: string, mode: 'idle' | 'write'): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
  let buffer = ''
  let stderr = ''
  const waiters: Array<{ test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = []
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let newline: number
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>
      buffer = buffer.slice(newline + 1)
      for (const waiter of waiters.filter((w) => w.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return {
    process: child,
    exited,
    waitFor: (test) =>
      Promise.race([
        new Promise<Record<string, unknown>>((resolve) => waiters.push({ test, resolve })),
        exited.then(({ code, signal }) => {
          throw new Error(`child exited (${code ?? signal}) before the expected line; stderr:\n${stderr}`)
        }),
      ]),
  }
}

const readLockFile = (dataDir: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as Record<string, unknown>

describe('the embedded engine across processes', () => {
  const dirs: string[] = []
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('lets a second process work through the owner, refuses a second server, and a SIGTERM leaves no lock', async () => {
    const dataDir = freshDataDir()
    dirs.push(dataDir)
    const owner = startChild(dataDir, 'idle')
    children.push(owner.process)
    const ready = await owner.waitFor((line) => line.ready === true)
    expect(ready.owner).toBe(true)
    expect(readLockFile(dataDir)).toMatchObject({ pid: owner.process.pid, role: 'server', state: 'ready', socketDir: dataDir })

    const client = await openDatabase({ databaseUrl: undefined, dataDir })
    expect({ engine: client.engine, owner: client.owner }).toEqual({ engine: 'embedded', owner: false })
    await client.sql.query(`insert into work (batch, payload) values (0, 'from the second process')`)
    await expect(openDatabase({ databaseUrl: undefined, dataDir }, { role: 'server' })).rejects.toThrow(/already running/)

    owner.process.kill('SIGTERM')
    expect(await owner.exited).toEqual({ code: 0, signal: null })
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
    expect(fs.existsSync(path.join(dataDir, socketFileName()))).toBe(false)
    await client.close()

    const reopened = await openDatabase({ databaseUrl: undefined, dataDir })
    try {
      expect(reopened.owner).toBe(true)
      const { rows } = await reopened.sql.query<{ payload: string }>('select payload from work')
      expect(rows).toEqual([{ payload: 'from the second process' }])
    } finally {
      await reopened.close()
    }
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
  })

  it('clears the stale lock of a process killed with SIGKILL mid-write, and PGlite recovers whole transactions', async () => {
    const dataDir = freshDataDir()
    dirs.push(dataDir)
    const writer = startChild(dataDir, 'write')
    children.push(writer.process)
    await writer.waitFor((line) => typeof line.batches === 'number' && line.batches >= 5)
    writer.process.kill('SIGKILL')
    expect((await writer.exited).signal).toBe('SIGKILL')
    expect(readLockFile(dataDir).pid).toBe(writer.process.pid)

    const recovered = await openDatabase({ databaseUrl: undefined, dataDir })
    try {
      expect(recovered.owner).toBe(true)
      expect(readLockFile(dataDir).pid).toBe(process.pid)
      const { rows } = await recovered.sql.query<{ n: number; batches: number; partial: number }>(
        `select count(*) as n, count(distinct batch) as batches,
                (select count(*) from (select batch from work group by batch having count(*) <> 20) p) as partial
           from work`,
      )
      expect(rows[0]?.batches).toBeGreaterThanOrEqual(5)
      expect(rows[0]?.partial).toBe(0)
      expect(rows[0]?.n).toBe((rows[0]?.batches ?? 0) * 20)
      await recovered.sql.query(`insert into work (batch, payload) values (-1, 'after recovery')`)
    } finally {
      await recovered.close()
    }
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
  })

  it('treats a lock carrying its own pid, which it does not hold, as stale (a restarted container’s PID 1)', async () => {
    const dataDir = freshDataDir()
    dirs.push(dataDir)
    const lock = { pid: process.pid, role: 'server', state: 'ready', socketDir: path.join(dataDir, 'gone'), port: 5432, startedAt: '2025-01-01T00:00:00.000Z' }
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(lock))
    const db = await openDatabase({ databaseUrl: undefined, dataDir }, { waitMs: 5_000 })
    try {
      expect(db.owner).toBe(true)
      expect(readLockFile(dataDir)).toMatchObject({ pid: process.pid, socketDir: dataDir })
    } finally {
      await db.close()
    }
  })
})
