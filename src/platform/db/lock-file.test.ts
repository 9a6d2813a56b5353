import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { clearStaleLock, isProcessAlive, readLock, removeOwnLock, rewriteLock, tryCreateLock, type LockInfo } from './lock-file.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function lockPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-lockfile-'))
  dirs.push(dir)
  return path.join(dir, 'semesta.lock')
}

const info = (pid: number, startedAt = '2025-03-14T02:00:00.000Z'): LockInfo => ({ pid, role: 'cli', state: 'starting', socketDir: '/tmp/x', port: 5432, startedAt })

/** The pid of a process that has certainly exited (and been reaped). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(result.stdout.toString())
}

it('creates the lock once: a second creator is told it exists', () => {
  const file = lockPath()
  expect(tryCreateLock(file, info(process.pid))).toBe(true)
  expect(tryCreateLock(file, info(process.pid + 1))).toBe(false)
  expect(readLock(file)).toEqual({ kind: 'lock', info: info(process.pid) })
})

it('rewrites the lock in place and removes it only for its own pid', () => {
  const file = lockPath()
  tryCreateLock(file, info(process.pid))
  rewriteLock(file, { ...info(process.pid), state: 'ready' })
  expect(readLock(file)).toMatchObject({ kind: 'lock', info: { state: 'ready' } })
  removeOwnLock(file, process.pid + 1)
  expect(fs.existsSync(file)).toBe(true)
  removeOwnLock(file)
  expect(readLock(file)).toEqual({ kind: 'none' })
})

it('reports a torn lock as unreadable, with its age', () => {
  const file = lockPath()
  fs.writeFileSync(file, '{"pid": 12')
  expect(readLock(file)).toMatchObject({ kind: 'unreadable' })
})

it('tells a live process from a gone one', () => {
  expect(isProcessAlive(process.pid)).toBe(true)
  expect(isProcessAlive(deadPid())).toBe(false)
})

it('clears a stale lock, but puts back a fresh lock created by someone else in between', () => {
  const file = lockPath()
  const stale = info(deadPid(), '2025-01-01T00:00:00.000Z')
  tryCreateLock(file, stale)
  clearStaleLock(file, stale)
  expect(readLock(file)).toEqual({ kind: 'none' })

  const fresh = info(process.pid, '2025-03-14T03:00:00.000Z')
  tryCreateLock(file, fresh)
  clearStaleLock(file, stale)
  expect(readLock(file)).toEqual({ kind: 'lock', info: fresh })
  expect(fs.readdirSync(path.dirname(file))).toEqual(['semesta.lock'])
})
