import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { installProtocolQueue } from './protocol-queue.js'
import { SOCKET_PORT, socketConnectionString, socketFileName } from './socket-path.js'

export interface EmbeddedServer {
  pglite: PGlite
  socketDir: string
  port: number
  connectionString: string
  /** Stops accepting connections, closes PGlite (a clean checkpoint) and removes the socket file. */
  stop(): Promise<void>
}

export interface EmbeddedServerOptions {
  /** PGlite's folder (`<dataDir>/pgdata`); created on first start (initdb takes several seconds). */
  pgdataDir: string
  socketDir: string
  /** Connections the socket accepts at once, from every process; PGlite still runs one statement at a time. */
  maxConnections?: number
  /** Remove the (then empty) socket folder on stop: true for the temp-dir fallback of a long data folder path. */
  removeSocketDir?: boolean
}

/** Opens PGlite on a folder and serves it over a unix socket to ordinary `pg` clients. The caller holds the lock. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  fs.mkdirSync(options.pgdataDir, { recursive: true })
  fs.mkdirSync(options.socketDir, { recursive: true, mode: 0o700 })
  const socketPath = path.join(options.socketDir, socketFileName(SOCKET_PORT))
  // a socket file left by a killed owner: we hold the lock, so nobody else listens on it
  fs.rmSync(socketPath, { force: true })
  const pglite = await PGlite.create(options.pgdataDir)
  const server = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: options.maxConnections ?? 64 })
  installProtocolQueue(server, pglite)
  try {
    await server.start()
    // the engine has no passwords: only this user may connect
    fs.chmodSync(socketPath, 0o600)
  } catch (error) {
    await pglite.close()
    throw error
  }
  let stopped: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    await server.stop()
    if (!pglite.closed) await pglite.close()
    fs.rmSync(socketPath, { force: true })
    if (options.removeSocketDir) fs.rmSync(options.socketDir, { recursive: true, force: true })
  }
  return {
    pglite,
    socketDir: options.socketDir,
    port: SOCKET_PORT,
    connectionString: socketConnectionString(options.socketDir, SOCKET_PORT),
    stop: () => (stopped ??= stop()),
  }
}
