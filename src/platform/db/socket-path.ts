import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

/** The socket file is `<dir>/.s.PGSQL.<port>`, the name libpq and `pg` look for in a socket directory. */
export const SOCKET_PORT = 5432

/** Unix socket paths are limited to 107 bytes on Linux (103 on macOS); stay well below. */
const MAX_SOCKET_PATH_BYTES = 100

export const socketFileName = (port: number = SOCKET_PORT): string => `.s.PGSQL.${port}`

/** The data folder itself when its socket path is short enough, else a folder in the temp dir named by a hash of it. */
export function socketDirFor(dataDir: string, tmpDir: string = os.tmpdir()): string {
  const direct = path.join(dataDir, socketFileName())
  if (Buffer.byteLength(direct) <= MAX_SOCKET_PATH_BYTES) return dataDir
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)
  return path.join(tmpDir, `semesta-${hash}`)
}

/** A `pg` connection string for a unix socket directory (the embedded engine has one user and one database). */
export function socketConnectionString(socketDir: string, port: number = SOCKET_PORT): string {
  return `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`
}
