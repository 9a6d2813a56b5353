import fs from 'node:fs'

/** `<dataDir>/semesta.lock`: which process owns an embedded data folder, and where it serves it. */
export interface LockInfo {
  pid: number
  /** 'server' = `semesta start`; 'cli' = a short command that opened the folder itself. */
  role: 'server' | 'cli'
  state: 'starting' | 'ready'
  socketDir: string
  port: number
  startedAt: string
}

export type LockRead = { kind: 'none' } | { kind: 'unreadable'; ageMs: number } | { kind: 'lock'; info: LockInfo }

/** Creates the lock atomically (O_EXCL); false when another lock file is already there. */
export function tryCreateLock(lockPath: string, info: LockInfo): boolean {
  let fd: number
  try {
    fd = fs.openSync(lockPath, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    fs.writeSync(fd, JSON.stringify(info))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  return true
}

/** Replaces the lock's content atomically (write aside, rename over). Only its owner calls this. */
export function rewriteLock(lockPath: string, info: LockInfo): void {
  const aside = `${lockPath}.${info.pid}.tmp`
  fs.writeFileSync(aside, JSON.stringify(info), { mode: 0o600 })
  fs.renameSync(aside, lockPath)
}

function isLockInfo(value: unknown): value is LockInfo {
  const v = value as Partial<LockInfo> | null
  return typeof v === 'object' && v !== null && Number.isInteger(v.pid) && typeof v.socketDir === 'string' && Number.isInteger(v.port)
}

export function readLock(lockPath: string): LockRead {
  let text: string
  let ageMs: number
  try {
    text = fs.readFileSync(lockPath, 'utf8')
    ageMs = Date.now() - fs.statSync(lockPath).mtimeMs
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' }
    throw error
  }
  try {
    const info: unknown = JSON.parse(text)
    if (isLockInfo(info)) return { kind: 'lock', info }
  } catch {
    // being written right now, or a torn write from a crash: the caller decides by its age
  }
  return { kind: 'unreadable', ageMs }
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes a lock whose owner is gone. The lock is first renamed aside, so two processes clearing the same stale
 * lock cannot remove a fresh lock that a third one created in between: whoever renamed a fresh lock links it back.
 */
export function clearStaleLock(lockPath: string, stale: LockInfo | null): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`
  try {
    fs.renameSync(lockPath, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = readLock(aside)
  const isTheStaleOne = moved.kind !== 'lock' || (stale !== null && moved.info.pid === stale.pid && moved.info.startedAt === stale.startedAt)
  if (!isTheStaleOne) {
    try {
      fs.linkSync(aside, lockPath)
    } catch {
      // a newer lock is already in place; the one we moved lost its race anyway
    }
  }
  fs.rmSync(aside, { force: true })
}

/** Removes the lock if it is still this process's own. */
export function removeOwnLock(lockPath: string, pid: number = process.pid): void {
  const current = readLock(lockPath)
  if (current.kind === 'lock' && current.info.pid === pid) fs.rmSync(lockPath, { force: true })
}
